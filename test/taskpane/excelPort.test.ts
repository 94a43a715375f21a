import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createExcelPort } from '../../src/taskpane/review/excelPort';
import { readWorkbook } from '../../src/workbook/file/reader';
import { createMemoryExcel, type MemSheetSpec } from '../workbook/office/memoryExcel';
import { views } from '../helpers/grids';

const FIXTURES = path.resolve(__dirname, '../fixtures/reader');

test.each(['libreoffice.xls', 'wps.et', 'libreoffice.ods', '名单-gb18030.csv'])(
  'importing %s: Excel is handed an .xlsx of what the reader read, and its sheets arrive with every cell',
  async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
    const handed: Uint8Array[] = [];
    const excel = createMemoryExcel([{ name: '自己的表', values: [['原有内容']] }], {
      async parseWorkbook(base64: string): Promise<MemSheetSpec[]> {
        const xlsx = new Uint8Array(Buffer.from(base64, 'base64'));
        handed.push(xlsx);
        const grids = await readWorkbook(xlsx, 'inserted.xlsx');
        return grids.map((g) => ({ name: g.sheet, firstRow: g.firstRow, firstColumn: g.firstColumn, values: g.values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : (v ?? '')))) }));
      },
    });
    const port = createExcelPort({ highest: '1.13', insertWorksheetsFromBase64: true }, excel.run);
    const result = await port.addFiles([{ name, bytes }]);
    expect(result.problems).toEqual([]);
    expect(handed).toHaveLength(1);
    // A zip (PK), not the OLE or text bytes submitted.
    expect([handed[0][0], handed[0][1]]).toEqual([0x50, 0x4b]);
    expect(views(await readWorkbook(handed[0], 'inserted.xlsx'))).toEqual(views(await readWorkbook(bytes, name)));
    expect(excel.cell('自己的表', 'A1')?.value).toBe('原有内容');
  },
);

describe('import notes: which files Excel inserted and which were written as values only', () => {
  const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) });
  const parseWith = (refuse: (grids: unknown[]) => boolean) => async (base64: string): Promise<MemSheetSpec[]> => {
    const grids = await readWorkbook(new Uint8Array(Buffer.from(base64, 'base64')), 'inserted.xlsx');
    if (refuse(grids)) throw new Error('InvalidArgument');
    return grids.map((g) => ({ name: g.sheet, values: g.values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : (v ?? '')))) }));
  };

  test('ExcelApi 1.13: the file Excel refused is named as values only; the recalculation note is given for the inserted one', async () => {
    let calls = 0;
    // The second file handed to Excel is refused, so it falls back to values.
    const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }], { parseWorkbook: parseWith(() => ++calls === 2) });
    const port = createExcelPort({ highest: '1.13', insertWorksheetsFromBase64: true }, excel.run);
    const result = await port.addFiles([file('来源.xlsx'), file('libreoffice-from-ods.xlsx')]);
    expect(result.problems).toEqual([]);
    expect(result.notes).toHaveLength(2);
    expect(result.notes?.[0]).toMatch(/^「libreoffice-from-ods\.xlsx」只复制了数值：Excel 未能直接插入此文件，原表的格式和公式没有保留/);
    expect(result.notes?.some((n) => n.includes('来源.xlsx'))).toBe(false);
    expect(result.notes?.[1]).toMatch(/Excel 会重新计算这些公式；命令行.*审核的是文件中保存的计算结果/);
  });

  test('below ExcelApi 1.13 every file is values only, and there is no recalculation note', async () => {
    const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }]);
    const port = createExcelPort({ highest: '1.12', insertWorksheetsFromBase64: false }, excel.run);
    const result = await port.addFiles([file('来源.xlsx'), file('libreoffice-from-ods.xlsx')]);
    expect(result.notes).toEqual([
      expect.stringMatching(/^「来源\.xlsx」只复制了数值：当前 Excel 不支持直接插入工作表/),
      expect.stringMatching(/^「libreoffice-from-ods\.xlsx」只复制了数值：当前 Excel 不支持直接插入工作表/),
    ]);
  });
});
