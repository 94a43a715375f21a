/**
 * Sheet names in the review workbook: the four review sheets, and unique, valid names for the
 * submission's worksheets copied next to them.
 */
import type { CopiedSheet } from './types';

/** The review sheets, in tab order. */
export const REVIEW_SHEETS = {
  scoring: '评分表',
  rubric: '评分细则',
  findings: '问题清单',
  sample: '抽查样本',
} as const;

/** The sheet listing the reviewer's changes a re-run could not keep (only when there are some). */
export const UNKEPT_SHEET = '未保留的修改';

/**
 * A very hidden sheet of fingerprints of the copied submission rows as written, so a re-run can tell
 * the reviewer's changes in a copy from the platform's changes in its files.
 */
export const FINGERPRINT_SHEET = '审核助手记录';

/** The sheet listing 8.4(2)'s new 北京 order firms, written only when last year's submission was given (--previous). */
export const PREVIOUS_YEAR_SHEET = '新增订单企业';

/** The visible sheets both writers write: the four review sheets and 「未保留的修改」. */
export const WRITTEN_SHEETS: readonly string[] = [...Object.values(REVIEW_SHEETS), UNKEPT_SHEET];

/** Every sheet the tool writes itself; a review workbook read back as input contributes none of them. */
export const GENERATED_SHEETS: ReadonlySet<string> = new Set([...WRITTEN_SHEETS, PREVIOUS_YEAR_SHEET, FINGERPRINT_SHEET]);

/** Whether sheets with these names are a review workbook this tool wrote (given again as input). */
export function isReviewWorkbookSheets(names: Iterable<string>): boolean {
  const set = new Set(names);
  return set.has(REVIEW_SHEETS.scoring) && set.has(REVIEW_SHEETS.findings);
}

/** Excel's limit on a sheet name's length (UTF-16 units). */
export const MAX_SHEET_NAME = 31;

/** Names Excel keeps for itself. */
const EXCEL_RESERVED = ['History'];

/** Cut a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A string made into a valid sheet name: no `[]:*?/\`, no control characters, no apostrophe at
 * either end, not empty, at most 31 characters.
 *
 * @example
 * sanitizeSheetName('附表4-2-1-2/名单') // '附表4-2-1-2_名单'
 */
export function sanitizeSheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, '_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim();
  s = cut(s, MAX_SHEET_NAME).replace(/^'+|'+$/g, '').trim();
  return s === '' ? 'Sheet' : s;
}

function key(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

function fileStem(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

/** `name` with ` (n)` at the end, the name cut so the whole stays within 31 characters. */
function numbered(name: string, n: number): string {
  const suffix = ` (${n})`;
  return `${cut(name, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
}

/**
 * Names for the submission's worksheets in the review workbook. A name stays as submitted when it
 * is unique (Excel compares names without case); names that collide — with each other or with a
 * review sheet — are all prefixed by the table they hold (`4-2-1-2 名单`, `4-2-1-7 名单`), or by
 * their file's name when no table was recognised; anything still colliding gets ` (2)`, ` (3)`…
 *
 * @param sheets every copied worksheet in tab order, with the attachment table it holds if any
 * @param reserved names already taken (the review sheets)
 * @example
 * uniqueSheetNames([{ file: 'a.xlsx', sheet: '名单', kind: '4-2-1-2' }, { file: 'b.xlsx', sheet: '名单', kind: '4-2-1-7' }], ['评分表'])
 * // names '4-2-1-2 名单' and '4-2-1-7 名单'
 */
export function uniqueSheetNames(
  sheets: readonly { file: string; sheet: string; kind?: string }[],
  reserved: readonly string[] = Object.values(REVIEW_SHEETS),
): CopiedSheet[] {
  const taken = new Set([...reserved, ...EXCEL_RESERVED].map(key));
  const count = new Map<string, number>();
  const bases = sheets.map((s) => sanitizeSheetName(s.sheet));
  for (const b of bases) count.set(key(b), (count.get(key(b)) ?? 0) + 1);
  const used = new Set(taken);
  return sheets.map((s, i) => {
    const base = bases[i];
    const collides = (count.get(key(base)) ?? 0) > 1 || taken.has(key(base));
    const candidates = collides
      ? [s.kind ? sanitizeSheetName(`${s.kind} ${base}`) : null, sanitizeSheetName(`${fileStem(s.file)} ${base}`)].filter(
          (c): c is string => c !== null,
        )
      : [base];
    let name = candidates.find((c) => !used.has(key(c)));
    for (let n = 2; name === undefined; n++) {
      const c = numbered(candidates[0], n);
      if (!used.has(key(c))) name = c;
    }
    used.add(key(name));
    return { file: s.file, sheet: s.sheet, name };
  });
}

/** The copied sheet's name for a submitted file and sheet, if it was copied. */
export function copiedSheetName(copied: readonly CopiedSheet[], file: string | null, sheet: string | null): string | undefined {
  if (file === null || sheet === null) return undefined;
  return copied.find((c) => c.file === file && c.sheet === sheet)?.name;
}
