import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { WorkbookReadError } from '../../../src/workbook/port';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { decodeExcelEscapes, resolveTarget } from '../../../src/workbook/file/reader/xlsx';
import { crc32, crc32Js } from '../../../src/workbook/file/reader/zip';
import { readXlsx as exceljsGrids } from '../../helpers/exceljsGrid';
import { allocatedCells, edit, lastColumn, lastRow, parts, rezip, view, views, zip } from '../../helpers/grids';
import { staffSheet, xlsx } from '../../helpers/submission';

const sample = path.resolve(__dirname, '../../../samples/星河中小企业公共服务平台');

async function reason(data: Uint8Array, name: string, options?: { maxInflatedBytes?: number }): Promise<string> {
  const err = await readWorkbook(data, name, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  const message = (err as Error).message;
  expect(message.startsWith(`无法读取「${name}」：`)).toBe(true);
  expect(message).not.toMatch(/\n\s+at /);
  return message;
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

describe('what the reader reads', () => {
  test('every kind of value: used-range origin, numbers with their formats, dates, rich text, links, formulas as results, errors, merges', async () => {
    const grids = await readWorkbook(await allTypes(), 'a.xlsx');
    expect(grids.map((g) => g.sheet)).toEqual(['数据', '人员', '空白']);
    const [g, staff, empty] = grids;
    expect({ firstRow: g.firstRow, firstColumn: g.firstColumn, lastRow: lastRow(g), lastColumn: lastColumn(g) }).toEqual({ firstRow: 2, firstColumn: 2, lastRow: 5, lastColumn: 6 });
    expect(view(g).cells).toEqual({
      R2C2: '名称', R2C3: '金额', R2C4: '日期', R2C5: '占比', R2C6: '公式',
      R3C2: '甲', R3C3: 12.5, R3C4: 'date:2024-05-12T00:00:00.000Z', R3C5: 0.95, R3C6: 25,
      R4C2: '富文本', R4C3: '链接', R4C4: true, R4C6: '#DIV/0!',
      // A formula whose result is shown as a date reads as that date.
      R5C2: 'date:2024-05-13T00:00:00.000Z', R5C3: 'ab', R5C4: true, R5C5: ' ', R5C6: 0,
    });
    expect(view(g).formats).toEqual({ R3C3: '#,##0.00', R3C5: '0.00%' });
    // The merged group cell 教育情况 (D3:E3) keeps its value at D3 only, as Office.js reports it.
    expect(staff.values[2].slice(3, 5).map((v) => v ?? null)).toEqual(['教育情况', null]);
    expect(empty.values).toEqual([]);
  });

  test('the same cells as ExcelJS’s full load, on every kind of value and on every sample file', async () => {
    const data = await allTypes();
    expect(views(await readWorkbook(data, 'a.xlsx'))).toEqual(views(await exceljsGrids(data, 'a.xlsx')));
    const files = readdirSync(sample).filter((f) => f.endsWith('.xlsx') && !f.includes('损坏'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const bytes = readFileSync(path.join(sample, f));
      expect(views(await readWorkbook(bytes, f))).toEqual(views(await exceljsGrids(bytes, f)));
    }
  });

  test('what other programs write: inline rich text, phonetic runs, cells and rows without a reference, the 1904 date system', async () => {
    const base = await xlsx([{ name: 'S', rows: [['x', 1]], formats: { B1: 'yyyy-mm-dd' } }]);
    const data = edit(base, {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(
          /<sheetData>[\s\S]*<\/sheetData>/,
          '<sheetData>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><r><t>北京</t></r><r><rPr><b/></rPr><t xml:space="preserve">甲 公司</t></r><rPh sb="0" eb="2"><t>ペキン</t></rPh></is></c>' +
            '<c t="inlineStr"><is><t>&lt;无引用&gt;</t></is></c><c><v>7</v></c></row>' +
            '<row><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>0</v></c></row>' +
            '</sheetData>',
        ),
      'xl/workbook.xml': (xml) => xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>'),
    });
    const [grid] = await readWorkbook(data, 'other.xlsx');
    expect(view(grid).cells).toEqual({
      R2C1: '北京甲 公司',
      R2C2: '<无引用>',
      R2C3: 7,
      // A row without a number follows the one before; serial 0 in the 1904 system is 1904-01-01.
      R3C1: 'x',
      R3C2: 'date:1904-01-01T00:00:00.000Z',
    });
  });

  test('a formula’s cached 0, FALSE or text with an entity reads as the file holds it (where ExcelJS’s full load loses it)', async () => {
    const base = await xlsx([{ name: 'S', rows: [['x']] }]);
    const data = edit(base, {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(
          /<sheetData>[\s\S]*<\/sheetData>/,
          '<sheetData><row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="b"><f>FALSE()</f><v>0</v></c><c r="C1" t="str"><f>"&amp;amp;"</f><v>&amp;amp;</v></c></row></sheetData>',
        ),
    });
    const [grid] = await readWorkbook(data, 'f.xlsx');
    expect(view(grid).cells).toEqual({ R1C1: 0, R1C2: false, R1C3: '&amp;' });
    // The reference reader shows what is lost there: why the property test leaves these out.
    expect(view((await exceljsGrids(data, 'f.xlsx'))[0]).cells).toEqual({ R1C3: '&' });
  });

  test('shared strings: rich-text runs joined, phonetic guides left out, Excel’s _xHHHH_ escapes decoded', async () => {
    const base = await xlsx([{ name: 'S', rows: [['placeholder']] }]);
    const data = edit(base, {
      'xl/sharedStrings.xml': () =>
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">' +
        '<si><r><t>保定柏金辰</t></r><r><rPr><b/></rPr><t>机械设备有限责任公司</t></r><rPh sb="0" eb="2"><t>バオディン</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><t>甲_x000D_乙_x005F_x000D_丙</t></si>' +
        '<si><t xml:space="preserve"> 前后空格 </t></si></sst>',
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>'),
    });
    const [grid] = await readWorkbook(data, 's.xlsx');
    expect(view(grid).cells).toEqual({ R1C1: '保定柏金辰机械设备有限责任公司', R1C2: '甲\r乙_x000D_丙', R1C3: ' 前后空格 ' });
    expect(decodeExcelEscapes('_x0041__x00e9_')).toBe('Aé');
  });

  test('built-in number formats: 14 and the Chinese 31 are dates, 9 is a percentage, 0 is General', async () => {
    const base = await xlsx([{ name: 'S', rows: [[1]] }]);
    const data = edit(base, {
      'xl/styles.xml': () =>
        '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="4">' +
        '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="9"/></cellXfs></styleSheet>',
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(
          /<sheetData>[\s\S]*<\/sheetData>/,
          '<sheetData><row r="1"><c r="A1"><v>45424</v></c><c r="B1" s="1"><v>45424</v></c><c r="C1" s="2"><v>45424.5</v></c><c r="D1" s="3"><v>0.95</v></c><c r="E1" t="d"><v>2024-05-12T00:00:00Z</v></c>' +
            // Beyond 9999-12-31, and below 0, Excel shows ##### in a date format: the number stays.
            '<c r="F1" s="1"><v>100025570</v></c><c r="G1" s="1"><v>-3</v></c></row></sheetData>',
        ),
    });
    const [grid] = await readWorkbook(data, 'f.xlsx');
    expect(view(grid)).toEqual({
      sheet: 'S',
      cells: { R1C1: 45424, R1C2: 'date:2024-05-12T00:00:00.000Z', R1C3: 'date:2024-05-12T12:00:00.000Z', R1C4: 0.95, R1C5: 'date:2024-05-12T00:00:00.000Z', R1C6: 100025570, R1C7: -3 },
      formats: { R1C4: '0%', R1C6: 'mm-dd-yy', R1C7: 'mm-dd-yy' },
    });
  });

  test('Strict OOXML: other namespace URIs, prefixed elements, the same cells', async () => {
    const data = await allTypes();
    const strict = edit(data, Object.fromEntries(Object.keys(parts(data)).map((name) => [name, (xml: string) => toStrict(xml)])));
    expect(parts(strict)['xl/workbook.xml']).toContain('purl.oclc.org/ooxml/spreadsheetml/main');
    expect(views(await readWorkbook(strict, 'strict.xlsx'))).toEqual(views(await readWorkbook(data, 'a.xlsx')));
  });

  test('worksheets found through the relationships, whatever their names: capitals, other folders, absolute targets', async () => {
    const data = await allTypes();
    const renamed = edit(
      data,
      {
        'xl/_rels/workbook.xml.rels': (xml) =>
          xml.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/Data/First%20Sheet.XML"').replace('Target="worksheets/sheet2.xml"', 'Target="../xl/worksheets/人员.xml"'),
      },
      { 'xl/worksheets/sheet1.xml': 'xl/Data/First Sheet.xml', 'xl/worksheets/sheet2.xml': 'xl/worksheets/人员.xml' },
    );
    expect(views(await readWorkbook(renamed, 'r.xlsx'))).toEqual(views(await readWorkbook(data, 'a.xlsx')));
    expect(resolveTarget('xl/workbook.xml', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  });

  test('sheet names and order come from workbook.xml whatever the zip order: 20 reads, the same names', async () => {
    const data = await allTypes();
    const sheetsFirst = rezip(data, (names) => [...names.filter((n) => n.includes('worksheets/')), ...names.filter((n) => !n.includes('worksheets/')).reverse()]);
    const order = Object.keys(parts(sheetsFirst));
    expect(order.findIndex((n) => n.includes('worksheets/'))).toBeLessThan(order.indexOf('xl/workbook.xml'));
    for (let i = 0; i < 20; i++) expect((await readWorkbook(sheetsFirst, 'z.xlsx')).map((g) => g.sheet)).toEqual(['数据', '人员', '空白']);
    // The sample ships with its worksheets before workbook.xml too.
    const f = '星河中小企业公共服务平台附表（人员、产品、活动、合作机构）.xlsx';
    for (let i = 0; i < 20; i++) expect((await readWorkbook(readFileSync(path.join(sample, f)), f)).map((g) => g.sheet)).toEqual(['人员', 'Sheet2', '活动台账', '名单']);
  });

  test('hidden sheets are read; very hidden ones are not (as before, and as a reviewer cannot see them either)', async () => {
    const data = edit(await allTypes(), {
      'xl/workbook.xml': (xml) =>
        xml
          .replace('name="人员" state="visible"', 'name="人员" state="hidden"')
          .replace('name="空白" state="visible"', 'name="空白" state="veryHidden"'),
    });
    expect(parts(data)['xl/workbook.xml']).toContain('state="veryHidden"');
    expect((await readWorkbook(data, 'h.xlsx')).map((g) => g.sheet)).toEqual(['数据', '人员']);
  });
});

describe('characters are never changed', () => {
  test('a long CJK, emoji and combining-mark text straddling every 16 KB and 64 KB edge, stored and deflated', async () => {
    // 3-byte CJK, 4-byte emoji, supplementary CJK and combining marks, each long enough that some
    // character lies across every chunk boundary of the inflater and of the stored slices.
    const pieces = ['保定柏金辰机械设备有限责任公司', '😀👩‍💻', '𠀀𪚥', 'é̂', 'ＡＢＣ（北京）'];
    const texts = Array.from({ length: 40 }, (_, i) => pieces[i % pieces.length].repeat(400 + i * 37) + `#${i}`);
    // The parts are written here, not by ExcelJS: its writer itself splits some surrogate pairs.
    const data = edit(await xlsx([{ name: '长文本', rows: texts.map(() => ['x']) }]), {
      'xl/sharedStrings.xml': () =>
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${texts.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('')}</sheetData>`),
    });
    expect(parts(data)['xl/sharedStrings.xml'].length).toBeGreaterThan(4 * 65536);
    for (const level of [0, 6] as const) {
      const z = rezip(data, (n) => n, level);
      const [grid] = await readWorkbook(z, 'long.xlsx');
      const read = grid.values.map((r) => r[0]);
      expect(read.length).toBe(texts.length);
      read.forEach((t, i) => expect(t === texts[i]).toBe(true));
      expect(read.join('')).not.toContain('\uFFFD');
      // ExcelJS's full load agrees, character for character.
      expect((await exceljsGrids(z, 'long.xlsx'))[0].values.every((r, i) => r[0] === texts[i])).toBe(true);
    }
  });

  test('a U+FFFD appears only where the file has one', async () => {
    const [grid] = await readWorkbook(await xlsx([{ rows: [['有\uFFFD号'], ['无']] }]), 'r.xlsx');
    expect(grid.values.map((r) => r[0])).toEqual(['有\uFFFD号', '无']);
  });
});

describe('files that cannot be read get a Chinese reason naming the file', () => {
  const emptyZip = () => zipSync({});
  test.each([
    ['empty.xlsx', () => new Uint8Array(0), /文件为空（0 字节）/],
    ['pdf.xlsx', () => strToU8('%PDF-1.4 ...'), /PDF/],
    ['text.xlsx', () => strToU8('not a workbook'), /不是有效的 \.xlsx 文件/],
    ['truncated.xlsx', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /找不到压缩包目录/],
    ['empty-zip.xlsx', emptyZip, /空的压缩包/],
    ['no-workbook.xlsx', () => zip([['docProps/app.xml', '<Properties/>']]), /没有 Excel 工作簿/],
    ['word.xlsx', () => zip([['word/document.xml', '<w:document/>']]), /Word 文档/],
    ['binary.xlsb', () => zip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.bin', new Uint8Array([1, 2, 3])]]), /\.xlsb/],
    ['xlsb-named.xlsb', () => strToU8('garbage'), /\.xlsb/],
  ])('%s', async (name, bytes, why) => {
    expect(await reason(bytes(), name)).toMatch(why);
  });

  test('a workbook with no sheets', async () => {
    const data = edit(await xlsx([{ rows: [['a']] }]), { 'xl/workbook.xml': (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>') });
    expect(await reason(data, 'nosheets.xlsx')).toMatch(/工作簿中没有工作表/);
  });

  test('a worksheet whose part is missing', async () => {
    const data = rezip(await allTypes(), (names) => names.filter((n) => n !== 'xl/worksheets/sheet2.xml'));
    expect(await reason(data, 'missing.xlsx')).toMatch(/工作表「人员」的数据缺失/);
  });

  test('a password-protected workbook (an OLE compound file holding an EncryptedPackage stream)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Uint8Array.from(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
    expect(await reason(ole, '加密.xlsx')).toMatch(/^无法读取「加密\.xlsx」：文件设有打开密码，请提交未加密的文件$/);
  });

  test('every byte changed in a part it reads is caught by the CRC, or by the XML it breaks; never a review of wrong data', async () => {
    const data = rezip(await xlsx([{ rows: [['91110000600037341L', '北京甲公司']] }]), (n) => n, 0);
    const sst = parts(data)['xl/sharedStrings.xml'];
    // From the root element on: the XML declaration before it is the same in every part.
    const target = sst.slice(sst.indexOf('<sst'));
    const at = Buffer.from(data).indexOf(Buffer.from(target.slice(0, 80)));
    expect(at).toBeGreaterThan(0);
    let caught = 0;
    for (let i = 0; i < target.length; i += 7) {
      const mutated = Uint8Array.from(data);
      mutated[at + i] ^= 0x01;
      expect(await reason(mutated, 'crc.xlsx')).toMatch(/校验失败|不是有效的 XML/);
      caught++;
    }
    expect(caught).toBeGreaterThan(10);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(strToU8('123456789'))).toBe(0xcbf43926);
    // The JavaScript CRC (browsers) and the one in use here agree, continued across pieces too.
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24);
    expect(crc32Js(bytes.subarray(40_000), crc32Js(bytes.subarray(0, 40_000)))).toBe(crc32(bytes));
  });

  test('a zip bomb is stopped while it inflates, at the limit', async () => {
    const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const sheet = head + ' '.repeat(30 * 1024 * 1024) + '</sheetData></worksheet>';
    const base = await xlsx([{ rows: [['a']] }]);
    const bomb = edit(base, { 'xl/worksheets/sheet1.xml': () => sheet });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await reason(bomb, 'bomb.xlsx', { maxInflatedBytes: 8 * 1024 * 1024 })).toMatch(/解压后超过 8 MB 上限.*压缩炸弹/);
    // Under the limit it is an ordinary (empty) sheet.
    expect((await readWorkbook(bomb, 'bomb.xlsx', { maxInflatedBytes: 64 * 1024 * 1024 }))[0].values).toEqual([]);
  });

  test.each([
    ['row', '<row r="1048577"><c r="A1048577"><v>1</v></c></row>', /行号 1048577 超出 Excel 的上限（1,048,576 行）/],
    ['column', '<row r="1"><c r="XFE1"><v>1</v></c></row>', /列号 16385 超出 Excel 的上限（16,384 列）/],
  ])('a %s beyond Excel’s limits', async (_what, sheetData, why) => {
    const data = edit(await xlsx([{ name: 'S', rows: [['a']] }]), { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${sheetData}</sheetData>`) });
    expect(await reason(data, 'big.xlsx')).toMatch(why);
  });
});

describe('memory follows the cells present, not their spread', () => {
  test('values in A1 and XFD1048576 only: two cells, not 17 billion', async () => {
    const data = edit(await xlsx([{ name: 'S', rows: [['a']] }]), {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>'),
    });
    expect(data.length).toBeLessThan(12 * 1024);
    const [grid] = await readWorkbook(data, 'sparse.xlsx');
    expect(view(grid).cells).toEqual({ R1C1: 1, R1048576C16384: 2 });
    expect(allocatedCells(grid)).toBe(2);
  });

  test('a 30,000-row list with one stray value in XFD1 keeps its rows as long as their own cells', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>企业${i}</t></is></c></row>`).join('');
    const data = edit(await xlsx([{ name: 'S', rows: [['a']] }]), {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名单</t></is></c><c r="XFD1"><v>9</v></c></row>${rows}</sheetData>`),
    });
    const [grid] = await readWorkbook(data, 'stray.xlsx');
    expect(lastColumn(grid)).toBe(16384);
    expect(allocatedCells(grid)).toBe(2 + 30_000 * 2);
    expect(grid.values[30_000]).toEqual([29_999, '企业29999']);
  });

  // Found by fuzzing: a row with a cell in A and one in IV was filled to 256 slots, so 300,000 such
  // rows (a 1 MB file) took over 1 GB and a million of them exhausted the heap.
  test('rows each with a cell in A and one in IV are filled only while a budget lasts, then keep holes', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="IV${i + 1}"><v>1</v></c></row>`).join('');
    const data = edit(await xlsx([{ name: 'S', rows: [['a']] }]), { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`) });
    const [grid] = await readWorkbook(data, 'spread.xlsx');
    // The first rows are filled (256 slots each), the last keep their two cells only.
    expect(allocatedCells({ ...grid, values: grid.values.slice(0, 100) })).toBe(100 * 256);
    expect(allocatedCells({ ...grid, values: grid.values.slice(-100) })).toBe(100 * 2);
    expect(allocatedCells(grid)).toBeLessThan((1 << 22) + 20_000 * 2);
    // What is read is the same either way.
    const last = grid.values[19_999];
    expect([last.length, last[0], last[255], last[100]]).toEqual([256, 19_999, 1, undefined]);
    expect(grid.values[0][100]).toBeNull();
  });
});

describe('what no spreadsheet writes is refused with a reason, not guessed at', () => {
  const sheetWith = async (sheetData: string, extra = '') =>
    edit(await xlsx([{ name: 'S', rows: [['a']] }]), { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${sheetData}</sheetData>${extra}`) });

  // Found by fuzzing: Number() read `A1.5` as row 1.5, `0x10` as 16 and `B1e2` as row 100.
  test.each([
    ['<row r="1"><c r="A1"><v>1</v></c></row><c r="A1.5"><v>2</v></c>', '单元格引用「A1.5」无效'],
    ['<row r="0x10"><c><v>1</v></c></row>', '行号「0x10」无效'],
    ['<row r="1"><c r="B1e2"><v>1</v></c></row>', '单元格引用「B1e2」无效'],
    ['<row r="1"><c r="12"><v>1</v></c></row>', '单元格引用「12」无效'],
    ['<row r="0"><c><v>1</v></c></row>', '行号 0 无效（应从 1 开始）'],
  ])('%s', async (sheetData, why) => {
    expect(await reason(await sheetWith(sheetData), 'odd.xlsx')).toBe(`无法读取「odd.xlsx」：工作表「S」的${why}，文件不是由电子表格软件正常保存的`);
  });

  // Found by fuzzing: 400 digits passed the digits-only test and were told as 「行号 Infinity」; 1e309 read as Infinity.
  const long = '9'.repeat(400);
  test.each([
    [`<row r="${long}"><c><v>1</v></c></row>`, `的行号 ${'9'.repeat(20)}… 超出 Excel 的上限（1,048,576 行），文件不是由电子表格软件正常保存的`],
    [`<row r="1"><c r="A${long}"><v>1</v></c></row>`, `的行号 ${'9'.repeat(20)}… 超出 Excel 的上限（1,048,576 行），文件不是由电子表格软件正常保存的`],
    [`<row r="1"><c r="${'Z'.repeat(400)}1"><v>1</v></c></row>`, `的列号 ${'Z'.repeat(20)}… 超出 Excel 的上限（16,384 列），文件不是由电子表格软件正常保存的`],
    ['<row r="2"><c r="C2"><v>1e309</v></c></row>', '的单元格 C2 中的数值「1e309」超出 Excel 能表示的范围，文件不是由电子表格软件正常保存的'],
    ['<row r="2"><c r="C2"><v>-Infinity</v></c></row>', '的单元格 C2 中的数值「-Infinity」超出 Excel 能表示的范围，文件不是由电子表格软件正常保存的'],
  ])('too long to be a number: %#', async (sheetData, why) => {
    expect(await reason(await sheetWith(sheetData), 'odd.xlsx')).toBe(`无法读取「odd.xlsx」：工作表「S」${why}`);
  });

  test('row numbers with the spaces XML Schema allows, and rows and cells without references, still read', async () => {
    const [grid] = await readWorkbook(await sheetWith('<row r=" 2 "><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c r="a3"><v>3</v></c></row>'), 'ok.xlsx');
    expect(view(grid).cells).toEqual({ R2C2: 1, R2C3: 2, R3C1: 3 });
  });

  // Found by fuzzing: ten million <x> that never close (a 30 KB file) exhausted the heap in saxes.
  test('elements nested past 256 levels', async () => {
    const data = await sheetWith(`<row r="1"><c r="A1"><v>1</v></c></row>${'<x>'.repeat(100_000)}`);
    expect(await reason(data, 'deep.xlsx')).toBe('无法读取「deep.xlsx」：「xl/worksheets/sheet1.xml」中的 XML 元素嵌套超过 256 层，文件已损坏');
  });

  // Found by fuzzing: 5,000 sheets naming one 100 KB part were each read, and exhausted the heap.
  test('two sheets naming the same part', async () => {
    const data = edit(await xlsx([{ name: 'A', rows: [['a']] }, { name: 'B', rows: [['b']] }]), {
      'xl/_rels/workbook.xml.rels': (xml) => xml.replace(/worksheets\/sheet2\.xml/, 'worksheets/sheet1.xml'),
    });
    expect(await reason(data, 'twice.xlsx')).toBe('无法读取「twice.xlsx」：工作表「A」和「B」指向压缩包中的同一部分「xl/worksheets/sheet1.xml」，文件已损坏');
  });

  // Found by fuzzing: 60,000 copies of A1:B1048576 over 60,000 rows took 32 s.
  test('merged ranges that overlap past any real sheet are refused; a range listed twice is read once', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
    const overlapping = Array.from({ length: 9000 }, (_, i) => `<mergeCell ref="A1:${columnLetters(i + 2)}1048576"/>`).join('');
    const t0 = Date.now();
    expect(await reason(await sheetWith(rows, `<mergeCells count="9000">${overlapping}</mergeCells>`), 'merged.xlsx')).toBe(
      '无法读取「merged.xlsx」：工作表「S」的合并单元格区域相互重叠或多得异常（9,000 处），文件不是由电子表格软件正常保存的',
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    const same = '<mergeCell ref="A1:B1048576"/>'.repeat(9000);
    const [grid] = await readWorkbook(await sheetWith(rows, `<mergeCells count="9000">${same}</mergeCells>`), 'merged.xlsx');
    expect(view(grid).cells).toEqual({ R1C1: 0 });
  });
});

/** A column's letters (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The same XML in Strict OOXML: its namespace URIs, and the SpreadsheetML elements prefixed `x:`. */
function toStrict(xml: string): string {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  let out = xml
    .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships')
    .join('http://purl.oclc.org/ooxml/officeDocument/relationships');
  if (!out.includes(`xmlns="${main}"`)) return out;
  out = out.replace(`xmlns="${main}"`, 'xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"');
  // Prefix every unprefixed element name.
  return out.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}x:${name}`);
}
