import {
  MAX_SHEET_NAME,
  asText,
  displayWidth,
  formulaString,
  looksLikeFormula,
  sanitizeSheetName,
  sheetRef,
  uniqueSheetNames,
} from '../../../src/workbook/layout';
import { fitColumns, wrappedHeight } from '../../../src/workbook/layout/text';
import { INJECTIONS } from './fixtures';

describe('asText: submission text stays text', () => {
  test.each(INJECTIONS)('%j is marked text', (s) => {
    expect(looksLikeFormula(s)).toBe(true);
    expect(asText(s)).toEqual({ value: s, text: true });
  });

  test('ordinary text is marked text too, so Office.js does not turn 0012 or 2024-01-01 into numbers', () => {
    expect(asText('北京某某科技有限公司')).toEqual({ value: '北京某某科技有限公司', text: true });
    expect(asText('0012')).toEqual({ value: '0012', text: true });
    expect(looksLikeFormula('北京')).toBe(false);
  });

  test('numbers stay numbers; empty becomes null', () => {
    expect(asText(12.5)).toEqual({ value: 12.5 });
    expect(asText('')).toEqual({ value: null });
    expect(asText(null)).toEqual({ value: null });
    expect(asText(undefined)).toEqual({ value: null });
  });
});

test('display width counts CJK and full-width characters double', () => {
  expect(displayWidth('abc')).toBe(3);
  expect(displayWidth('企业名称')).toBe(8);
  expect(displayWidth('（１）a')).toBe(7);
});

test('fitColumns sizes to the widest cell within limits, CJK double', () => {
  const cols = fitColumns(
    [
      { row: 1, col: 1, value: '企业名称企业名称' },
      { row: 2, col: 1, value: 'x' },
      { row: 1, col: 2, value: 'a'.repeat(200) },
      { row: 1, col: 3, value: '标题', bold: true },
    ],
    [
      { min: 5, max: 40 },
      { min: 5, max: 30 },
      { min: 3, max: 3, hidden: true },
    ],
  );
  expect(cols[0].width).toBe(18);
  expect(cols[1].width).toBe(30);
  expect(cols[2]).toEqual({ width: 3, hidden: true });
  // 20 display units in 6 − 1 = 5, of which 88 % is assumed filled: 4.4 per line, so 5 lines of 16 pt.
  expect(wrappedHeight('一二三四五六七八九十', 6)).toBe(80);
});

test('formula literals and sheet references cannot be broken out of', () => {
  expect(formulaString('a"b')).toBe('"a""b"');
  expect(formulaString('=HYPERLINK("http://x","y")')).toBe('"=HYPERLINK(""http://x"",""y"")"');
  expect(sheetRef("O'Brien")).toBe("'O''Brien'!");
});

describe('sheet names', () => {
  test('invalid characters replaced, apostrophes trimmed, 31 characters at most', () => {
    expect(sanitizeSheetName('a/b\\c[d]e:f*g?h')).toBe('a_b_c_d_e_f_g_h');
    expect(sanitizeSheetName("'名单'")).toBe('名单');
    expect(sanitizeSheetName('')).toBe('Sheet');
    expect(sanitizeSheetName('长'.repeat(40))).toHaveLength(MAX_SHEET_NAME);
    // A surrogate pair is never split.
    expect(sanitizeSheetName('a'.repeat(30) + '𠀀')).toBe('a'.repeat(30));
  });

  test('colliding names are all prefixed by their table; unique ones stay', () => {
    const names = uniqueSheetNames([
      { file: 'a.xlsx', sheet: '名单', kind: '4-2-1-2' },
      { file: 'b.xlsx', sheet: '名单', kind: '4-2-1-7' },
      { file: 'b.xlsx', sheet: '人员' },
    ]);
    expect(names.map((n) => n.name)).toEqual(['4-2-1-2 名单', '4-2-1-7 名单', '人员']);
  });

  test('no table: prefixed by the file; a review sheet name is taken; case-insensitive; numbered as a last resort', () => {
    const names = uniqueSheetNames([
      { file: 'dir/甲.xlsx', sheet: 'Sheet1' },
      { file: '乙.xlsx', sheet: 'sheet1' },
      { file: '丙.xlsx', sheet: '评分表' },
      { file: '丙.xlsx', sheet: '丙 Sheet1' },
      { file: '丙.xlsx', sheet: 'Sheet1' },
    ]);
    expect(names.map((n) => n.name)).toEqual(['甲 Sheet1', '乙 sheet1', '丙 评分表', '丙 Sheet1', '丙 Sheet1 (2)']);
    const all = names.map((n) => n.name.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  test('long colliding names stay within 31 characters', () => {
    const long = '很长的工作表名称'.repeat(3);
    const names = uniqueSheetNames([
      { file: 'a.xlsx', sheet: long, kind: '4-2-1-2' },
      { file: 'b.xlsx', sheet: long, kind: '4-2-1-2' },
    ]);
    for (const n of names) expect(n.name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(names[0].name).not.toBe(names[1].name);
  });
});
