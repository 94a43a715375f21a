/**
 * 评分细则: the rubric as a table the 评分表 formulas read, so a point changed here rescored there.
 */
import { edited, pick, rowMark, type ReviewerInputs } from './inputs';
import { INDICATOR_LABELS, RULE_LABELS, rubricItems, rubricRow, type Rubric, type RubricCategory, type RubricItem, type RubricRow } from './rubric';
import { REVIEW_SHEETS } from './sheetNames';
import { BODY, COLORS, HEADER, INPUT, LINE_HEIGHT, columnLetter, firstPageColumns, fitColumns, printScale, range, wrappedHeight } from './text';
import type { LayoutCell, LayoutScalar, SheetLayout } from './types';

/** Fixed columns of the 评分细则 table; step columns follow `full`. */
export const RUBRIC_COLS = { mark: 1, id: 2, title: 3, max: 4, type: 5, per: 6, cap: 7, full: 8, firstStep: 9 } as const;

/** Rows above the table. */
const TITLE_ROW = 1;
const NOTICE_ROW = 2;
const PASS_ROW = 3;
const HELP_ROW = 4;
const HEADER_ROW = 6;

export interface RubricPlanRow {
  item: RubricItem;
  section?: RubricCategory;
  /** Sheet row of the item. */
  row: number;
  /** What the generator writes. */
  generated: RubricRow;
  /** What the sheet holds after the reviewer's carried edits: the cells the formulas read. */
  values: RubricRow;
}

/** Where everything sits on the 评分细则 sheet, shared by its layout and the 评分表 formulas. */
export interface RubricPlan {
  sheet: string;
  category: string;
  stepCount: number;
  /** Columns of each step's 起点 and 得分. */
  stepCols: { min: number; points: number }[];
  sourceCol: number;
  unitCol: number;
  noteCol: number;
  lastCol: number;
  passScore: { row: number; col: number; generated: number; value: LayoutScalar };
  headerRow: number;
  rows: RubricPlanRow[];
  /** Group and 8.x section headings between items. */
  headings: { row: number; text: string; section: boolean }[];
  totalRow: number;
}

function field(i: number, which: 'min' | 'points'): string {
  return `${which}${i + 1}`;
}

/** Apply the reviewer's edits to a generated rubric row. */
function applyInputs(inputs: ReviewerInputs | undefined, sheet: string, g: RubricRow): RubricRow {
  const p = (f: string, v: LayoutScalar) => pick(inputs, sheet, g.id, f, v);
  return {
    id: g.id,
    max: p('max', g.max),
    type: p('type', g.type),
    per: p('per', g.per),
    cap: p('cap', g.cap),
    full: p('full', g.full),
    steps: g.steps.map((s, i) => ({ min: p(field(i, 'min'), s.min), points: p(field(i, 'points'), s.points) })),
  };
}

/**
 * Plan the 评分细则 sheet: rows of every item, step columns, and the values after the reviewer's edits.
 *
 * @throws Error (Chinese) when the category is not in the rubric
 */
export function planRubricSheet(rubric: Rubric, category: string, inputs?: ReviewerInputs): RubricPlan {
  const sheet = REVIEW_SHEETS.rubric;
  const entries = rubricItems(rubric, category);
  const stepCount = Math.max(3, ...entries.map(({ item }) => (item.rule.type === 'steps' ? item.rule.steps.length : 0)));
  const stepCols = Array.from({ length: stepCount }, (_, i) => ({ min: RUBRIC_COLS.firstStep + 2 * i, points: RUBRIC_COLS.firstStep + 2 * i + 1 }));
  const sourceCol = RUBRIC_COLS.firstStep + 2 * stepCount;
  const rows: RubricPlanRow[] = [];
  const headings: RubricPlan['headings'] = [];
  let row = HEADER_ROW + 1;
  let group: string | undefined;
  let section: RubricCategory | undefined;
  for (const { item, section: s } of entries) {
    if (item.group && item.group !== group) {
      headings.push({ row: row++, text: item.group, section: false });
      group = item.group;
    }
    if (s && s !== section) headings.push({ row: row++, text: `${s.id} ${s.title}（${category}类）`, section: true });
    section = s;
    const generated = rubricRow(item, stepCount);
    rows.push({ item, section: s, row: row++, generated, values: applyInputs(inputs, sheet, generated) });
  }
  return {
    sheet,
    category,
    stepCount,
    stepCols,
    sourceCol,
    unitCol: sourceCol + 1,
    noteCol: sourceCol + 2,
    lastCol: sourceCol + 2,
    passScore: { row: PASS_ROW, col: RUBRIC_COLS.max, generated: rubric.passScore, value: pick(inputs, sheet, 'passScore', 'value', rubric.passScore) },
    headerRow: HEADER_ROW,
    rows,
    headings,
    totalRow: row,
  };
}

/**
 * The 评分细则 sheet for a category: the notice (that the default rubric is only an example), the
 * pass score, and one row per indicator with 满分, 规则类型 (drop-down) and its parameters, all
 * editable; the reviewer's earlier edits (`inputs`) are kept.
 *
 * @example
 * const sheet = layoutRubricSheet(DEFAULT_RUBRIC, '技术创新');
 */
export function layoutRubricSheet(rubric: Rubric, category: string, inputs?: ReviewerInputs): SheetLayout {
  const plan = planRubricSheet(rubric, category, inputs);
  const cells: LayoutCell[] = [];
  const last = plan.lastCol;
  const put = (cell: LayoutCell) => cells.push(cell);

  drawAbove(put, plan, rubric, category);

  const headers: [number, string][] = [
    [RUBRIC_COLS.id, '指标编号'],
    [RUBRIC_COLS.title, '指标名称'],
    [RUBRIC_COLS.max, '满分'],
    [RUBRIC_COLS.type, '规则类型'],
    [RUBRIC_COLS.per, '每个计分'],
    [RUBRIC_COLS.cap, '封顶分'],
    [RUBRIC_COLS.full, '满分所需值'],
    ...plan.stepCols.flatMap((c, i): [number, string][] => [
      [c.min, `第${i + 1}档起点`],
      [c.points, `第${i + 1}档得分`],
    ]),
    [plan.sourceCol, '数据来源'],
    [plan.unitCol, '单位'],
    [plan.noteCol, '说明'],
  ];
  for (const [col, text] of headers) put({ row: plan.headerRow, col, value: text, ...HEADER });

  for (const h of plan.headings) {
    put({ row: h.row, col: 2, value: h.text, bold: true, fill: h.section ? COLORS.groupFill : COLORS.sectionFill, border: true });
  }
  for (const r of plan.rows) drawItem(put, plan, r, inputs);
  const first = plan.rows[0]?.row ?? plan.totalRow;
  const lastItem = plan.rows[plan.rows.length - 1]?.row ?? plan.totalRow;
  const total = plan.rows.reduce((s, r) => s + (typeof r.values.max === 'number' ? r.values.max : 0), 0);
  put({ row: plan.totalRow, col: RUBRIC_COLS.title, value: '满分合计', bold: true, border: true, align: 'right' });
  put({
    row: plan.totalRow,
    col: RUBRIC_COLS.max,
    value: { formula: `SUM(${range(first, RUBRIC_COLS.max, lastItem, RUBRIC_COLS.max)})`, result: total },
    bold: true,
    border: true,
    align: 'center',
  });

  const limits = Array.from({ length: last }, (_, i) => {
    const col = i + 1;
    if (col === 1) return { min: 3, max: 3, hidden: true };
    if (col === RUBRIC_COLS.id) return { min: 9, max: 10 };
    if (col === RUBRIC_COLS.title) return { min: 30, max: 46 };
    if (col === RUBRIC_COLS.type) return { min: 12, max: 12 };
    if (col === plan.sourceCol) return { min: 14, max: 30 };
    if (col === plan.noteCol) return { min: 20, max: 40 };
    return { min: 9, max: 12 };
  });
  const columns = fitColumns(cells, limits, (c) => c.row < plan.headerRow || plan.headings.some((h) => h.row === c.row));
  // Too wide for one page at a legible size: it prints over pages across, 编号 and 指标名称
  // repeated on each, and the notices are merged only across the first page's columns.
  const scale = printScale(columns);
  const pageLast = Math.max(RUBRIC_COLS.type, Math.min(last, firstPageColumns(columns, scale)));
  const spanWidth = columns.slice(1, pageLast).reduce((s, c) => s + c.width, 0);
  const itemHeights = plan.rows
    .map((r) => ({ row: r.row, height: wrappedHeight(r.item.title, columns[RUBRIC_COLS.title - 1].width) }))
    .filter((h) => h.height > LINE_HEIGHT);

  return {
    name: plan.sheet,
    columns,
    rowHeights: [
      { row: NOTICE_ROW, height: wrappedHeight(rubric.notice, spanWidth * 0.9, 16) },
      { row: HELP_ROW, height: wrappedHeight(String(cells.find((c) => c.row === HELP_ROW)?.value ?? ''), spanWidth * 0.9) },
      ...itemHeights,
    ],
    cells,
    merges: [
      range(TITLE_ROW, 2, TITLE_ROW, pageLast),
      range(NOTICE_ROW, 2, NOTICE_ROW, pageLast),
      range(PASS_ROW, 2, PASS_ROW, 3),
      range(PASS_ROW, RUBRIC_COLS.type, PASS_ROW, pageLast),
      range(HELP_ROW, 2, HELP_ROW, pageLast),
      ...plan.headings.map((h) => range(h.row, 2, h.row, pageLast)),
    ],
    freeze: { row: plan.headerRow, col: RUBRIC_COLS.title },
    dataValidations: plan.rows.length
      ? [
          {
            range: range(first, RUBRIC_COLS.type, lastItem, RUBRIC_COLS.type),
            options: [RULE_LABELS.per, RULE_LABELS.full, RULE_LABELS.steps],
            prompt: '选择计分方式',
          },
        ]
      : [],
    conditionalFormats: [],
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      scale,
      titleRows: `${plan.headerRow}:${plan.headerRow}`,
      ...(pageLast < last ? { titleColumns: `${columnLetter(RUBRIC_COLS.id)}:${columnLetter(RUBRIC_COLS.title)}` } : {}),
    },
    tabColor: COLORS.tab,
  };
}

/** The title, the rubric's notice, the pass score and the help line above the table. */
function drawAbove(put: (cell: LayoutCell) => void, plan: RubricPlan, rubric: Rubric, category: string): void {
  put({ row: TITLE_ROW, col: 2, value: `评分细则（${category}）— ${rubric.name}`, bold: true, size: 14 });
  put({ row: NOTICE_ROW, col: 2, value: rubric.notice, bold: true, color: COLORS.noticeText, fill: COLORS.noticeFill, wrap: true, valign: 'top' });
  put({ row: PASS_ROW, col: 2, value: '合格分数线', bold: true, fill: COLORS.headerFill, border: true });
  put({
    row: PASS_ROW,
    col: plan.passScore.col,
    value: plan.passScore.value,
    ...INPUT,
    align: 'center',
  });
  put({ row: PASS_ROW, col: 1, value: rowMark('passScore', { value: [plan.passScore.col, plan.passScore.generated] }, [2, '合格分数线']) });
  put({
    row: PASS_ROW,
    col: RUBRIC_COLS.type,
    value: '门槛条件全部符合且总分不低于合格分数线为“合格”。黄色单元格可修改，评分表随之重算。',
    color: COLORS.muted,
  });
  put({
    row: HELP_ROW,
    col: 2,
    value:
      `规则类型：「${RULE_LABELS.per}」得分 = 核定值 × 每个计分，不超过封顶分；` +
      `「${RULE_LABELS.full}」核定值达到满分所需值得满分，不足按比例；` +
      `「${RULE_LABELS.steps}」取核定值达到的最高一档的得分（各档起点从小到大）。各项得分均不超过满分，保留两位小数。`,
    wrap: true,
    valign: 'top',
    color: COLORS.muted,
  });
}

/** One indicator's row: its editable points and rule (bold where the reviewer changed them), its source and note. */
function drawItem(put: (cell: LayoutCell) => void, plan: RubricPlan, r: RubricPlanRow, inputs: ReviewerInputs | undefined): void {
  const { item, values: v, generated: g } = r;
  const markFields: Record<string, [number, LayoutScalar]> = {
    max: [RUBRIC_COLS.max, g.max],
    type: [RUBRIC_COLS.type, g.type],
    per: [RUBRIC_COLS.per, g.per],
    cap: [RUBRIC_COLS.cap, g.cap],
    full: [RUBRIC_COLS.full, g.full],
  };
  g.steps.forEach((s, i) => {
    markFields[field(i, 'min')] = [plan.stepCols[i].min, s.min];
    markFields[field(i, 'points')] = [plan.stepCols[i].points, s.points];
  });
  put({ row: r.row, col: 1, value: rowMark(item.id, markFields, [RUBRIC_COLS.id, item.id]) });
  put({ row: r.row, col: RUBRIC_COLS.id, value: item.id, ...BODY, align: 'center' });
  put({ row: r.row, col: RUBRIC_COLS.title, value: item.title, ...BODY, wrap: true });
  const editable = (col: number, value: LayoutScalar, f: string) =>
    put({ row: r.row, col, value, ...INPUT, align: 'center', ...(edited(inputs, plan.sheet, item.id, f) ? { bold: true } : {}) });
  editable(RUBRIC_COLS.max, v.max, 'max');
  editable(RUBRIC_COLS.type, v.type, 'type');
  editable(RUBRIC_COLS.per, v.per, 'per');
  editable(RUBRIC_COLS.cap, v.cap, 'cap');
  editable(RUBRIC_COLS.full, v.full, 'full');
  v.steps.forEach((s, i) => {
    editable(plan.stepCols[i].min, s.min, field(i, 'min'));
    editable(plan.stepCols[i].points, s.points, field(i, 'points'));
  });
  put({
    row: r.row,
    col: plan.sourceCol,
    value: item.indicator === 'manual' ? '人工核定' : `自动计算：${INDICATOR_LABELS[item.indicator] ?? item.indicator}`,
    ...BODY,
    wrap: true,
  });
  put({ row: r.row, col: plan.unitCol, value: item.unit ?? null, ...BODY, align: 'center' });
  put({ row: r.row, col: plan.noteCol, value: item.note ?? null, ...BODY, wrap: true });
}
