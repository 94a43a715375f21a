/**
 * 合议表: the panel's sheet, drawn from a merged {@link Panel} (src/domain/panel.ts decides every
 * number, flag and the verdict; this only draws them). One column per expert, side by side:
 * thresholds with each expert's conclusion, indicators with each expert's score, the mean and the
 * spread, then the comments, the 问题清单 处理意见 and the 抽查样本 核验 the experts entered.
 * Everything is a value (no formulas): the sheet records what the experts' copies held when merged.
 */
import { CONSEQUENCES } from '../../domain/scoring';
import type { Panel, PanelEntry } from '../../domain/panel';
import { BODY, COLORS, HEADER, asText, fitColumns, printA4Landscape, range, wrappedRowHeights } from './text';
import type { LayoutCell, LayoutStyle, SheetLayout } from './types';

/** The panel sheet's name. */
export const PANEL_SHEET = '合议表';

/** Written in the hidden A1 of every 合议表, so the task pane knows a 合议表 of its own when it writes again. */
export const PANEL_MARK = '示范平台审核助手·合议表';

/** Words the 合议表 uses for the panel's threshold conclusion. */
const STATUS_WORDS = { pass: '符合', fail: '不符合', manual: '待核' } as const;

const FIELD_LABELS: Record<string, string> = { disposition: '', remark: '备注', contract: '合同', invoice: '发票', note: '备注' };

function conclusionStyle(word: string | null): LayoutStyle {
  if (word === '符合' || word === '合格') return { fill: COLORS.okFill, color: COLORS.okText };
  if (word === '不符合' || word === '不合格') return { fill: COLORS.badFill, color: COLORS.badText, bold: true };
  return { fill: COLORS.pendingFill, color: COLORS.pendingText };
}

const FLAG: LayoutStyle = { fill: COLORS.badFill, color: COLORS.badText, bold: true };

/** An entry's fields in one cell: 「属实；备注：已核对合同」, 「合同：已核验；发票：不符」. */
function entryText(entry: PanelEntry, i: number): string | null {
  const parts: string[] = [];
  for (const [field, values] of Object.entries(entry.fields)) {
    const v = values[i];
    if (v === null) continue;
    const label = FIELD_LABELS[field] ?? field;
    parts.push(label ? `${label}：${v}` : v);
  }
  return parts.length ? parts.join('；') : null;
}

const percent = (gap: number) => `${Math.round(gap * 1000) / 10}%`;
const points = (n: number) => n.toFixed(2);

/**
 * The 合议表 sheet.
 *
 * @example
 * const sheet = layoutPanelSheet(mergePanel(copies));
 */
export function layoutPanelSheet(panel: Panel): SheetLayout {
  const n = panel.experts.length;
  const C = { mark: 1, id: 2, title: 3, max: 4, firstExpert: 5, mean: 5 + n, spread: 6 + n, flag: 7 + n };
  const last = C.flag;
  const expertCol = (i: number) => C.firstExpert + i;
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  const filled = new Set<string>();
  const put = (c: LayoutCell) => {
    cells.push(c);
    filled.add(`${c.row}:${c.col}`);
  };
  const text = (row: number, col: number, value: string | null, style: LayoutStyle = BODY) => put({ row, col, ...asText(value), ...style });
  /** Border the empty cells of a table row, so the row prints as one. */
  const frame = (row: number, from: number, to: number) => {
    for (let c = from; c <= to; c++) if (!filled.has(`${row}:${c}`)) put({ row, col: c, value: null, ...BODY });
  };
  const platformName = panel.platform ?? '（未指定平台名称）';

  put({ row: 1, col: C.mark, value: PANEL_MARK });
  put({ row: 1, col: C.id, ...asText(`${platformName} ${panel.year ?? ''} 年度绩效评价合议表`), bold: true, size: 14 });
  merges.push(range(1, C.id, 1, last));
  put({
    row: 2,
    col: C.id,
    value: `由 ${n} 位评审专家各自填写的审核工作簿合并而成。得分为各专家评分表中的得分（按其核定值和评分细则计算，或专家手工填写的得分）；分差超过该项满分的 ${percent(panel.gap)}、门槛条件结论不一致或有专家判“不符合”的，标为“需合议”。合议总分为各项平均分之和，合议结论按与评分表相同的规则判定：结论不一致的门槛条件在合议确定前按“待核”计。`,
    color: COLORS.muted,
    wrap: true,
  });
  merges.push(range(2, C.id, 2, last));

  // Header block.
  let row = 4;
  const verdictLine = `${panel.verdict}（${panel.consequence}）`;
  const rubricLine = `${panel.rubric.name ?? '（未记录）'}${panel.rubric.official === false ? '（示例，非正式细则）' : ''}；合格分数线 ${panel.passScore}`;
  const meta: [string, string, LayoutStyle?][] = [
    ['平台名称', platformName],
    ['服务类别', panel.category ?? ''],
    ['审核年度', panel.year ?? ''],
    ['评分细则', rubricLine, panel.rubric.official === false ? { color: COLORS.noticeText } : undefined],
    ['评审专家', panel.experts.map((e) => (e.name === e.file.replace(/\.xlsx?m?$/i, '') ? e.name : `${e.name}（${e.file}）`)).join('、')],
    ['分差阈值', `满分的 ${percent(panel.gap)}`],
    ['合议总分', `${points(panel.total)}（满分 ${panel.maxTotal}）`, { bold: true }],
    ['合议结论', verdictLine, { bold: true, ...conclusionStyle(panel.verdict) }],
    ['需合议事项', panel.toDiscuss ? `${panel.toDiscuss} 项（见下表“需合议”一列）` : '无', panel.toDiscuss ? FLAG : undefined],
  ];
  const META_FIRST = row;
  for (const [label, value, style] of meta) {
    put({ row, col: C.id, value: label, bold: true, fill: COLORS.headerFill, border: true });
    put({ row, col: C.title, ...asText(value), border: true, ...(style ?? {}) });
    merges.push(range(row, C.title, row, last));
    row++;
  }
  const META_LAST = row - 1;

  const sectionRows: number[] = [];
  /** Rows whose 名称 cell spans 名称 and 满分 (its wrapped height is estimated over both). */
  const wideTitleRows = new Set<number>();
  const section = (title: string) => {
    row++;
    sectionRows.push(row);
    put({ row, col: C.id, value: title, bold: true, fill: COLORS.sectionFill, border: true });
    merges.push(range(row, C.id, row, last));
    row++;
  };
  const headers = (labels: (string | null)[]) => {
    labels.forEach((h, i) => put({ row, col: C.id + i, value: h, ...HEADER }));
    row++;
  };
  const expertHeaders = panel.experts.map((e) => e.name);

  // 一、门槛条件.
  section('一、门槛条件（各专家的结论；不一致或有“不符合”的需合议）');
  headers(['编号', '门槛条件', null, ...expertHeaders, '合议结论', null, '需合议']);
  merges.push(range(row - 1, C.title, row - 1, C.max));
  for (const t of panel.thresholds) {
    text(row, C.id, t.id, { ...BODY, align: 'center' });
    text(row, C.title, t.title, { ...BODY, wrap: true });
    merges.push(range(row, C.title, row, C.max));
    wideTitleRows.add(row);
    t.conclusions.forEach((w, i) => text(row, expertCol(i), w === null ? '（未填）' : t.overridden[i] ? `${w}（改判）` : w, { ...BODY, align: 'center', ...conclusionStyle(w) }));
    const word = t.conflict ? '待合议' : STATUS_WORDS[t.status];
    text(row, C.mean, word, { ...BODY, align: 'center', ...conclusionStyle(t.conflict ? null : word) });
    const flags = [t.conflict ? '结论不一致，需专家组合议' : null, t.anyFail ? '有专家判“不符合”' : null].filter(Boolean).join('；');
    text(row, C.flag, flags || null, flags ? { ...BODY, ...FLAG, wrap: true } : BODY);
    frame(row, C.id, last);
    row++;
  }

  // 二、评分指标.
  const I_SECTION = row + 1;
  section(`二、评分指标（各专家的得分、平均分和分差；分差超过满分的 ${percent(panel.gap)} 的需合议）`);
  headers(['编号', '评分指标', '满分', ...expertHeaders, '平均分', '分差', '需合议']);
  for (const ind of panel.indicators) {
    text(row, C.id, ind.id, { ...BODY, align: 'center' });
    text(row, C.title, ind.title, { ...BODY, wrap: true });
    put({ row, col: C.max, value: ind.max, ...BODY, align: 'center' });
    ind.points.forEach((p, i) =>
      p === null ? text(row, expertCol(i), '未评分', { ...BODY, align: 'center', color: COLORS.muted }) : put({ row, col: expertCol(i), value: p, ...BODY, numFmt: '0.00', align: 'center', ...(ind.flagged ? { fill: COLORS.pendingFill } : {}) }),
    );
    put({ row, col: C.mean, value: ind.mean, ...BODY, numFmt: '0.00', align: 'center', bold: true });
    put({ row, col: C.spread, value: ind.spread, ...BODY, numFmt: '0.00', align: 'center', ...(ind.flagged ? FLAG : {}) });
    const notes: string[] = [];
    if (ind.flagged && ind.spread !== null && ind.max !== null) notes.push(`分差 ${points(ind.spread)} 分，超过满分的 ${percent(panel.gap)}（${points(Math.round(panel.gap * ind.max * 100) / 100)} 分），需合议`);
    if (ind.missing) notes.push('有专家未评分，平均分只计已评分的专家');
    const typed = panel.experts.filter((_, i) => ind.typed[i]).map((e) => e.name);
    if (typed.length) notes.push(`${typed.join('、')} 的得分为手工填写`);
    const values = ind.values.map((v) => (v === null || v === '' ? '空白' : String(v)));
    if (new Set(values).size > 1) notes.push(`核定值：${panel.experts.map((e, i) => `${e.name} ${values[i]}`).join('，')}`);
    text(row, C.flag, notes.join('；') || null, { ...BODY, wrap: true, ...(ind.flagged ? { color: COLORS.badText, bold: true } : {}) });
    row++;
  }
  const I_LAST = row - 1;
  put({ row, col: C.title, value: '合计', bold: true, border: true, align: 'right' });
  put({ row, col: C.max, value: panel.maxTotal, bold: true, border: true, align: 'center' });
  panel.experts.forEach((e, i) => put({ row, col: expertCol(i), value: e.total, bold: true, border: true, numFmt: '0.00', align: 'center' }));
  put({ row, col: C.mean, value: panel.total, bold: true, border: true, numFmt: '0.00', align: 'center' });
  text(row, C.flag, '合议总分 = 各项平均分之和', { color: COLORS.muted });
  row++;
  put({ row, col: C.title, value: '评价结论', bold: true, border: true, align: 'right' });
  panel.experts.forEach((e, i) => text(row, expertCol(i), e.verdict, { bold: true, border: true, align: 'center', ...conclusionStyle(e.verdict) }));
  text(row, C.mean, panel.verdict, { bold: true, border: true, align: 'center', ...conclusionStyle(panel.verdict) });
  const why = panel.verdict === '待定' && panel.consequence === CONSEQUENCES.pending ? '门槛条件尚有“待核”或结论不一致，合议确定后方可定论' : panel.consequence;
  text(row, C.flag, why, { wrap: true, bold: true });
  row++;

  // 三、评审意见.
  section('三、评审意见（各专家在评分表中填写的评审意见）');
  headers(['编号', '门槛条件 / 评分指标', null, ...expertHeaders, null, null, null]);
  merges.push(range(row - 1, C.title, row - 1, C.max));
  if (panel.comments.length === 0) {
    text(row, C.title, '各位专家均未填写评审意见', { color: COLORS.muted });
    row++;
  }
  for (const c of panel.comments) {
    text(row, C.id, c.id, { ...BODY, align: 'center' });
    text(row, C.title, c.title, { ...BODY, wrap: true });
    merges.push(range(row, C.title, row, C.max));
    wideTitleRows.add(row);
    c.comments.forEach((v, i) => text(row, expertCol(i), v, { ...BODY, wrap: true }));
    frame(row, C.id, last);
    row++;
  }

  const entries = (title: string, head: string, list: PanelEntry[], none: string, conflictText: string) => {
    section(title);
    headers(['序号', head, null, ...expertHeaders, null, null, '需合议']);
    merges.push(range(row - 1, C.title, row - 1, C.max));
    if (list.length === 0) {
      text(row, C.title, none, { color: COLORS.muted });
      row++;
    }
    list.forEach((e, k) => {
      put({ row, col: C.id, value: k + 1, ...BODY, align: 'center' });
      text(row, C.title, e.label, { ...BODY, wrap: true });
      merges.push(range(row, C.title, row, C.max));
      wideTitleRows.add(row);
      panel.experts.forEach((_, i) => text(row, expertCol(i), entryText(e, i), { ...BODY, wrap: true }));
      text(row, C.flag, e.conflict ? conflictText : null, e.conflict ? { ...BODY, ...FLAG, wrap: true } : BODY);
      frame(row, C.id, last);
      row++;
    });
  };
  entries('四、问题清单处理意见（至少一位专家填写了处理意见或备注的问题）', '问题（检查项 · 位置 · 说明）', panel.findings, '各位专家均未填写处理意见', '处理意见不一致');
  entries('五、抽查样本核验（至少一位专家填写了核验结果或备注的样本）', '样本（排名 企业名称）', panel.samples, '各位专家均未填写核验结果', '核验结果不一致');

  // Signatures.
  row++;
  const LINE = '＿'.repeat(10);
  put({ row, col: C.title, value: `专家组组长（签字）：${LINE}`, bold: true, valign: 'bottom' });
  put({ row, col: C.firstExpert, value: `日期：${LINE}`, bold: true, valign: 'bottom' });
  const SIGN_ROW = row;

  const columns = fitColumns(
    cells,
    [
      { min: 3, max: 3, hidden: true },
      { min: 8, max: 10 },
      { min: 26, max: 30 },
      { min: 6, max: 8 },
      ...panel.experts.map(() => ({ min: 11, max: 18 })),
      { min: 9, max: 10 },
      { min: 7, max: 8 },
      { min: 22, max: 30 },
    ],
    // Merged cells and the lines above the tables do not size columns.
    (c) => c.row <= 2 || (c.row >= META_FIRST && c.row <= META_LAST && c.col === C.title) || sectionRows.includes(c.row) || c.row === SIGN_ROW || (c.col === C.title && c.row > I_LAST),
  );
  // Wrapped text's row heights, a 名称 spanning two columns measured over both.
  const spanned = columns.map((c, i) => (i === C.title - 1 ? { ...c, width: c.width + columns[C.max - 1].width } : c));
  const rowHeights = [
    { row: 2, height: 48 },
    ...wrappedRowHeights(
      cells.filter((c) => !wideTitleRows.has(c.row)),
      columns,
      META_LAST + 1,
    ),
    ...wrappedRowHeights(
      cells.filter((c) => wideTitleRows.has(c.row)),
      spanned,
      META_LAST + 1,
    ),
    { row: SIGN_ROW, height: 36 },
  ].sort((a, b) => a.row - b.row);
  return {
    name: PANEL_SHEET,
    columns,
    rowHeights,
    cells,
    merges,
    freeze: { row: 0, col: 0 },
    dataValidations: [],
    conditionalFormats: [],
    // The indicators start a page of their own.
    print: printA4Landscape(columns, { breaksBefore: [I_SECTION], header: `${panel.year ?? ''} 年度绩效评价合议`, footer: `${platformName} · ${PANEL_SHEET}` }),
    tabColor: COLORS.tab,
  };
}

