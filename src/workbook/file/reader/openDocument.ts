/**
 * What an OpenDocument spreadsheet must pass before SheetJS reads it. SheetJS inflates and parses
 * the whole package in memory with no bound: a damaged deflate stream took it 90 s, and a cell
 * repeated a million rows by 16,384 columns never ended. So every part is first inflated here,
 * with the zip's CRC and byte limit, and content.xml is parsed (saxes) to count the cells its
 * repeats expand to.
 */
import { attribute, parsePart } from './xml';
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
 * @throws Unreadable naming the damaged part, or saying how many cells the repeats expand to
 */
export function checkOpenDocument(archive: ZipArchive): void {
  // Every part, so that the CRC and the limit speak before SheetJS's inflater does.
  for (const entry of archive.entries) if (!entry.name.endsWith('/')) archive.inflate(entry, () => undefined);
  const content = archive.entry('content.xml');
  if (!content) throw new Unreadable('OpenDocument 表格中缺少 content.xml，文件已损坏');
  let rows = 1;
  let cells = 0;
  parsePart(archive, content, {
    open(name, a) {
      if (name === 'table-row') rows = count(attribute(a, 'number-rows-repeated'));
      else if ((name === 'table-cell' || name === 'covered-table-cell') && attribute(a, 'value-type') !== undefined) {
        cells += rows * count(attribute(a, 'number-columns-repeated'));
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
