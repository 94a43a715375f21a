/**
 * 问题清单: one row per finding, each linking to its cell in the submission's sheet as copied
 * into the review workbook.
 */
import { CHECKS } from '../../domain/checks';
import { sortFindingsBy } from '../../domain/review';
import { SEVERITY_LABEL, type Finding, type ReviewReport } from '../../domain/report';
import { REVIEW_SHEETS } from './sheetNames';
import { BODY, COLORS, HEADER, PRINT_A4_LANDSCAPE, asText, fitColumns, range, wrappedRowHeights } from './text';
import type { CopiedSheet, LayoutCell, SheetLayout } from './types';

/** Columns of the 问题清单. */
export const FINDINGS_COLS = { no: 1, severity: 2, check: 3, clause: 4, file: 5, sheet: 6, cell: 7, message: 8 } as const;
const HEADER_ROW = 2;

/** A check's Chinese title and guide clause by its id. */
export function checkInfo(id: string): { title: string; clause: string } {
  const meta = CHECKS.find((c) => c.meta.id === id)?.meta;
  return meta ? { title: meta.title, clause: meta.clause } : { title: id, clause: '' };
}

/**
 * Findings in reading order: severity, then the copied sheets' order (file-level findings first), then row.
 */
export function sortFindingsForSheet(findings: readonly Finding[], copied: readonly CopiedSheet[]): Finding[] {
  const sheetRank = (f: Finding) => {
    if (f.sheet === null) return -1;
    const i = copied.findIndex((c) => c.file === f.file && c.sheet === f.sheet);
    return i === -1 ? copied.length : i;
  };
  return sortFindingsBy(findings, sheetRank);
}

/**
 * The 问题清单 sheet: 序号, 严重程度, 检查项, 依据条款, 文件, 工作表, 单元格 (a link to the cell in
 * the copied sheet), 说明; frozen header and a filter.
 *
 * @param copied where each submitted sheet went in the review workbook (from copying the sheets)
 */
export function layoutFindingsSheet(report: ReviewReport, copied: readonly CopiedSheet[] = []): SheetLayout {
  const C = FINDINGS_COLS;
  const findings = sortFindingsForSheet(report.findings, copied);
  const cells: LayoutCell[] = [];
  const put = (c: LayoutCell) => cells.push(c);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  put({
    row: 1,
    col: 1,
    value: `问题清单（共 ${findings.length} 条：错误 ${counts.error} 条、警告 ${counts.warning} 条、提示 ${counts.info} 条）　点击“单元格”可跳到本工作簿中复制的申报表`,
    bold: true,
    size: 12,
  });
  const headers = ['序号', '严重程度', '检查项', '依据条款', '文件', '工作表', '单元格', '说明'];
  headers.forEach((h, i) => put({ row: HEADER_ROW, col: i + 1, value: h, ...HEADER }));
  findings.forEach((f, i) => {
    const r = HEADER_ROW + 1 + i;
    const info = checkInfo(f.check);
    const target = f.file !== null && f.sheet !== null ? copied.find((c) => c.file === f.file && c.sheet === f.sheet) : undefined;
    put({ row: r, col: C.no, value: i + 1, ...BODY, align: 'center' });
    put({ row: r, col: C.severity, value: SEVERITY_LABEL[f.severity], ...BODY, align: 'center' });
    put({ row: r, col: C.check, value: `${info.title}（${f.check}）`, ...BODY, wrap: true });
    put({ row: r, col: C.clause, value: info.clause || null, ...BODY, wrap: true });
    put({ row: r, col: C.file, ...asText(f.file), ...BODY, wrap: true });
    const sheetText = f.sheet === null ? null : target && target.name !== f.sheet ? `${f.sheet}（本工作簿中为「${target.name}」）` : f.sheet;
    put({ row: r, col: C.sheet, ...asText(sheetText), ...BODY, wrap: true });
    const cellText = f.cell ?? (f.row !== null ? `第${f.row}行` : null);
    if (target) {
      const cell = f.cell ?? (f.row !== null ? `A${f.row}` : 'A1');
      put({
        row: r,
        col: C.cell,
        value: cellText ?? '（整表）',
        ...BODY,
        align: 'center',
        color: COLORS.link,
        hyperlink: { sheet: target.name, cell },
      });
    } else {
      put({ row: r, col: C.cell, value: cellText, ...BODY, align: 'center' });
    }
    put({ row: r, col: C.message, ...asText(f.message), ...BODY, wrap: true });
  });
  const lastRow = HEADER_ROW + Math.max(findings.length, 1);
  if (findings.length === 0) {
    put({ row: HEADER_ROW + 1, col: 1, value: '未发现问题', ...BODY, align: 'center' });
  }
  const columns = fitColumns(
    cells,
    [
      { min: 6, max: 6 },
      { min: 10, max: 10 },
      { min: 16, max: 30 },
      { min: 16, max: 28 },
      { min: 14, max: 30 },
      { min: 10, max: 24 },
      { min: 9, max: 12 },
      { min: 40, max: 70 },
    ],
    (c) => c.row === 1,
  );
  const rowHeights = wrappedRowHeights(cells, columns, HEADER_ROW + 1);
  return {
    name: REVIEW_SHEETS.findings,
    columns,
    rowHeights,
    cells,
    merges: findings.length === 0 ? [range(HEADER_ROW + 1, 1, HEADER_ROW + 1, C.message)] : [],
    freeze: { row: HEADER_ROW, col: 0 },
    autoFilter: range(HEADER_ROW, 1, lastRow, C.message),
    dataValidations: [],
    conditionalFormats: [
      { type: 'equals', range: range(HEADER_ROW + 1, C.severity, lastRow, C.severity), value: SEVERITY_LABEL.error, fill: COLORS.badFill, color: COLORS.badText },
      { type: 'equals', range: range(HEADER_ROW + 1, C.severity, lastRow, C.severity), value: SEVERITY_LABEL.warning, fill: COLORS.pendingFill, color: COLORS.pendingText },
    ],
    print: { ...PRINT_A4_LANDSCAPE, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
    tabColor: 'FFC00000',
  };
}
