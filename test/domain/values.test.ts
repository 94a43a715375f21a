import fc from 'fast-check';
import type { CellValue } from '../../src/domain/grid';
import { withoutBracketed } from '../../src/domain/linearText';
import { isBlank, parseAmount, parseCount, parseDate, parsePercent } from '../../src/domain/values';

describe('isBlank', () => {
  it.each<[CellValue | undefined]>([
    [null],
    [undefined],
    [''],
    ['   '],
    ['\u3000'],
    ['\u00a0'],
    ['\u200b'],
    ['\t\n'],
    ['-'],
    ['－'],
    ['—'],
    ['——'],
    ['–'],
    ['---'],
    ['/'],
    ['／'],
    [' / '],
    ['\\'],
  ])('%j is blank', (value) => {
    expect(isBlank(value)).toBe(true);
  });

  it.each<[CellValue]>([['无'], ['0'], [0], [false], [true], [new Date(Date.UTC(2024, 0, 1))], ['免费'], ['x'], ['-1'], ['……']])('%j is not blank', (value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe('parseAmount', () => {
  it.each<[CellValue, '万元' | '元', number]>([
    [12.5, '万元', 12.5],
    [125000, '元', 12.5],
    [12000, '元', 1.2],
    [0, '万元', 0],
    ['12.5', '万元', 12.5],
    ['1,234.50', '万元', 1234.5],
    ['1,234,567', '元', 123.4567],
    ['１２３４', '万元', 1234],
    ['１，２３４．５', '万元', 1234.5],
    ['3.5万元', '元', 3.5],
    ['3.5万', '元', 3.5],
    ['3.5万元', '万元', 3.5],
    ['5000元', '万元', 0.5],
    ['5000元', '元', 0.5],
    ['5,000元整', '万元', 0.5],
    ['1.2亿元', '万元', 12000],
    ['  8.8  ', '万元', 8.8],
    ['￥1,234.50', '万元', 1234.5],
    ['¥ 2000', '元', 0.2],
    ['￥5000元', '万元', 0.5],
    ['RMB 3万', '元', 3],
    ['人民币10万元', '万元', 10],
    ['-3', '万元', -3],
    ['-¥3', '万元', -3],
    ['\u22125', '万元', -5],
    ['.5', '万元', 0.5],
    ['0.3', '元', 0.00003],
  ])('%j in a %s column → %d 万元', (value, unit, wan) => {
    const r = parseAmount(value, unit);
    expect(r).toEqual({ state: 'ok', value: wan });
  });

  it('does not drift in binary: 0.1 + 0.2 style sums stay exact', () => {
    expect(parseAmount('1234.5', '元')).toEqual({ state: 'ok', value: 0.12345 });
    expect(parseAmount(3, '元')).toEqual({ state: 'ok', value: 0.0003 });
  });

  it.each<[CellValue]>([[null], [''], ['  '], ['—'], ['/']])('%j is blank', (value) => {
    expect(parseAmount(value, '万元')).toEqual({ state: 'blank' });
  });

  it.each<[CellValue, string]>([
    ['面议', '无法识别的金额「面议」'],
    ['免费', '无法识别的金额「免费」'],
    ['无', '无法识别的金额「无」'],
    ['12,34', '无法识别的金额「12,34」'],
    ['1.2.3', '无法识别的金额「1.2.3」'],
    ['约5万', '无法识别的金额「约5万」'],
    ['5万-8万', '无法识别的金额「5万-8万」'],
    ['万元', '无法识别的金额「万元」'],
    [' abc ', '无法识别的金额「abc」'],
    [true, '无法识别的金额「TRUE」'],
    [new Date(Date.UTC(2024, 4, 12)), '无法识别的金额「2024-05-12」'],
    [Number.NaN, '无法识别的金额「NaN」'],
    [Number.POSITIVE_INFINITY, '无法识别的金额「Infinity」'],
  ])('%j fails', (value, reason) => {
    expect(parseAmount(value, '万元')).toEqual({ state: 'error', reason });
  });
});

describe('parseDate', () => {
  const day = (y: number, m: number, d: number) => ({
    state: 'ok',
    value: { y, m, d, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` },
    precision: 'day',
  });

  it.each<[CellValue, string | undefined, ReturnType<typeof day>]>([
    [new Date(Date.UTC(2024, 4, 12)), undefined, day(2024, 5, 12)],
    [new Date(Date.UTC(2024, 11, 31, 23, 59)), undefined, day(2024, 12, 31)],
    [45424, 'yyyy-mm-dd', day(2024, 5, 12)],
    [45424.6, 'yyyy/m/d h:mm', day(2024, 5, 12)],
    [45292, 'm/d/yy', day(2024, 1, 1)],
    [45292, 'yyyy"年"m"月"d"日"', day(2024, 1, 1)],
    [45292, '[$-F800]dddd, mmmm dd, yyyy', day(2024, 1, 1)],
    [45292, '[DBNum1][$-804]yyyy"年"m"月"d"日"', day(2024, 1, 1)],
    [61, 'yyyy-mm-dd', day(1900, 3, 1)],
    [59, 'yyyy-mm-dd', day(1900, 2, 28)],
    [1, 'yyyy-mm-dd', day(1900, 1, 1)],
    [20240512, undefined, day(2024, 5, 12)],
    ['2024/5/12', undefined, day(2024, 5, 12)],
    ['2024.05.12', undefined, day(2024, 5, 12)],
    ['2024.5.12', undefined, day(2024, 5, 12)],
    ['2024年5月12日', undefined, day(2024, 5, 12)],
    ['2024年05月12日', undefined, day(2024, 5, 12)],
    ['2024 年 5 月 12 日', undefined, day(2024, 5, 12)],
    ['2024年5月12号', undefined, day(2024, 5, 12)],
    ['2024年5月12', undefined, day(2024, 5, 12)],
    ['2024-05-12', undefined, day(2024, 5, 12)],
    ['2024-5-12 14:30', undefined, day(2024, 5, 12)],
    ['2024-05-12T14:30:00', undefined, day(2024, 5, 12)],
    ['2024/5/12 9:00-11:30', undefined, day(2024, 5, 12)],
    ['2024年5月12日 14:30', undefined, day(2024, 5, 12)],
    ['20240512', undefined, day(2024, 5, 12)],
    ['２０２４年５月１２日', undefined, day(2024, 5, 12)],
    ['２０２４／５／１２', undefined, day(2024, 5, 12)],
    ['２０２４．０５．１２', undefined, day(2024, 5, 12)],
    ['２０２４０５１２', undefined, day(2024, 5, 12)],
    [' 2024-05-12\u3000', undefined, day(2024, 5, 12)],
    ['2024-02-29', undefined, day(2024, 2, 29)],
  ])('%j (format %j) → a day', (value, format, expected) => {
    expect(parseDate(value, format)).toEqual(expected);
  });

  it('takes plausible serials in a date column without a date format', () => {
    expect(parseDate(45424, 'General', true)).toEqual(day(2024, 5, 12));
    expect(parseDate(45424, undefined, true)).toEqual(day(2024, 5, 12));
    expect(parseDate(45424, null, true)).toEqual(day(2024, 5, 12));
  });

  it.each<[CellValue, string]>([
    ['2024年5月', '2024-05-01'],
    ['2024年05月', '2024-05-01'],
    ['2024年12月份', '2024-12-01'],
    ['2024-05', '2024-05-01'],
    ['2024/5', '2024-05-01'],
    ['2024.5', '2024-05-01'],
    ['２０２４年５月', '2024-05-01'],
  ])('%j → a month', (value, iso) => {
    const r = parseDate(value);
    expect(r).toMatchObject({ state: 'ok', value: { iso, d: 1 }, precision: 'month' });
  });

  it.each<[CellValue]>([[null], [''], ['  '], ['—'], ['/']])('%j is blank', (value) => {
    expect(parseDate(value)).toEqual({ state: 'blank' });
  });

  it.each<[CellValue, string | undefined, boolean, string]>([
    ['2024-02-30', undefined, false, '日期不存在「2024-02-30」'],
    ['2023-02-29', undefined, false, '日期不存在「2023-02-29」'],
    ['2024年13月1日', undefined, false, '日期不存在「2024年13月1日」'],
    ['2024/4/31', undefined, false, '日期不存在「2024/4/31」'],
    ['20240230', undefined, false, '日期不存在「20240230」'],
    [20241301, undefined, false, '日期不存在「20241301」'],
    ['2024年13月', undefined, false, '日期不存在「2024年13月」'],
    ['2024-00-10', undefined, false, '日期不存在「2024-00-10」'],
    [60, 'yyyy-mm-dd', false, '日期不存在「60」（1900-02-29）'],
    ['2024/5-12', undefined, false, '无法识别的日期「2024/5-12」'],
    ['5/12/2024', undefined, false, '无法识别的日期「5/12/2024」'],
    ['24/5/12', undefined, false, '无法识别的日期「24/5/12」'],
    ['2024年', undefined, false, '无法识别的日期「2024年」'],
    ['上半年', undefined, false, '无法识别的日期「上半年」'],
    ['2024.5.12-5.13', undefined, false, '无法识别的日期「2024.5.12-5.13」'],
    [45424, undefined, false, '无法识别的日期「45424」'],
    [45424, 'General', false, '无法识别的日期「45424」'],
    [45424, '0.00', false, '无法识别的日期「45424」'],
    [45424, '0.00E+00', false, '无法识别的日期「45424」'],
    [2024, undefined, true, '无法识别的日期「2024」'],
    [90000, undefined, true, '无法识别的日期「90000」'],
    [0, 'yyyy-mm-dd', false, '无法识别的日期「0」'],
    [true, undefined, false, '无法识别的日期「TRUE」'],
    [new Date(Number.NaN), undefined, false, '无法识别的日期「Invalid Date」'],
  ])('%j (format %j, assumeSerial %j) fails', (value, format, assumeSerial, reason) => {
    expect(parseDate(value, format, assumeSerial)).toEqual({ state: 'error', reason });
  });
});

describe('parsePercent', () => {
  it.each<[CellValue, string | undefined, number]>([
    [95, undefined, 95],
    [100, undefined, 100],
    [95, 'General', 95],
    ['95%', undefined, 95],
    ['95', undefined, 95],
    ['95.5%', undefined, 95.5],
    ['９５％', undefined, 95],
    [' 95 % ', undefined, 95],
    ['100%', undefined, 100],
    ['0%', undefined, 0],
    [0, undefined, 0],
    [0.95, '0%', 95],
    [0.955, '0.0%', 95.5],
    [1, '0%', 100],
    [0.07, '0.00%', 7],
    [0, '0%', 0],
  ])('%j (format %j) → %d', (value, format, percent) => {
    expect(parsePercent(value, format)).toEqual({ state: 'ok', value: percent });
  });

  it.each<[CellValue, number]>([
    [0.95, 95],
    [1, 100],
    ['0.95', 95],
    ['０．９５', 95],
    [0.5, 50],
  ])('%j without a %% format → %d, flagged as an assumed fraction', (value, percent) => {
    expect(parsePercent(value)).toEqual({ state: 'ok', value: percent, assumedFraction: true });
  });

  it('returns values outside 0–100 as read, for a check to flag', () => {
    expect(parsePercent(120)).toEqual({ state: 'ok', value: 120 });
    expect(parsePercent('-5%')).toEqual({ state: 'ok', value: -5 });
  });

  it.each<[CellValue]>([[null], [''], ['—'], ['/']])('%j is blank', (value) => {
    expect(parsePercent(value)).toEqual({ state: 'blank' });
  });

  it.each<[CellValue, string]>([
    ['满意', '无法识别的百分比「满意」'],
    ['非常满意', '无法识别的百分比「非常满意」'],
    ['95分', '无法识别的百分比「95分」'],
    ['%', '无法识别的百分比「%」'],
    ['9 5%x', '无法识别的百分比「9 5%x」'],
    [true, '无法识别的百分比「TRUE」'],
    [new Date(Date.UTC(2024, 0, 1)), '无法识别的百分比「2024-01-01」'],
    [Number.NaN, '无法识别的百分比「NaN」'],
  ])('%j fails', (value, reason) => {
    expect(parsePercent(value)).toEqual({ state: 'error', reason });
  });
});

describe('parseCount', () => {
  it.each<[CellValue, number]>([
    [35, 35],
    [0, 0],
    [35.0, 35],
    ['35', 35],
    ['35家', 35],
    ['35人', 35],
    ['35人次', 35],
    ['35家企业', 35],
    ['35名', 35],
    ['３５', 35],
    ['３５家', 35],
    [' 35 人 ', 35],
    ['1,200', 1200],
    ['1,200人', 1200],
    ['0', 0],
    ['35.0', 35],
  ])('%j → %d', (value, count) => {
    expect(parseCount(value)).toEqual({ state: 'ok', value: count });
  });

  it.each<[CellValue, number]>([
    ['约35', 35],
    ['约35人', 35],
    ['大约35家', 35],
    ['近100人', 100],
    ['35余人', 35],
    ['35多家', 35],
    ['35人左右', 35],
    ['35+', 35],
    ['35家以上', 35],
    ['约３５', 35],
  ])('%j → %d, approximate', (value, count) => {
    expect(parseCount(value)).toEqual({ state: 'ok', value: count, approximate: true });
  });

  it.each<[CellValue]>([[null], [''], ['—'], ['/']])('%j is blank', (value) => {
    expect(parseCount(value)).toEqual({ state: 'blank' });
  });

  it.each<[CellValue, string]>([
    [35.5, '数量应为非负整数「35.5」'],
    [-3, '数量应为非负整数「-3」'],
    ['-3', '数量应为非负整数「-3」'],
    ['35.5', '数量应为非负整数「35.5」'],
    ['三十五', '无法识别的数量「三十五」'],
    ['若干', '无法识别的数量「若干」'],
    ['无', '无法识别的数量「无」'],
    ['35-40', '无法识别的数量「35-40」'],
    ['35元', '无法识别的数量「35元」'],
    [true, '无法识别的数量「TRUE」'],
    [new Date(Date.UTC(2024, 0, 1)), '无法识别的数量「2024-01-01」'],
    [Number.NaN, '无法识别的数量「NaN」'],
  ])('%j fails', (value, reason) => {
    expect(parseCount(value)).toEqual({ state: 'error', reason });
  });
});

describe('withoutBracketed on number formats: the regexes isDateFormat used, in one pass', () => {
  // The references: what isDateFormat (both of them) used to run, quadratic on many `[` and no `]`.
  const brackets = (s: string) => s.replace(/\[[^\]]*\]/g, '');
  const quotes = (s: string) => s.replace(/"[^"]*"/g, '');
  const text = fc.string({ unit: fc.constantFrom('[', ']', '"', 'y', 'm', '0', '年', ' ', '\\', '\n'), maxLength: 40 });

  test('equals the regexes on random formats rich in delimiters', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(withoutBracketed(s, ['[]'])).toBe(brackets(s));
        expect(withoutBracketed(s, ['""'])).toBe(quotes(s));
      }),
      { numRuns: 5000 },
    );
  });

  test('a format of 200,000 unclosed `[` is read in one pass (the regex took about 15 s)', () => {
    const hostile = '['.repeat(200_000);
    const t0 = Date.now();
    expect(withoutBracketed(hostile, ['[]'])).toBe(hostile);
    expect(parseDate(45292, `${hostile}yyyy`).state).toBe('ok');
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
