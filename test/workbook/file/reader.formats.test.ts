// Files from other writers (test/fixtures/reader/, made by scripts/make-reader-fixtures.ts with
// LibreOffice): each must read, cell for cell, as the .xlsx they were converted from.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { decodeCsv } from '../../../src/workbook/file/reader/csv';
import { views, type CellView } from '../../helpers/grids';

const DIR = path.resolve(__dirname, '../../fixtures/reader');
const read = async (name: string) => readWorkbook(readFileSync(path.join(DIR, name)), name);

test.each([
  ['libreoffice.xls', 'Excel 97-2003 (BIFF8) from LibreOffice'],
  ['wps.et', 'WPS .et (the same OLE/BIFF8 container)'],
  ['libreoffice.ods', 'OpenDocument from LibreOffice'],
  ['libreoffice-from-ods.xlsx', '.xlsx written by LibreOffice from the .ods'],
])('%s (%s) reads as the .xlsx it came from: every cell, every number format, every sheet', async (name) => {
  const source = views(await read('来源.xlsx'));
  expect(source.map((s) => s.sheet)).toEqual(['名单', '订单']);
  expect(views(await read(name))).toEqual(source);
});

/** A sheet's cells as the text a CSV holds (numbers written as they print, dates as yyyy-mm-dd). */
function asText(view: CellView): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view.cells).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('date:') ? v.slice(5, 15) : String(v)]));
}

test.each([
  ['名单-utf8-bom.csv', 'UTF-8'],
  ['名单-gb18030.csv', 'GB18030'],
])('%s: a CSV in %s reads every character of the list, as text, on one sheet named after the file', async (name, encoding) => {
  const bytes = readFileSync(path.join(DIR, name));
  expect(decodeCsv(bytes).encoding).toBe(encoding);
  const [list] = views(await read('来源.xlsx'));
  const grids = await read(name);
  expect(grids.map((g) => g.sheet)).toEqual([name.replace(/\.csv$/, '')]);
  // The source sheet has a title row above the header; the CSV starts at the header.
  const shifted = Object.fromEntries(
    Object.entries(asText(list))
      .filter(([k]) => !k.startsWith('R1C'))
      .map(([k, v]) => [k.replace(/^R(\d+)/, (_, r: string) => `R${Number(r) - 1}`), v]),
  );
  expect(views(grids)[0].cells).toEqual(shifted);
});

test('CSV quoting: quoted commas, doubled quotes, line breaks inside quotes, empty fields, no final newline', async () => {
  const csv = '名称,说明\r\n"甲,乙","他说""好"""\n"多\n行",\n,只有第二列';
  const [grid] = await readWorkbook(Buffer.from(csv, 'utf8'), 't.csv');
  expect(views([grid])[0].cells).toEqual({ R1C1: '名称', R1C2: '说明', R2C1: '甲,乙', R2C2: '他说"好"', R3C1: '多\n行', R4C2: '只有第二列' });
});

// Every format names a number past Excel's limits in the same words (gridBuilder's boundsReason).
test.each([
  ['a column past XFD', `${','.repeat(16_384)}x\n`, '列号 16385 超出 Excel 的上限（16,384 列）'],
  ['a row past 1,048,576', `${'\n'.repeat(1_048_576)}x\n`, '行号 1048577 超出 Excel 的上限（1,048,576 行）'],
])('a CSV with %s is refused with the number and the limit', async (_what, csv, why) => {
  const err = await readWorkbook(Buffer.from(csv, 'utf8'), '名单.csv').then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(err?.message).toBe(`无法读取「名单.csv」：CSV 文件的${why}，Excel 也无法完整打开，请拆分后重新提交`);
});
