/** 附表4-2-1-7 合作服务机构名单. */
import { INSTITUTION_TYPES, TABLE_TITLES, RowModel, TableModel, utcDate, dateCell, seqCells } from '../model';
import type { TableContext } from './prepare';

export function buildInstitutions(g: TableContext) {
  const { root, o, factory, year, messy, planted, plantRng, drafts } = g;
  // ===========================================================================================
  // 附表4-2-1-7 合作服务机构名单
  // ===========================================================================================
  const instRng = root.fork('institutions');
  const instRows: RowModel[] = [];
  {
    const types = instRng.shuffle([...INSTITUTION_TYPES]);
    for (let i = 0; i < o.institutions; i++) {
      const [pattern, category, content] = types[i % types.length];
      let brand = factory.nextBrand();
      while (!factory.reserve(brand + category)) brand = factory.nextBrand();
      const signed = utcDate(instRng.int(year - 2, year), instRng.int(1, 12), instRng.int(1, 28));
      instRows.push({
        kind: 'data',
        cells: {
          institution: pattern.replace('{b}', brand),
          category,
          service: content,
          signedDate: dateCell(instRng, signed, messy),
        },
      });
    }
  }
  if (planted) {
    const picks = plantRng.shuffle(instRows.map((_, i) => i)).slice(0, 2);
    const noDate = instRows[picks[0]];
    noDate.cells.signedDate = null;
    drafts.push({
      check: 'institution-date',
      table: '4-2-1-7',
      row: noDate,
      key: 'signedDate',
      related: [],
      extraRow: false,
      description: `"${noDate.cells.institution}" has no 签订协议时间`,
    });
    const late = instRows[picks[1]];
    late.cells.signedDate = dateCell(plantRng, utcDate(year + 1, 2, 1), messy);
    drafts.push({
      check: 'institution-date',
      table: '4-2-1-7',
      row: late,
      key: 'signedDate',
      related: [],
      extraRow: false,
      description: `"${late.cells.institution}" signed ${year + 1}-02-01, after the review year`,
    });
  }
  seqCells(instRows);
  const instTable: TableModel = {
    id: '4-2-1-7',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'institution', header: '合作服务机构名称', width: 36 },
      { key: 'category', header: '服务类别', width: 12 },
      { key: 'service', header: '主要服务内容', width: 36 },
      { key: 'signedDate', header: '签订协议时间', width: 16 },
    ],
    rows: instRows,
    titleLines: messy ? ['附表4-2-1-7', TABLE_TITLES['4-2-1-7']] : [],
    stampLine: null,
    unitLine: null,
    note: null,
    amountUnit: null,
  };

  return { instRows, instTable };
}
