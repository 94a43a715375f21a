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
