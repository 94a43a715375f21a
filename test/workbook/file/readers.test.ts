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
