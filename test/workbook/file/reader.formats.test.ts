// Files from other writers (test/fixtures/reader/, made by scripts/make-reader-fixtures.ts with
// LibreOffice): each must read, cell for cell, as the .xlsx they were converted from.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { readCompoundDirectory, withoutPropertySets, type DirectoryEntry } from '../../../src/workbook/file/reader/compoundFile';
import { decodeCsv } from '../../../src/workbook/file/reader/csv';
import { edit, parts, views, type CellView } from '../../helpers/grids';

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

// Found by fuzzing: SheetJS's errors on damaged legacy files (「Cannot read properties of undefined
// (reading 't')」, 「CFB file size 66 < 512」) were passed on in brackets. A reviewer reads Chinese only.
test('damaged .xls, .et and .ods files are refused in Chinese, with no library detail', async () => {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const messages = new Set<string>();
  for (const name of ['libreoffice.xls', 'wps.et', 'libreoffice.ods']) {
    const original = readFileSync(path.join(DIR, name));
    for (let i = 0; i < 60; i++) {
      const bytes = Uint8Array.from(original);
      for (let k = 0; k < 1 + (i % 4); k++) bytes[next() % Math.min(bytes.length, 8192)] = next() % 256;
      const cut = i % 5 === 0 ? bytes.subarray(0, next() % bytes.length) : bytes;
      await readWorkbook(cut, name).then(
        () => undefined,
        (e: Error) => messages.add(e.message),
      );
    }
  }
  messages.add(await readWorkbook(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(58).fill(0)]), '名单.xls').then(String, (e: Error) => e.message));
  expect(messages.size).toBeGreaterThan(1);
  for (const m of messages) {
    expect(m).toMatch(/^无法读取「[^」]+」：/);
    expect(m.replace(/「[^」]*」/g, '').replace(/Excel 97-2003|Excel|WPS|OpenDocument|XML|CRC|\.(?:xlsx|xls|et|ods)\b/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  }
});

// Found by fuzzing: SheetJS expands repeated cells with no bound (a valued cell repeated over
// 1,048,576 rows × 16,384 columns never finished) and took 90 s over a damaged deflate stream.
describe('an OpenDocument file is checked before SheetJS reads it', () => {
  const ods = readFileSync(path.join(DIR, 'libreoffice.ods'));
  const withContent = (change: (xml: string) => string) => edit(ods, { 'content.xml': change });

  test('repeats that expand past 2,000,000 valued cells are refused at once', async () => {
    const repeated = '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>';
    const data = withContent((xml) => xml.replace(/(<table:table [^>]*>)/, `$1${repeated}`));
    const t0 = Date.now();
    const message = await readWorkbook(data, '重复.ods').then(String, (e: Error) => e.message);
    expect(message).toBe('无法读取「重复.ods」：OpenDocument 表格中重复的单元格展开后超过 2,000,000 个，超出可处理的范围，请在 Excel 或 WPS 中另存为 .xlsx 后重新提交');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('the empty rows and columns LibreOffice repeats up to Excel’s limits are allowed; one past them is not', async () => {
    // The fixture, as LibreOffice saved it, fills every sheet to 1,048,576 rows and 16,384 columns.
    const content = parts(ods)['content.xml'];
    expect(content).toMatch(/number-rows-repeated="1048569"/);
    expect(content).toMatch(/number-columns-repeated="16384"/);
    expect(views(await read('libreoffice.ods')).length).toBe(2);
    const oneMoreRow = withContent((xml) => xml.replace('number-rows-repeated="1048569"', 'number-rows-repeated="1048570"'));
    expect(await readWorkbook(oneMoreRow, '行.ods').then(String, (e: Error) => e.message)).toMatch(/^无法读取「行\.ods」：工作表「名单」的行号 1048577 超出 Excel 的上限（1,048,576 行）/);
    // Found by fuzzing: an empty cell repeated 1,048,577 times cost 3 s and 370 MB in SheetJS before its refusal.
    const wideRow = withContent((xml) => xml.replace('<table:table-cell table:number-columns-repeated="16384"/>', '<table:table-cell table:number-columns-repeated="1048577"/>'));
    expect(await readWorkbook(wideRow, '列.ods').then(String, (e: Error) => e.message)).toMatch(/^无法读取「列\.ods」：工作表「[^」]+」的列号 10485\d\d 超出 Excel 的上限（16,384 列）/);
  });

  // Found by fuzzing: SheetJS writes a format's digit count out as that many 0s; 400 nines exhausted the heap.
  test('a number format asking for more digits than any spreadsheet shows', async () => {
    const nines = '9'.repeat(400);
    const data = edit(ods, { 'styles.xml': (xml) => xml.replace('number:min-integer-digits="1"', `number:min-integer-digits="${nines}"`) });
    // Not a number at all: SheetJS reads it as none, and so does the check.
    const word = edit(ods, { 'styles.xml': (xml) => xml.replace('number:min-integer-digits="1"', 'number:min-integer-digits="abc"') });
    expect((await readWorkbook(word, '格式.ods')).map((g) => g.sheet)).toEqual(['名单', '订单']);
    expect(parts(data)['styles.xml']).toContain(nines);
    expect(await readWorkbook(data, '格式.ods').then(String, (e: Error) => e.message)).toBe(
      `无法读取「格式.ods」：OpenDocument 表格的数字格式要求显示「${'9'.repeat(20)}…」位数字，超出任何表格软件的范围，文件不是由电子表格软件正常保存的`,
    );
  });

  // Found by fuzzing: a damaged type line sent an .ods to the .xlsx reader, which called it 不是有效的 .xlsx 文件.
  test.each([
    ['application/vnd.oasis.opendocument.text', '是 OpenDocument 文字文档，不是表格'],
    ['application/vnd.oasis.opendocument.presentation', '是 OpenDocument 演示文稿，不是表格'],
    ['application/vnd.oasis.opendocumXnt.spreadsheet', '是 OpenDocument 文件，但其类型说明（「mimetype」部分）已损坏，无法确定是否为表格，请在 WPS 或 LibreOffice 中重新保存'],
  ])('mimetype %s', async (mimetype, why) => {
    const data = edit(ods, { mimetype: () => mimetype });
    expect(await readWorkbook(data, '材料.ods').then(String, (e: Error) => e.message)).toBe(`无法读取「材料.ods」：${why}`);
  });

  test('a spreadsheet template (.ots) reads as a spreadsheet', async () => {
    expect(views(await readWorkbook(edit(ods, { mimetype: () => 'application/vnd.oasis.opendocument.spreadsheet-template' }), '模板.ots'))).toEqual(views(await read('libreoffice.ods')));
  });

  // Found by fuzzing: a table without table:name gave a grid whose sheet was undefined.
  test('a table without a name is called Sheet1, as Excel would call it', async () => {
    const grids = await readWorkbook(withContent((xml) => xml.replace(/(<table:table )table:name="[^"]*"/, '$1')), '无名.ods');
    expect(grids.map((g) => g.sheet)).toEqual(['Sheet1', '订单']);
  });

  test('a damaged part is named by the zip check, not left to SheetJS', async () => {
    const bytes = Uint8Array.from(ods);
    // Inside meta.xml's compressed data: its local header is found by name.
    const at = Buffer.from(bytes).indexOf('meta.xml') + 'meta.xml'.length + 8;
    for (let i = 0; i < 16; i++) bytes[at + i] ^= 0xa5;
    const t0 = Date.now();
    expect(await readWorkbook(bytes, '损坏.ods').then(String, (e: Error) => e.message)).toMatch(/^无法读取「损坏\.ods」：压缩包中的「meta\.xml」(数据损坏|校验失败)/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

// Found by fuzzing, kept as they were found (bit flips of the fixtures above). With SheetJS reading
// them as they were, the first aborted the whole process (V8's "invalid size" in SheetJS's
// directory walk, which no try can catch) and the second allocated until the heap ran out.
describe('the compound file around .xls and .et is checked before SheetJS reads it', () => {
  test('a directory whose entries point back at each other is refused', async () => {
    expect(await read('fuzz-directory.et').then(String, (e: Error) => e.message)).toBe('无法读取「fuzz-directory.et」：WPS 表格文件的内部目录已损坏（复合文档结构不完整或互相矛盾），无法读取');
  });

  test('a damaged document-properties stream is never parsed: the sheets read as before', async () => {
    expect(views(await read('fuzz-properties.et'))).toEqual(views(await read('wps.et')));
  });

  test.each([
    ['a sibling pointing at itself', (e: DirectoryEntry, d: Uint8Array) => d.set([1, 0, 0, 0], e.offset + 68)],
    ['a child pointing at the root', (e: DirectoryEntry, d: Uint8Array) => d.set([0, 0, 0, 0], e.offset + 76)],
    ['a pointer past the directory', (e: DirectoryEntry, d: Uint8Array) => d.set([0, 1, 0, 0], e.offset + 72)],
  ])('%s', async (_what, damage) => {
    const data = Uint8Array.from(readFileSync(path.join(DIR, 'libreoffice.xls')));
    const [, first] = readCompoundDirectory(data);
    damage(first, data);
    expect(await readWorkbook(data, '损坏.xls').then(String, (e: Error) => e.message)).toBe('无法读取「损坏.xls」：Excel 97-2003 文件的内部目录已损坏（复合文档结构不完整或互相矛盾），无法读取');
  });

  test('the submitted bytes are never changed; SheetJS reads a copy', async () => {
    const data = readFileSync(path.join(DIR, 'wps.et'));
    const before = Buffer.from(data);
    const entries = readCompoundDirectory(data);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['\u0005SummaryInformation', 'Workbook']));
    const copy = withoutPropertySets(data, entries);
    expect(copy).not.toBe(data);
    await readWorkbook(data, 'wps.et');
    expect(Buffer.compare(data, before)).toBe(0);
  });
});
