/**
 * Text as a workbook may hold it. A submission can carry characters XML 1.0 forbids (control
 * characters, U+FFFE/U+FFFF, a lone surrogate: one read from `_xFFFE_`), or text longer than a cell
 * holds; written raw, either makes a workbook Excel refuses to open. So every string written goes
 * through {@link safeText}:
 * - a control character becomes Excel's own escape `_xHHHH_`, which Excel reads back as that character;
 * - a literal `_xHHHH_` becomes `_x005F_xHHHH_`, so that it reads back as the six characters typed;
 * - a non-character or lone surrogate becomes U+FFFD (no workbook can hold it);
 * - text beyond Excel's 32,767 characters per cell is cut, with a visible 「…（已截断）」.
 */
import type ExcelJS from 'exceljs';

/** Excel's limit of characters in one cell. */
export const MAX_CELL_TEXT = 32767;
export const TRUNCATED = '…（已截断）';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_x[0-9A-Fa-f]{4}_/g;

export function safeText(text: string): string {
  let s = UNSAFE.test(text)
    ? text.replace(UNSAFE, (ch) => {
        if (ch.length > 1) return `_x005F_${ch.slice(1)}`;
        const code = ch.charCodeAt(0);
        if (code < 0x20) return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
        return '\uFFFD';
      })
    : text;
  UNSAFE.lastIndex = 0;
  if (s.length > MAX_CELL_TEXT) {
    let keep = MAX_CELL_TEXT - TRUNCATED.length;
    const c = s.charCodeAt(keep - 1);
    if (c >= 0xd800 && c <= 0xdbff) keep--;
    s = s.slice(0, keep) + TRUNCATED;
  }
  return s;
}

/** A cell value with every string in it made safe: text, rich-text runs, link text, formulas and their results. */
export function safeValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === 'string') return safeText(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return { ...value, richText: value.richText.map((r) => ({ ...r, text: safeText(r.text) })) };
  if ('formula' in value) {
    const f = value as ExcelJS.CellFormulaValue;
    return { ...f, formula: safeText(f.formula), ...(typeof f.result === 'string' ? { result: safeText(f.result) } : {}) } as ExcelJS.CellValue;
  }
  if ('hyperlink' in value) {
    const h = value as ExcelJS.CellHyperlinkValue;
    return { ...h, text: typeof h.text === 'string' ? safeText(h.text) : h.text } as ExcelJS.CellValue;
  }
  return value;
}
