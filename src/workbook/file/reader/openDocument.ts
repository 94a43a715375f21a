/**
 * What an OpenDocument spreadsheet must pass before SheetJS reads it. SheetJS inflates and parses
 * the whole package in memory with no bound: a damaged deflate stream took it 90 s, and a cell
 * repeated a million rows by 16,384 columns never ended. So every part is first inflated here,
 * with the zip's CRC and byte limit, and content.xml is parsed (saxes) to count the cells its
 * repeats expand to.
 */
import { attribute, parsePart, type Attributes } from './xml';
import { boundsReason, MAX_COLUMNS, MAX_ROWS, SheetBoundsError, shortened } from './gridBuilder';
import { Unreadable } from './problem';
import type { ZipArchive } from './zip';

/**
 * Cells with a value, once rows and columns are repeated, that SheetJS is given at most: over twice
 * a platform's largest table (40,000 orders × 20 columns). SheetJS took 9 s and 490 MB for 2,000,000.
 */
export const MAX_OPEN_DOCUMENT_CELLS = 2_000_000;

const count = (text: string | undefined): number => {
  const n = text === undefined ? 1 : Number(text);
  return Number.isInteger(n) && n >= 1 ? n : 1;
};

/**
 * The digit counts of a number format, which SheetJS writes out as that many `0`s: 400 nines in
 * number:min-integer-digits made it exhaust the heap. No format shows more than 255 characters.
 */
const DIGIT_COUNTS = ['min-integer-digits', 'decimal-places', 'min-decimal-places', 'min-exponent-digits', 'min-numerator-digits', 'min-denominator-digits'];
const MAX_DIGITS = 255;

function checkDigits(a: Attributes): void {
  for (const key in a) {
    const local = key.slice(key.indexOf(':') + 1);
    if (!DIGIT_COUNTS.includes(local)) continue;
    // What is not a number SheetJS reads as none; only a count it would write out is bounded.
    if (Number(a[key]) > MAX_DIGITS) throw new Unreadable(`OpenDocument 表格的数字格式要求显示「${shortened(a[key])}」位数字，超出任何表格软件的范围，文件不是由电子表格软件正常保存的`);
  }
}

/**
 * @throws Unreadable naming the damaged part, or saying how many cells the repeats expand to
 */
export function checkOpenDocument(archive: ZipArchive): void {
  // Every part, so that the CRC and the limit speak before SheetJS's inflater does.
  for (const entry of archive.entries) if (!entry.name.endsWith('/')) archive.inflate(entry, () => undefined);
  const content = archive.entry('content.xml');
  if (!content) throw new Unreadable('OpenDocument 表格中缺少 content.xml，文件已损坏');
  // Number formats live in styles.xml and in content.xml's automatic styles.
  const styles = archive.entry('styles.xml');
  if (styles) parsePart(archive, styles, { open: (_name, a) => checkDigits(a) });
  let rows = 1;
  let cells = 0;
  // Rows and columns so far in the current table and row, repeats included: past Excel's limits no
  // spreadsheet wrote them (LibreOffice fills each sheet to exactly its limits), and SheetJS would
  // walk every empty one first.
  let table = '';
  let tableRows = 0;
  let rowColumns = 0;
  parsePart(archive, content, {
    open(name, a) {
      checkDigits(a);
      if (name === 'table') {
        table = attribute(a, 'name') ?? '';
        tableRows = 0;
      } else if (name === 'table-row') {
        rows = count(attribute(a, 'number-rows-repeated'));
        rowColumns = 0;
        tableRows += rows;
        if (tableRows > MAX_ROWS) throw new Unreadable(boundsReason(new SheetBoundsError('row', tableRows), table));
      } else if (name === 'table-cell' || name === 'covered-table-cell') {
        const repeated = count(attribute(a, 'number-columns-repeated'));
        rowColumns += repeated;
        if (rowColumns > MAX_COLUMNS) throw new Unreadable(boundsReason(new SheetBoundsError('column', rowColumns), table));
        if (attribute(a, 'value-type') === undefined) return;
        cells += rows * repeated;
        if (cells > MAX_OPEN_DOCUMENT_CELLS) {
          throw new Unreadable(
            `OpenDocument 表格中重复的单元格展开后超过 ${MAX_OPEN_DOCUMENT_CELLS.toLocaleString('en-US')} 个，超出可处理的范围，请在 Excel 或 WPS 中另存为 .xlsx 后重新提交`,
          );
        }
      }
    },
    close(name) {
      if (name === 'table-row') rows = 1;
    },
  });
}
