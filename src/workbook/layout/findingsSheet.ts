/**
 * 问题清单: one row per finding, each linking to its cell in the submission's sheet as copied
 * into the review workbook.
 */
import { checkInfo } from '../../domain/checks';
import { sortFindingsBy } from '../../domain/review';
import { SEVERITY_LABEL, type Finding, type ReviewReport } from '../../domain/report';
import { REVIEW_SHEETS } from './sheetNames';
import { rowMark, type ReviewerInputs } from './inputs';
import { BODY, COLORS, HEADER, INPUT, asText, fitColumns, printA4Landscape, range, wrappedRowHeights } from './text';
import type { CopiedSheet, LayoutCell, LayoutScalar, SheetLayout } from './types';

/** Columns of the 问题清单: a hidden mark, the finding, then the reviewer's 处理意见 and 备注. */
export const FINDINGS_COLS = { mark: 1, no: 2, severity: 3, check: 4, clause: 5, file: 6, sheet: 7, cell: 8, message: 9, disposition: 10, remark: 11 } as const;
const LAST_COL = FINDINGS_COLS.remark;
const HEADER_ROW = 2;

/** Words of the 处理意见 drop-down. */
export const DISPOSITIONS = ['属实', '不属实', '已说明', '待核'] as const;

/** The text beside a finding the new review no longer raises, kept for the reviewer's entry on it. */
export const GONE_MARK = '本次未再出现';

/** What a finding is across re-runs: its check, file, sheet and cell (or row). Its wording may change. */
function identityOf(f: Finding): (string | number | null)[] {
  return [f.check, f.file, f.sheet, f.cell ?? f.row];
}

/** A row key: the identity, its ordinal among equal identities, and what the row showed (to redraw it once gone). */
interface FindingKey {
  id: (string | number | null)[];
  n: number;
  s: Finding['severity'];
  m: string;
}

const KEY_PREFIX = 'q:';
const keyOf = (k: FindingKey) => KEY_PREFIX + JSON.stringify(k);
const matchOf = (k: Pick<FindingKey, 'id' | 'n'>) => JSON.stringify([k.id, k.n]);

function parseKey(key: string): FindingKey | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  try {
    const k = JSON.parse(key.slice(KEY_PREFIX.length)) as Partial<FindingKey>;
    if (!Array.isArray(k.id) || typeof k.n !== 'number' || typeof k.m !== 'string' || !(k.s === 'error' || k.s === 'warning' || k.s === 'info')) return undefined;
    return k as FindingKey;
  } catch {
    return undefined;
  }
}

/** How the 问题清单 names a check: its title, then its id (`重复企业（duplicate-enterprise）`). */
function checkLabel(id: string): string {
  return `${checkInfo(id).title}（${id}）`;
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
 * the copied sheet), 说明, then 处理意见 (a drop-down) and 备注 for the reviewer; frozen header and a filter.
 * The reviewer's entries are carried by the finding's identity; a finding no longer raised keeps its
 * row, greyed and marked {@link GONE_MARK}, while it carries an entry.
 *
 * @param copied where each submitted sheet went in the review workbook (from copying the sheets)
 * @param inputs the reviewer's entries from an earlier review workbook
 */
export function layoutFindingsSheet(report: ReviewReport, copied: readonly CopiedSheet[] = [], inputs?: ReviewerInputs): SheetLayout {
  const C = FINDINGS_COLS;
  const findings = sortFindingsForSheet(report.findings, copied);
  const { carried, current, gone } = matchCarried(findings, inputs);

  const cells: LayoutCell[] = [];
  const put = (c: LayoutCell) => cells.push(c);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const goneText = gone.length > 0 ? `；另有 ${gone.length} 条${GONE_MARK}，因填有处理意见或备注而保留` : '';
  put({
    row: 1,
    col: C.no,
    value: `问题清单（共 ${findings.length} 条：错误 ${counts.error} 条、警告 ${counts.warning} 条、提示 ${counts.info} 条${goneText}）　点击“单元格”可跳到本工作簿中复制的申报表`,
    bold: true,
    size: 12,
  });
  const headers = ['序号', '严重程度', '检查项', '依据条款', '文件', '工作表', '单元格', '说明', '处理意见', '备注'];
  headers.forEach((h, i) => put({ row: HEADER_ROW, col: C.no + i, value: h, ...HEADER }));
  /** The reviewer's two cells and the row's mark. */
  const reviewerCells = (r: number, key: FindingKey, checkText: string) => {
    const entry = carried.get(matchOf(key))?.fields ?? {};
    put({ row: r, col: C.mark, value: rowMark(keyOf(key), { disposition: [C.disposition, null], remark: [C.remark, null] }, [C.check, checkText]) });
    for (const [field, col] of [
      ['disposition', C.disposition],
      ['remark', C.remark],
    ] as const) {
      const v = entry[field] ?? null;
      put({ row: r, col, ...(typeof v === 'string' ? asText(v) : { value: v }), ...INPUT, wrap: true, ...(field === 'disposition' ? { align: 'center' as const } : {}) });
    }
  };
  current.forEach(({ finding: f, key }, i) => {
    const r = HEADER_ROW + 1 + i;
    const info = checkInfo(f.check);
    const checkText = checkLabel(f.check);
    const target = f.file !== null && f.sheet !== null ? copied.find((c) => c.file === f.file && c.sheet === f.sheet) : undefined;
    put({ row: r, col: C.no, value: i + 1, ...BODY, align: 'center' });
    put({ row: r, col: C.severity, value: SEVERITY_LABEL[f.severity], ...BODY, align: 'center' });
    put({ row: r, col: C.check, value: checkText, ...BODY, wrap: true });
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
    reviewerCells(r, key, checkText);
  });
  // Findings no longer raised, kept for what the reviewer wrote on them.
  const GREY = { ...BODY, fill: COLORS.groupFill, color: COLORS.muted };
  gone.forEach(({ key }, i) => {
    const r = HEADER_ROW + 1 + findings.length + i;
    const [check, file, sheet, where] = key.id;
    const info = checkInfo(String(check));
    const checkText = checkLabel(String(check));
    put({ row: r, col: C.no, value: GONE_MARK, ...GREY, align: 'center', wrap: true });
    put({ row: r, col: C.severity, value: SEVERITY_LABEL[key.s], ...GREY, align: 'center' });
    put({ row: r, col: C.check, value: checkText, ...GREY, wrap: true });
    put({ row: r, col: C.clause, value: info.clause || null, ...GREY, wrap: true });
    put({ row: r, col: C.file, ...asText(typeof file === 'string' ? file : null), ...GREY, wrap: true });
    put({ row: r, col: C.sheet, ...asText(typeof sheet === 'string' ? sheet : null), ...GREY, wrap: true });
    put({ row: r, col: C.cell, ...asText(typeof where === 'number' ? `第${where}行` : typeof where === 'string' ? where : null), ...GREY, align: 'center' });
    put({ row: r, col: C.message, ...asText(`【${GONE_MARK}】${key.m}`), ...GREY, wrap: true });
    reviewerCells(r, key, checkText);
  });
  const rowsUsed = findings.length + gone.length;
  const lastRow = HEADER_ROW + Math.max(rowsUsed, 1);
  if (rowsUsed === 0) {
    put({ row: HEADER_ROW + 1, col: C.no, value: '未发现问题', ...BODY, align: 'center' });
  }
  const columns = fitColumns(
    cells,
    [
      { min: 3, max: 3, hidden: true },
      { min: 6, max: 6 },
      { min: 10, max: 10 },
      // The text columns wrap; these widths keep the sheet one page wide at a legible scale.
      { min: 14, max: 18 },
      { min: 14, max: 18 },
      { min: 14, max: 18 },
      { min: 10, max: 12 },
      { min: 9, max: 10 },
      { min: 36, max: 44 },
      { min: 10, max: 10 },
      { min: 14, max: 14 },
    ],
    (c) => c.row === 1 || c.col === C.mark,
  );
  const rowHeights = wrappedRowHeights(cells, columns, HEADER_ROW + 1);
  return {
    name: REVIEW_SHEETS.findings,
    columns,
    rowHeights,
    cells,
    merges: rowsUsed === 0 ? [range(HEADER_ROW + 1, C.no, HEADER_ROW + 1, LAST_COL)] : [],
    freeze: { row: HEADER_ROW, col: 0 },
    // The filter spans the hidden mark column, so sorting moves each row's mark with it.
    autoFilter: range(HEADER_ROW, C.mark, lastRow, LAST_COL),
    dataValidations:
      rowsUsed > 0 ? [{ range: range(HEADER_ROW + 1, C.disposition, lastRow, C.disposition), options: [...DISPOSITIONS], prompt: '选择处理意见：属实、不属实、已说明或待核' }] : [],
    conditionalFormats: [
      { type: 'equals', range: range(HEADER_ROW + 1, C.severity, lastRow, C.severity), value: SEVERITY_LABEL.error, fill: COLORS.badFill, color: COLORS.badText },
      { type: 'equals', range: range(HEADER_ROW + 1, C.severity, lastRow, C.severity), value: SEVERITY_LABEL.warning, fill: COLORS.pendingFill, color: COLORS.pendingText },
    ],
    print: printA4Landscape(columns, { titleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
    tabColor: 'FFC00000',
  };
}

/**
 * The findings with their keys, the reviewer's entries carried from an earlier workbook (by key),
 * and those entries whose finding is no longer raised.
 */
function matchCarried(findings: readonly Finding[], inputs: ReviewerInputs | undefined) {
  const carried = new Map<string, { key: FindingKey; fields: Record<string, LayoutScalar> }>();
  for (const [key, fields] of Object.entries(inputs?.[REVIEW_SHEETS.findings] ?? {})) {
    const k = parseKey(key);
    if (k && Object.values(fields).some((v) => v !== null)) carried.set(matchOf(k), { key: k, fields });
  }
  const seen = new Map<string, number>();
  const current = findings.map((f) => {
    const id = identityOf(f);
    const at = JSON.stringify(id);
    const n = seen.get(at) ?? 0;
    seen.set(at, n + 1);
    return { finding: f, key: { id, n, s: f.severity, m: f.message } satisfies FindingKey };
  });
  const raised = new Set(current.map((c) => matchOf(c.key)));
  const gone = [...carried.values()].filter((c) => !raised.has(matchOf(c.key)));
  return { carried, current, gone };
}
