import JSZip from 'jszip';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WorkbookReadError } from '../../../src/workbook/port';
import { readXlsx } from '../../../src/workbook/file/readXlsx';
import { readXlsxFile } from '../../../src/workbook/file/streamXlsx';
import { staffSheet, xlsx } from '../../helpers/submission';

const sample = path.resolve(__dirname, '../../../samples/星河中小企业公共服务平台');

test('reads an .xlsx the test writes: used range origin, values of every type, formats, merged cells', async () => {
  const data = await xlsx([
    {
      name: '数据',
      rows: [
        [],
        [null, '名称', '金额', '日期', '占比', '公式'],
        [null, '甲', 12.5, new Date(Date.UTC(2024, 4, 12)), 0.95, { formula: 'C3*2', result: 25 }],
        [null, { richText: [{ text: '富' }, { text: '文本' }] }, { text: '链接', hyperlink: 'https://example.org' }, true, null, { formula: '1/0', result: { error: '#DIV/0!' } }],
      ],
      formats: { E3: '0.00%', C3: '#,##0.00' },
    },
    staffSheet([[1, '张三', '经理', '本科', 'x', '工程师', 'x', '1']]),
    { name: '空白', rows: [] },
  ]);
  const grids = await readXlsx(data, 'a.xlsx');
  expect(grids.map((g) => g.sheet)).toEqual(['数据', '人员', '空白']);
  const [g, staff, empty] = grids;
  expect({ firstRow: g.firstRow, firstColumn: g.firstColumn }).toEqual({ firstRow: 2, firstColumn: 2 });
  expect(g.values).toEqual([
    ['名称', '金额', '日期', '占比', '公式'],
    ['甲', 12.5, new Date(Date.UTC(2024, 4, 12)), 0.95, 25],
    ['富文本', '链接', true, null, '#DIV/0!'],
  ]);
  expect(g.numberFormats?.[1][1]).toBe('#,##0.00');
  expect(g.numberFormats?.[1][3]).toBe('0.00%');
  // The merged group cell 教育情况 (D3:E3) keeps its value at D3 only, as Office.js reports it.
  expect(staff.values[2].slice(3, 5)).toEqual(['教育情况', null]);
  expect(empty.values).toEqual([]);
});

/** Write bytes to a fresh temporary file, for the streaming reader. */
function onDisk(name: string, bytes: Buffer): string {
  const full = path.join(mkdtempSync(path.join(tmpdir(), 'readers-')), name);
  writeFileSync(full, bytes);
  return full;
}

const allTypes = () =>
  xlsx([
    {
      name: '数据',
      rows: [
        [],
        [null, '名称', '金额', '日期', '占比', '公式'],
        [null, '甲', 12.5, new Date(Date.UTC(2024, 4, 12)), 0.95, { formula: 'C3*2', result: 25 }],
        [null, { richText: [{ text: '富' }, { text: '文本' }] }, { text: '链接', hyperlink: 'https://example.org' }, true, null, { formula: '1/0', result: { error: '#DIV/0!' } }],
        [null, { formula: 'D3+1', result: 45425 }, { formula: '"a"&"b"', result: 'ab' }, { formula: 'TRUE()', result: true }, ' ', 0],
      ],
      formats: { E3: '0.00%', C3: '#,##0.00', B5: 'yyyy-mm-dd' },
    },
    staffSheet([[1, '张三', '经理', '本科', 'x', '工程师', 'x', '1']]),
    { name: '空白', rows: [] },
  ]);

test('the streaming reader gives the same grids as the in-memory reader on every kind of value', async () => {
  const data = await allTypes();
  const streamed = await readXlsxFile(onDisk('a.xlsx', data), 'a.xlsx');
  expect(streamed).toEqual(await readXlsx(data, 'a.xlsx'));
  // A formula whose result is shown as a date reads as that date, in both readers.
  expect(streamed[0].values[3][0]).toEqual(new Date(Date.UTC(2024, 4, 13)));
  expect(streamed[0].values[3].slice(1)).toEqual(['ab', true, ' ', 0]);
});

/** Rewrite one part of a real .xlsx, as other programs (WPS, report generators) write it. */
async function rewrite(data: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file(part)!.async('string');
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('the streaming reader reads what other programs write: inline rich text, phonetic runs, cells without a reference, the 1904 date system', async () => {
  const base = await xlsx([{ name: 'S', rows: [['x', 1]], formats: { B1: 'yyyy-mm-dd' } }]);
  let data = await rewrite(base, 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      '<sheetData>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><r><t>北京</t></r><r><rPr><b/></rPr><t xml:space="preserve">甲 公司</t></r><rPh sb="0" eb="2"><t>ペキン</t></rPh></is></c>' +
        '<c t="inlineStr"><is><t>&lt;无引用&gt;</t></is></c><c><v>7</v></c></row>' +
        '<row><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>0</v></c></row>' +
        '</sheetData>',
    ),
  );
  data = await rewrite(data, 'xl/workbook.xml', (xml) => xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>'));
  const [grid] = await readXlsxFile(onDisk('other.xlsx', data), 'other.xlsx');
  expect(grid.firstRow).toBe(2);
  expect(grid.values).toEqual([
    ['北京甲 公司', '<无引用>', 7],
    // A row without a number follows the one before; serial 0 in the 1904 system is 1904-01-01.
    ['x', new Date(Date.UTC(1904, 0, 1)), null],
  ]);
});

test('the streaming reader gives the same grids as the in-memory reader, on every sample file', async () => {
  const files = readdirSync(sample).filter((f) => f.endsWith('.xlsx') && !f.includes('损坏'));
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const full = path.join(sample, f);
    expect(await readXlsxFile(full, f)).toEqual(await readXlsx(readFileSync(full), f));
  }
});

test.each([
  ['empty.xlsx', Buffer.alloc(0), /文件为空/],
  ['old.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /旧版 \.xls/],
  ['pdf.xlsx', Buffer.from('%PDF-1.4 ...'), /PDF/],
  ['zip.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /不是有效的 \.xlsx 文件或文件已损坏/],
])('%s is refused with a Chinese reason naming the file, by both readers', async (name, bytes, reason) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'readers-'));
  writeFileSync(path.join(dir, name), bytes);
  for (const read of [() => readXlsx(bytes, name), () => readXlsxFile(path.join(dir, name), name)]) {
    const err = await read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as Error).message).toMatch(new RegExp(`^无法读取「${name.replace('.', '\\.')}」：`));
    expect((err as Error).message).toMatch(reason);
  }
});
