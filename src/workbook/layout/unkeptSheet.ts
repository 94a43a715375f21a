/**
 * The 「未保留的修改」 sheet: what a reviewer changed in the previous review workbook that the new
 * one does not carry over (text typed into generated columns, into cells the tool does not write,
 * or into the copied submission sheets), with its old place and text, so nothing is lost silently.
 */
import { BODY, COLORS, HEADER, asText, fitColumns, printA4Landscape, range, wrappedRowHeights } from './text';
import { UNKEPT_SHEET } from './sheetNames';
import type { LayoutCell, SheetLayout } from './types';

export { UNKEPT_SHEET };

/** One cell of the previous workbook whose reviewer-typed content the new workbook does not keep. */
export interface UnkeptEdit {
  /** The sheet in the previous review workbook. */
  sheet: string;
  /** A1 address there. */
  cell: string;
  /** What the cell held. */
  text: string;
  /** Why it was not kept. */
  why: string;
}

/** Entries listed at most; the rest are counted in the title. */
export const MAX_UNKEPT_LISTED = 5000;

const HEADER_ROW = 3;

/**
 * @example
 * layoutUnkeptSheet([{ sheet: '问题清单', cell: 'I5', text: '已电话核实', why: '生成列的修改' }])
 */
export function layoutUnkeptSheet(edits: readonly UnkeptEdit[]): SheetLayout {
  const listed = edits.slice(0, MAX_UNKEPT_LISTED);
  const more = edits.length - listed.length;
  const cells: LayoutCell[] = [];
  const put = (c: LayoutCell) => cells.push(c);
  put({ row: 1, col: 1, value: `未保留的修改（共 ${edits.length} 处${more > 0 ? `，仅列出前 ${listed.length} 处` : ''}）`, bold: true, size: 14 });
  put({
    row: 2,
    col: 1,
    value: '上一版审核工作簿中，评审专家在以下单元格填写或修改的内容，本次重新生成时没有保留。请核对后转录到“评审意见”“处理意见”“备注”等黄色单元格中，再次运行时这些记录会一直保留在本表。',
    color: COLORS.noticeText,
    wrap: true,
  });
  ['序号', '工作表', '单元格', '原内容', '说明'].forEach((h, i) => put({ row: HEADER_ROW, col: 1 + i, value: h, ...HEADER }));
  listed.forEach((e, i) => {
    const r = HEADER_ROW + 1 + i;
    put({ row: r, col: 1, value: i + 1, ...BODY, align: 'center' });
    put({ row: r, col: 2, ...asText(e.sheet), ...BODY, wrap: true });
    put({ row: r, col: 3, ...asText(e.cell), ...BODY, align: 'center' });
    put({ row: r, col: 4, ...asText(e.text), ...BODY, wrap: true });
    put({ row: r, col: 5, ...asText(e.why), ...BODY, wrap: true });
  });
  const columns = fitColumns(
    cells,
    [
      { min: 6, max: 6 },
      { min: 14, max: 28 },
      { min: 9, max: 10 },
      { min: 40, max: 60 },
      { min: 30, max: 40 },
    ],
    (c) => c.row < HEADER_ROW,
  );
  const lastRow = HEADER_ROW + Math.max(listed.length, 1);
  return {
    name: UNKEPT_SHEET,
    columns,
    rowHeights: [{ row: 2, height: 34 }, ...wrappedRowHeights(cells, columns, HEADER_ROW + 1)],
    cells,
    merges: [range(1, 1, 1, 5), range(2, 1, 2, 5)],
    freeze: { row: HEADER_ROW, col: 0 },
    autoFilter: range(HEADER_ROW, 1, lastRow, 5),
    dataValidations: [],
    conditionalFormats: [],
    print: printA4Landscape(columns, { titleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
    tabColor: COLORS.noticeText,
  };
}

/** The entries listed on an earlier 「未保留的修改」 sheet (values by row), carried into the next one. */
export function readUnkeptSheet(rows: readonly (readonly (string | number | boolean | null)[])[]): UnkeptEdit[] {
  const out: UnkeptEdit[] = [];
  rows.slice(HEADER_ROW).forEach((row) => {
    const [, sheet, cell, text, why] = row;
    if (typeof sheet === 'string' && typeof cell === 'string' && text !== null && text !== undefined) out.push({ sheet, cell, text: String(text), why: typeof why === 'string' ? why : '' });
  });
  return out;
}
