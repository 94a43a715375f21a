/**
 * An empty 申报数据 workbook (附件4-2's numeric items, one row each) for a platform or a reviewer to fill.
 * The review reads it back by its 编号 column, or by 项目 when 编号 is lost.
 */
import ExcelJS from 'exceljs';
import { DECLARED_ITEMS, DECLARED_TEXT_ITEMS } from '../../domain/declared';
import { CATEGORIES } from '../../domain/roster';

const HEADER = ['编号', '栏目', '项目', '申报值', '单位', '说明'];

/** Build the template; returns the .xlsx bytes. */
export async function declaredTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '示范平台审核助手';
  const ws = wb.addWorksheet('申报数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 22 }, { width: 18 }, { width: 60 }, { width: 16 }, { width: 8 }, { width: 30 }];
  ws.addRow(HEADER);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const t of DECLARED_TEXT_ITEMS) {
    const row = ws.addRow([t.id, '【一、基本情况】', t.label, null, '', t.id === '一.类别' ? `填写其中一项：${CATEGORIES.join('、')}` : '']);
    if (t.id === '一.类别') {
      row.getCell(4).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${CATEGORIES.join(',')}"`] };
    }
  }
  for (const item of DECLARED_ITEMS) {
    const note = item.categories
      ? `仅${item.categories.join('、')}类平台填写${item.verify === undefined ? '' : item.id === '三.4(2)' ? '；给出上一年度材料（--previous）时与核定数比对' : '；将与附表核定数比对'}`
      : item.id.startsWith('二.13(2)')
        ? `上一年度（2023年度）运营数据${item.verify ? '；给出上一年度材料（--previous）时与上一年度附表核定数比对' : ''}`
        : item.verify
          ? '将与附表核定数比对'
          : '';
    const row = ws.addRow([item.id, item.section, item.label, null, item.unit, note]);
    row.getCell(4).numFmt = item.unit === '%' ? '0.00' : item.unit === '万元' || item.unit === '亿元' ? '#,##0.00' : '0';
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    ws.getCell(r, 4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    ws.getCell(r, 3).alignment = { wrapText: true, vertical: 'middle' };
  }
  ws.autoFilter = { from: 'A1', to: 'F1' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
