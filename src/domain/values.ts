/**
 * Typed readings of cell values as submitted: amounts, dates, percentages and counts arrive as
 * numbers, as Dates, or as text typed in many forms (full-width digits, units, separators).
 * Each parser answers `ok` with the value, `blank`, or `error` with a Chinese reason the reviewer can read.
 */
import { withoutBracketed } from './linearText';
import type { CellValue } from './grid';

/** A failed reading, with the reason in Chinese. */
export interface ParseFailure {
  state: 'error';
  reason: string;
}

/** The cell holds nothing (see {@link isBlank}). */
export interface ParseBlank {
  state: 'blank';
}

const BLANK: ParseBlank = Object.freeze({ state: 'blank' });

/**
 * A reading: `ok` with the value (and what else the parser noticed), `blank`, or `error` with a
 * reason. The same three states as a table cell's (recognize.ts), so a reading is a cell's state.
 */
export type Parsed<T, Extra = object> = ({ state: 'ok'; value: T } & Extra) | ParseFailure | ParseBlank;

/** An amount in 万元. */
export type AmountResult = Parsed<number>;

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** A calendar date with its `YYYY-MM-DD` form, which sorts and compares as text. */
export interface DateValue extends CalendarDate {
  /** A month-only date gets day 01. */
  iso: string;
}

export type DateResult = Parsed<
  DateValue,
  {
    /** `month` when the text gave no day (`2024年5月`); `d` is then 1. */
    precision: 'day' | 'month';
  }
>;

/** On the 0–100 scale. Values outside it are returned as read, for a check to flag. */
export type PercentResult = Parsed<
  number,
  {
    /** Set when a bare 0 < x ≤ 1 was read as a fraction (0.95 → 95) without a `%` to say so. */
    assumedFraction?: true;
  }
>;

export type CountResult = Parsed<
  number,
  {
    /** Set when the text hedges the number: 约35, 35余人, 35人左右, 35+, 35家以上. */
    approximate?: true;
  }
>;

/** White space of every kind plus invisible format characters (zero-width space, BOM…). */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}]+/gu;

/** Dashes and slashes typed to say "nothing here": -, —, ——, /, and runs of them. */
const PLACEHOLDER = /^[-‐‑‒–—―─━/\\]+$/;

/** Text folded for parsing: NFKC (full-width digits, `％`, `，`, `￥` fold) with all white space removed. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\u2212/g, '-');
}

/** The cell as the reviewer saw it, for quoting in a reason. */
function shown(value: CellValue): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

/**
 * Whether a cell holds nothing: null, empty or white-space-only text (including full-width space,
 * NBSP and zero-width characters), or a dash/slash placeholder (`-`, `—`, `——`, `/`).
 * `无` is NOT blank: it is an answer ("none"), and a check may need to see it. Numbers (even 0),
 * booleans and Dates are never blank.
 *
 * @example
 * isBlank('\u3000') // true
 * isBlank('——') // true
 * isBlank('无') // false
 * isBlank(0) // false
 */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Fast path: text starting with a letter or digit (any script) holds something.
  if (/^[\p{L}\p{N}]/u.test(value)) return false;
  const t = compact(value);
  return t === '' || PLACEHOLDER.test(t);
}

/** Digits with optional thousands separators (strictly grouped by three) and decimals. */
const DECIMAL = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/** Parse a plain decimal (after compact), exactly shifted by `shift` powers of ten to avoid 0.1+0.2 drift. */
function decimal(text: string, shift = 0): number | null {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const sign = m[1] === '-' ? '-' : '';
  const int = (m[2] ?? '0').replace(/,/g, '');
  const frac = m[3] ?? '';
  // Shift the decimal point in the digit string, then let Number round once.
  let digits = int + frac;
  let point = int.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits = digits + '0'.repeat(point - digits.length);
  }
  const n = Number(`${sign}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`);
  return Number.isFinite(n) ? n : null;
}

/** A number scaled by a power of ten without binary drift (0.95 × 100 = 95, not 94.99999999999999). */
function scale(n: number, shift: number): number {
  const scaled = shift >= 0 ? n * 10 ** shift : n / 10 ** -shift;
  // Most amounts have a few decimals and already are the nearest double to a 15-digit decimal:
  // rounding through a string (slow, and run for every amount) would give them back unchanged.
  if (Math.abs(scaled) < 1e9 && Math.round(scaled * 1e6) / 1e6 === scaled) return scaled;
  return Number(scaled.toPrecision(15));
}

const AMOUNT_UNITS: ReadonlyArray<[suffix: RegExp, shiftToWan: number]> = [
  [/(?:亿元|亿)$/, 4],
  [/(?:万元|万)$/, 0],
  [/元$/, -4],
];

/**
 * An amount in 万元. Numbers are in the column's `unit`. Text may carry thousands separators
 * (`1,234.50`, full-width `１，２３４`), a `￥`/`¥`/`RMB`/`人民币` prefix, and its own unit suffix —
 * `万元`/`万`, `元` (also `元整`) or `亿元`/`亿` — which wins over the column's unit. Negative amounts
 * parse (a check can flag them).
 *
 * @example
 * parseAmount(12000, '元') // { state: 'ok', value: 1.2 }
 * parseAmount('￥1,234.50', '万元') // { state: 'ok', value: 1234.5 }
 * parseAmount('5000元', '万元') // { state: 'ok', value: 0.5 }
 * parseAmount('3.5万', '元') // { state: 'ok', value: 3.5 }
 * parseAmount('面议', '万元') // { state: 'error', reason: '无法识别的金额「面议」' }
 */
export function parseAmount(value: CellValue, unit: '万元' | '元'): AmountResult {
  const read = readAmount(value, unit);
  // One order of more than 1 万亿元 is no amount a platform bills: a typing slip or a planted number,
  // and summed it would overflow the totals.
  if (read.state === 'ok' && Math.abs(read.value) > MAX_AMOUNT_WAN) return { state: 'error', reason: `金额「${shown(value)}」超出合理范围（单笔超过 1 万亿元）` };
  return read;
}

/** The largest amount of one order taken as real, in 万元 (1 万亿元). */
export const MAX_AMOUNT_WAN = 1e8;

/**
 * Excel's error values (what a formula shows when it fails): in a name or text column they are
 * no content, and a reviewer must be told.
 */
const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Whether a cell holds an Excel error value (`#REF!`, `#N/A`…) rather than content. */
export function isExcelError(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.length <= 14 && EXCEL_ERROR.test(value.trim());
}

function readAmount(value: CellValue, unit: '万元' | '元'): AmountResult {
  if (isBlank(value)) return BLANK;
  const fail = (): ParseFailure => ({ state: 'error', reason: `无法识别的金额「${shown(value)}」` });
  const columnShift = unit === '元' ? -4 : 0;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { state: 'ok', value: scale(value, columnShift) } : fail();
  }
  if (typeof value !== 'string') return fail();
  let t = compact(value).replace(/^(?:¥|RMB|人民币)/i, '');
  t = t.replace(/元整$/, '元');
  let shift = columnShift;
  for (const [suffix, toWan] of AMOUNT_UNITS) {
    if (suffix.test(t)) {
      t = t.replace(suffix, '');
      shift = toWan;
      break;
    }
  }
  // A currency sign may also follow a sign: -¥100.
  t = t.replace(/^([+-])¥/, '$1');
  const wan = decimal(t, shift);
  return wan === null ? fail() : { state: 'ok', value: wan };
}

/**
 * Serials count days from 1899-12-30 from serial 61 (1900-03-01) on. Excel counts a 1900-02-29 that
 * never was (serial 60), so serials below it count from a day later.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Whether an Excel number format shows a date: it has y, d, 年, 月 or 日 once quoted text,
 * `[…]` sections and escapes are removed. (`m` alone may be minutes, so it does not count.)
 */
function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = withoutBracketed(withoutBracketed(format, ['""']), ['[]'])
    .replace(/\\./g, '')
    .toLowerCase();
  if (bare === 'general' || bare === '@') return false;
  return /[yd年月日]/.test(bare);
}

function ok(y: number, m: number, d: number, precision: 'day' | 'month'): DateResult {
  return { state: 'ok', value: { y, m, d, iso: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` }, precision };
}

/** A validated calendar date, or a reason naming the impossible date. */
function calendar(y: number, m: number, d: number, value: CellValue): DateResult {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { state: 'error', reason: `日期不存在「${shown(value)}」` };
  return ok(y, m, d, 'day');
}

function fromSerial(serial: number, value: CellValue): DateResult {
  const day = Math.floor(serial);
  if (day < 1) return { state: 'error', reason: `无法识别的日期「${shown(value)}」` };
  if (day === 60) return { state: 'error', reason: `日期不存在「${shown(value)}」（1900-02-29）` };
  const ms = EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * MS_PER_DAY;
  const dt = new Date(ms);
  return ok(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), 'day');
}

/** A time of day (or a time range) that may follow a date: 14:30, 14:30:00, 9:00-11:30. */
const TIME = String.raw`(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[-~至]\d{1,2}:\d{2}(?::\d{2})?)?)`;
/** 2024-05-12, 2024/5/12, 2024.05.12 (one separator throughout), maybe with a time. */
const YMD_SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:T?${TIME})?$`);
/** 2024年5月12日 (or 号), maybe with a time. */
const YMD_CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:T?${TIME})?$`);
/** 20240512. */
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** 2024年5月, 2024年5月份, 2024-05, 2024/5, 2024.5: a month without a day. */
const YM = /^(\d{4})(?:年(\d{1,2})月份?|[-/.](\d{1,2}))$/;

/**
 * A calendar date. Accepts a JS Date (read in UTC, as ExcelJS delivers them), an Excel serial number
 * when the `numberFormat` shows a date or when `assumeSerial` says the column holds dates
 * (then only serials 20000–80000, years 1954–2119, are taken), an 8-digit number 20240512, and text:
 * `2024/5/12`, `2024.05.12`, `2024年5月12日`, `2024-05-12`, `2024-5-12 14:30`, `20240512`,
 * full-width digits; `2024年5月` gives `precision: 'month'`. Impossible dates (2024-02-30) fail.
 * The 1904 date system is not handled: the workbook adapter converts such serials to Dates.
 *
 * @example
 * parseDate('2024年5月12日') // { state: 'ok', value: { y: 2024, m: 5, d: 12, iso: '2024-05-12' }, precision: 'day' }
 * parseDate(45424, 'yyyy-mm-dd') // { state: 'ok', value: { y: 2024, m: 5, d: 12, iso: '2024-05-12' }, precision: 'day' }
 * parseDate('2024年5月') // { state: 'ok', value: { y: 2024, m: 5, d: 1, iso: '2024-05-01' }, precision: 'month' }
 * parseDate('2024-02-30') // { state: 'error', reason: '日期不存在「2024-02-30」' }
 */
export function parseDate(value: CellValue, numberFormat?: string | null, assumeSerial = false): DateResult {
  if (isBlank(value)) return BLANK;
  // The failure (and the quoted value) is only built when needed: most cells parse.
  const fail = (): ParseFailure => ({ state: 'error', reason: `无法识别的日期「${shown(value)}」` });
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail();
    return ok(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 'day');
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail();
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
      return calendar(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100, value);
    }
    if (isDateFormat(numberFormat)) return fromSerial(value, value);
    if (assumeSerial && value >= 20_000 && value <= 80_000) return fromSerial(value, value);
    return fail();
  }
  if (typeof value !== 'string') return fail();
  const t = compactDateText(value);
  let m = YMD_SEPARATED.exec(t);
  if (m) return calendar(Number(m[1]), Number(m[3]), Number(m[4]), value);
  m = YMD_CHINESE.exec(t) ?? YMD_COMPACT.exec(t);
  if (m) return calendar(Number(m[1]), Number(m[2]), Number(m[3]), value);
  m = YM.exec(t);
  if (m) {
    const month = Number(m[2] ?? m[3]);
    if (month < 1 || month > 12) return { state: 'error', reason: `日期不存在「${shown(value)}」` };
    return ok(Number(m[1]), month, 1, 'month');
  }
  return fail();
}

/**
 * Date text folded: NFKC and white space dropped, except that a space before a time becomes `T`:
 * `2024-5-12 14:30` must not run together into `2024-5-1214:30`.
 */
function compactDateText(text: string): string {
  const folded = text.normalize('NFKC').replace(/\u2212/g, '-').trim();
  return folded.replace(SPACE_BEFORE_TIME, 'T').replace(INVISIBLE, '');
}

/**
 * The white space before a time. It only ever matched a whole run (a shorter one ends before
 * more white space, not a digit); the lookbehind says so, and keeps the pattern from retrying
 * inside a long run, which was quadratic (0.9 s on one cell of 32,767 characters).
 * (Exported for the test that checks it against the pattern without the lookbehind.)
 */
export const SPACE_BEFORE_TIME = /(?<!\s)\s+(?=\d{1,2}:\d{2})/g;

/** Whether a number format shows a percentage (`0%`, `0.00%`), ignoring quoted text. */
function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && format.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/**
 * A percentage on the 0–100 scale: 95 → 95, `95%` → 95, `'95'` → 95, `９５％` → 95, and 0.95 → 95 when
 * the `numberFormat` shows `%`. A bare 0 < x ≤ 1 without `%` anywhere is read as a fraction too, with
 * `assumedFraction: true` so a check can ask (satisfaction of 1% is far less likely than 100%).
 *
 * @example
 * parsePercent(0.95, '0%') // { state: 'ok', value: 95 }
 * parsePercent('９５％') // { state: 'ok', value: 95 }
 * parsePercent(0.95) // { state: 'ok', value: 95, assumedFraction: true }
 * parsePercent('满意') // { state: 'error', reason: '无法识别的百分比「满意」' }
 */
export function parsePercent(value: CellValue, numberFormat?: string | null): PercentResult {
  if (isBlank(value)) return BLANK;
  const fail = (): ParseFailure => ({ state: 'error', reason: `无法识别的百分比「${shown(value)}」` });
  let n: number | null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail();
    if (isPercentFormat(numberFormat)) return { state: 'ok', value: scale(value, 2) };
    n = value;
  } else if (typeof value === 'string') {
    const t = compact(value);
    if (t.endsWith('%')) {
      const p = decimal(t.slice(0, -1));
      return p === null ? fail() : { state: 'ok', value: p };
    }
    n = decimal(t);
  } else {
    return fail();
  }
  if (n === null) return fail();
  if (n > 0 && n <= 1) return { state: 'ok', value: scale(n, 2), assumedFraction: true };
  return { state: 'ok', value: n };
}

/** A count: hedge words before, a unit (家, 人, 人次…), hedge words after. */
const COUNT = /^(约|大约|近|将近)?(\d{1,3}(?:,\d{3})+|\d+)(\+|余|多)?(人次|家次|家企业|家|人|名|位|个|户|次|场|期)?(左右|以上|余|多)?$/;

/**
 * A non-negative whole number from a number or from text such as `35`, `35家`, `35人`, `３５`, `1,200`.
 * Hedged text (`约35`, `35余人`, `35人左右`, `35+`, `35家以上`) parses with `approximate: true`.
 *
 * @example
 * parseCount('35家') // { state: 'ok', value: 35 }
 * parseCount('约35人') // { state: 'ok', value: 35, approximate: true }
 * parseCount(35.5) // { state: 'error', reason: '数量应为非负整数「35.5」' }
 */
export function parseCount(value: CellValue): CountResult {
  if (isBlank(value)) return BLANK;
  const raw = (): string => shown(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { state: 'error', reason: `无法识别的数量「${raw()}」` };
    if (!Number.isInteger(value) || value < 0) return { state: 'error', reason: `数量应为非负整数「${raw()}」` };
    return { state: 'ok', value: value };
  }
  if (typeof value !== 'string') return { state: 'error', reason: `无法识别的数量「${raw()}」` };
  const t = compact(value);
  const m = COUNT.exec(t);
  if (!m) {
    // `35.0` is still a whole number; `35.5` or `-3` deserve the sharper reason.
    const n = decimal(t);
    if (n === null) return { state: 'error', reason: `无法识别的数量「${raw()}」` };
    return Number.isInteger(n) && n >= 0 ? { state: 'ok', value: n || 0 } : { state: 'error', reason: `数量应为非负整数「${raw()}」` };
  }
  const count = Number(m[2].replace(/,/g, ''));
  return m[1] || m[3] || m[5] ? { state: 'ok', value: count, approximate: true } : { state: 'ok', value: count };
}
