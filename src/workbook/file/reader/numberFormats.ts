/**
 * Number formats: the built-in ones a file names by id alone, and whether a format shows a date.
 *
 * Built-in ids 0–49 are ECMA-376 Part 1 §18.8.30. Ids 27–36 and 50–58 are the East Asian date
 * formats whose code depends on the locale; the submissions are Chinese, so they read as Excel in
 * zh-CN shows them (`yyyy"年"m"月"d"日"` for 31). ExcelJS leaves those ids without a format, so its
 * reader shows such a date as its serial number.
 */
import { withoutBracketed } from '../../../domain/linearText';

const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a built-in number format id, or undefined (0, General, included). */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** What {@link isDateFormat} said of each format seen. */
const dateFormats = new Map<string, boolean>();

/**
 * Whether a format shows a date or a time: a y, m, d, h, s or b outside quoted text and [..]
 * sections (colours, locales, elapsed-time brackets aside). The same test as ExcelJS's, so that a
 * number reads as a date exactly where ExcelJS's full load would make it one.
 */
export function isDateFormat(format: string): boolean {
  // Asked per cell by the legacy and Office readers; a workbook uses a handful of formats.
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = /[ymdhMsb]/.test(withoutBracketed(withoutBracketed(format, ['[]']), ['""']));
    if (dateFormats.size >= 1000) dateFormats.clear();
    dateFormats.set(format, known);
  }
  return known;
}

/**
 * Whether Excel shows a serial in a date format as a date: 0 up to 9999-12-31. Outside that it shows
 * ##### and the cell stays a number (a Date there would be invalid, and nothing a reviewer saw).
 */
export function isDateSerial(serial: number): boolean {
  return serial >= 0 && serial < 2958466;
}

/** A date serial as the instant Excel shows (read as UTC), in the 1900 or 1904 date system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}
