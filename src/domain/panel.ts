/**
 * A panel of reviewers: several experts' copies of one platform's review workbook merged into one
 * 合议 (panel) view. Each indicator gets every expert's score, the mean and the spread, flagged when
 * the scores differ by more than a share of its 满分; each threshold gets every expert's conclusion,
 * flagged when they differ or when any is 不符合. The panel's total and verdict are decided by
 * {@link decideScoring}, the same decision as every 评分表.
 *
 * The copies come in already read (src/workbook/layout/reviewCopy.ts reads them from their sheets'
 * values and row marks); here they are checked to be of one platform and one rubric, and merged.
 */
import type { ThresholdStatus, Verdict } from './report';
import { round2, type LayoutScalar, type RubricRow } from './rubric';
import { decideScoring } from './scoring';

/** The default gap: scores further apart than 20% of the indicator's 满分 are flagged. */
export const DEFAULT_GAP = 0.2;

/** Conclusion words as the 评分表 writes them. */
const PASS = '符合';
const FAIL = '不符合';
const PENDING = '待核';

/** One 门槛条件 row of a copy's 评分表. */
export interface CopyThreshold {
  id: string;
  title: string;
  /** 核定值 */
  value: LayoutScalar;
  /** What counts: 评审结论 where given, else 结论 (recomputed from 核定值 where it is a formula). */
  conclusion: string | null;
  /** Whether the conclusion is the reviewer's 评审结论. */
  overridden: boolean;
  comment: string | null;
}

/** One 评分指标 row of a copy's 评分表. */
export interface CopyIndicator {
  id: string;
  title: string;
  /** 满分, from the copy's 评分细则. */
  max: number | null;
  /** 核定值 */
  value: LayoutScalar;
  /** 得分: as the copy's formula computes it from 核定值 and 评分细则, or the number the reviewer typed over it. */
  points: number | null;
  /** The reviewer typed 得分 over the formula. */
  typed: boolean;
  comment: string | null;
}

/** A 问题清单 or 抽查样本 row of a copy, by its key. */
export interface CopyEntry {
  key: string;
  /** What the row is about, for the panel: 检查项 · 位置 · 说明, or the enterprise. */
  label: string;
  /** The reviewer's fields: 处理意见/备注, or 合同核验/发票核验/备注. */
  fields: Record<string, string | null>;
}

/** One expert's copy of a review workbook, as read from its sheets. */
export interface ReviewCopy {
  /** File name the copy came from. */
  file: string;
  /** 评审专家 as filled in on the 评分表, if any. */
  reviewer: string | null;
  platform: string | null;
  category: string | null;
  year: string | null;
  /** Where these are, for messages: sheet and cell (e.g. 「评分表」C4). */
  at: { platform: string; category: string; year: string };
  rubric: {
    /** The document property 评分细则, if the workbook has one. */
    name: string | null;
    /** The document property 评分细则为正式细则. */
    official: boolean | null;
    passScore: LayoutScalar;
    passScoreAt: string;
    /** Each indicator's row on 评分细则 as the copy holds it, with each field's cell for messages. */
    rows: { values: RubricRow; at: Record<string, string> }[];
  };
  thresholds: CopyThreshold[];
  indicators: CopyIndicator[];
  findings: CopyEntry[];
  samples: CopyEntry[];
}

/** A panel that cannot be formed; `message` is Chinese and names the files (and cells). */
export class PanelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PanelError';
  }
}

export interface PanelThreshold {
  id: string;
  title: string;
  /** Each expert's conclusion, in expert order (null: none given). */
  conclusions: (string | null)[];
  overridden: boolean[];
  /** The panel's: the experts' common conclusion, else 待核 until the panel settles it. */
  status: ThresholdStatus;
  /** The experts' conclusions differ. */
  conflict: boolean;
  /** At least one expert concluded 不符合. */
  anyFail: boolean;
}

export interface PanelIndicator {
  id: string;
  title: string;
  max: number | null;
  points: (number | null)[];
  typed: boolean[];
  /** Each expert's 核定值. */
  values: LayoutScalar[];
  /** Mean of the experts who scored it (two decimals); null when none did. */
  mean: number | null;
  /** Highest less lowest score; null when fewer than two scored. */
  spread: number | null;
  /** The spread is more than the gap × 满分. */
  flagged: boolean;
  /** Some experts scored it and some did not. */
  missing: boolean;
}

export interface PanelComments {
  id: string;
  title: string;
  comments: (string | null)[];
}

export interface PanelEntry {
  key: string;
  label: string;
  /** Per field, each expert's entry. */
  fields: Record<string, (string | null)[]>;
  /** The experts who entered something entered different things. */
  conflict: boolean;
}

export interface ExpertResult {
  name: string;
  file: string;
  total: number;
  verdict: Verdict;
}

export interface Panel {
  experts: ExpertResult[];
  platform: string | null;
  category: string | null;
  year: string | null;
  rubric: { name: string | null; official: boolean | null };
  passScore: number;
  gap: number;
  thresholds: PanelThreshold[];
  indicators: PanelIndicator[];
  /** Threshold and indicator rows with at least one comment, thresholds first. */
  comments: PanelComments[];
  /** 问题清单 rows with at least one 处理意见 or 备注. */
  findings: PanelEntry[];
  /** 抽查样本 rows with at least one 核验 or 备注. */
  samples: PanelEntry[];
  total: number;
  maxTotal: number;
  verdict: Verdict;
  rewardEligible: boolean;
  consequence: string;
  /** Thresholds in conflict or with a 不符合, and flagged indicators: what the panel must discuss. */
  toDiscuss: number;
}

const norm = (s: string | null) => (s === null ? '' : s.normalize('NFKC').replace(/\s+/g, ''));

/** A conclusion as the domain's status: 符合, 不符合, anything else (待核, blank, other words) open. */
export function statusOfConclusion(word: string | null): ThresholdStatus {
  const w = norm(word);
  return w === PASS ? 'pass' : w === FAIL ? 'fail' : 'manual';
}

const blank = (v: LayoutScalar) => v === null || (typeof v === 'string' && v.trim() === '');
const show = (v: LayoutScalar) => (blank(v) ? '（空白）' : `「${String(v)}」`);

/** Expert names: 评审专家 where filled in, else the file name without its extension; made unique. */
export function expertNames(copies: readonly Pick<ReviewCopy, 'file' | 'reviewer'>[]): string[] {
  const base = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.xlsx?m?$/i, '');
  const names = copies.map((c) => (c.reviewer && c.reviewer.trim() ? c.reviewer.trim() : base(c.file)));
  return names.map((n, i) => (names.filter((m) => m === n).length > 1 ? `${n}（${base(copies[i].file)}）` : n));
}

/**
 * Refuse copies that cannot be merged: fewer than two, of different platforms, categories or years,
 * or scored under different rubrics (the 评分细则 property, or any 满分, rule, step or the pass
 * score as the copies' 评分细则 sheets hold them).
 *
 * @throws PanelError naming the two files and the cell that differs
 */
export function checkCopies(copies: readonly ReviewCopy[]): void {
  if (copies.length < 2) throw new PanelError(`合并评审至少需要两位专家的审核工作簿，只给出了 ${copies.length} 个`);
  const [first, ...rest] = copies;
  for (const c of rest) {
    const pair = `「${c.file}」与「${first.file}」`;
    for (const [what, key] of [
      ['平台名称', 'platform'],
      ['服务类别', 'category'],
      ['审核年度', 'year'],
    ] as const) {
      if (norm(c[key]) !== norm(first[key])) {
        const noun = key === 'platform' ? '不是同一平台的审核工作簿' : `的${what}不同`;
        throw new PanelError(`${pair}${noun}，不能合并：「${c.file}」${c.at[key]} ${what}为${show(c[key])}，「${first.file}」${first.at[key]} 为${show(first[key])}`);
      }
    }
    if ((c.rubric.name ?? '') !== (first.rubric.name ?? '') || (c.rubric.official ?? null) !== (first.rubric.official ?? null)) {
      const name = (x: ReviewCopy) => `${x.rubric.name ? `「${x.rubric.name}」` : '（未记录）'}${x.rubric.official === false ? '（示例细则）' : ''}`;
      throw new PanelError(`${pair}的评分细则版本不同，不能合并：「${c.file}」为${name(c)}，「${first.file}」为${name(first)}（文档属性“评分细则”）`);
    }
    if (!sameScalar(c.rubric.passScore, first.rubric.passScore)) {
      throw new PanelError(
        `${pair}的评分细则不同，不能合并：「${c.file}」${c.rubric.passScoreAt} 合格分数线为${show(c.rubric.passScore)}，「${first.file}」${first.rubric.passScoreAt} 为${show(first.rubric.passScore)}`,
      );
    }
    const theirs = new Map(first.rubric.rows.map((r) => [r.values.id, r]));
    const ids = (x: ReviewCopy) => x.rubric.rows.map((r) => r.values.id).join('、');
    if (ids(c) !== ids(first)) throw new PanelError(`${pair}的评分细则指标不同，不能合并：「${c.file}」为 ${ids(c)}，「${first.file}」为 ${ids(first)}`);
    for (const row of c.rubric.rows) {
      const other = theirs.get(row.values.id)!;
      const diff = rubricDifference(row.values, other.values);
      if (diff) {
        throw new PanelError(
          `${pair}的评分细则不同，不能合并：指标 ${row.values.id} 的${diff.label}，「${c.file}」${row.at[diff.field] ?? '「评分细则」'} 为${show(diff.mine)}，「${first.file}」${other.at[diff.field] ?? '「评分细则」'} 为${show(diff.theirs)}`,
        );
      }
    }
  }
}

function sameScalar(a: LayoutScalar, b: LayoutScalar): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return String(a).trim() === String(b).trim();
}

const RUBRIC_FIELDS: [keyof Omit<RubricRow, 'id' | 'steps'>, string][] = [
  ['max', '满分'],
  ['type', '规则类型'],
  ['per', '每个计分'],
  ['cap', '封顶分'],
  ['full', '满分所需值'],
];

function rubricDifference(a: RubricRow, b: RubricRow): { field: string; label: string; mine: LayoutScalar; theirs: LayoutScalar } | null {
  for (const [f, label] of RUBRIC_FIELDS) if (!sameScalar(a[f], b[f])) return { field: f, label, mine: a[f], theirs: b[f] };
  const n = Math.max(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    for (const part of ['min', 'points'] as const) {
      const x = a.steps[i]?.[part] ?? null;
      const y = b.steps[i]?.[part] ?? null;
      if (!sameScalar(x, y)) return { field: `${part}${i + 1}`, label: `第 ${i + 1} 档${part === 'min' ? '起点' : '得分'}`, mine: x, theirs: y };
    }
  }
  return null;
}

/**
 * Merge the experts' copies.
 *
 * @param gap the share of an indicator's 满分 by which scores may differ before it is flagged (0.2 = 20%)
 * @throws PanelError when the copies cannot be merged (see {@link checkCopies})
 * @example
 * mergePanel([a, b, c]).indicators[0] // { id: '1', points: [4, 5, 2], mean: 3.67, spread: 3, flagged: true, … }
 */
export function mergePanel(copies: readonly ReviewCopy[], gap = DEFAULT_GAP): Panel {
  if (!(gap >= 0 && gap <= 1)) throw new PanelError(`分差阈值应在 0 到 1 之间（满分的比例，如 0.2 表示 20%），收到 ${gap}`);
  checkCopies(copies);
  const names = expertNames(copies);
  const first = copies[0];

  const thresholds = first.thresholds.map((t): PanelThreshold => {
    const rows = copies.map((c) => c.thresholds.find((x) => x.id === t.id));
    const conclusions = rows.map((r) => (r && !blank(r.conclusion) ? (r.conclusion as string).trim() : null));
    const statuses = conclusions.map(statusOfConclusion);
    const words = new Set(conclusions.map((w) => norm(w) || PENDING));
    const conflict = words.size > 1;
    return {
      id: t.id,
      title: t.title,
      conclusions,
      overridden: rows.map((r) => r?.overridden ?? false),
      status: conflict ? 'manual' : statuses[0],
      conflict,
      anyFail: statuses.includes('fail'),
    };
  });

  const indicators = first.indicators.map((ind): PanelIndicator => {
    const rows = copies.map((c) => c.indicators.find((x) => x.id === ind.id));
    const points = rows.map((r) => r?.points ?? null);
    const scored = points.filter((p): p is number => p !== null);
    const mean = scored.length ? round2(scored.reduce((s, p) => s + p, 0) / scored.length) : null;
    const spread = scored.length >= 2 ? round2(Math.max(...scored) - Math.min(...scored)) : null;
    const max = ind.max;
    const limit = max === null ? null : round2(gap * max);
    return {
      id: ind.id,
      title: ind.title,
      max,
      points,
      typed: rows.map((r) => r?.typed ?? false),
      values: rows.map((r) => r?.value ?? null),
      mean,
      spread,
      flagged: spread !== null && limit !== null && spread > limit + 1e-9,
      missing: scored.length > 0 && scored.length < points.length,
    };
  });

  const comments: PanelComments[] = [...first.thresholds, ...first.indicators]
    .map((row) => {
      const isThreshold = first.thresholds.includes(row as CopyThreshold);
      const list = copies.map((c) => {
        const rows: (CopyThreshold | CopyIndicator)[] = isThreshold ? c.thresholds : c.indicators;
        const v = rows.find((x) => x.id === row.id)?.comment ?? null;
        return v && v.trim() ? v.trim() : null;
      });
      return { id: row.id, title: row.title, comments: list };
    })
    .filter((r) => r.comments.some((c) => c !== null));

  const passScore = typeof first.rubric.passScore === 'number' ? first.rubric.passScore : Number.NaN;
  const experts = copies.map((c, i): ExpertResult => {
    const own = decideScoring(
      c.thresholds.map((t) => statusOfConclusion(t.conclusion)),
      c.indicators.map((x) => x.points),
      passScore,
    );
    return { name: names[i], file: c.file, total: own.total, verdict: own.verdict };
  });
  // The panel's total and verdict: the same decision as each 评分表, from the panel's conclusions and mean scores.
  const decided = decideScoring(
    thresholds.map((t) => t.status),
    indicators.map((i) => i.mean),
    passScore,
  );
  const maxTotal = round2(indicators.reduce((s, i) => s + (i.max ?? 0), 0));
  return {
    experts,
    platform: first.platform,
    category: first.category,
    year: first.year,
    rubric: { name: first.rubric.name, official: first.rubric.official },
    passScore,
    gap,
    thresholds,
    indicators,
    comments,
    findings: mergeEntries(copies.map((c) => c.findings)),
    samples: mergeEntries(copies.map((c) => c.samples)),
    maxTotal,
    ...decided,
    toDiscuss: thresholds.filter((t) => t.conflict || t.anyFail).length + indicators.filter((i) => i.flagged).length,
  };
}

/** Rows by key across the copies, in the first appearance's order, where anyone entered anything. */
function mergeEntries(lists: readonly CopyEntry[][]): PanelEntry[] {
  const order: string[] = [];
  const labels = new Map<string, string>();
  for (const list of lists) {
    for (const e of list) {
      if (!labels.has(e.key)) {
        order.push(e.key);
        labels.set(e.key, e.label);
      }
    }
  }
  const out: PanelEntry[] = [];
  for (const key of order) {
    const rows = lists.map((l) => l.find((e) => e.key === key));
    const fieldNames = [...new Set(rows.flatMap((r) => (r ? Object.keys(r.fields) : [])))];
    const fields: Record<string, (string | null)[]> = {};
    for (const f of fieldNames) fields[f] = rows.map((r) => (r?.fields[f] && r.fields[f]!.trim() ? r.fields[f]!.trim() : null));
    const entered = rows.map((r, i) => (fieldNames.some((f) => fields[f][i] !== null) ? fieldNames.map((f) => norm(fields[f][i])).join('|') : null));
    const given = entered.filter((e): e is string => e !== null);
    if (given.length === 0) continue;
    // 备注 are free text: only the decisions (the first fields) count for a conflict.
    const decisions = rows.map((_, i) => (fieldNames.some((f) => fields[f][i] !== null) ? fieldNames.filter((f) => f !== 'remark' && f !== 'note').map((f) => norm(fields[f][i])).join('|') : null));
    const conflict = new Set(decisions.filter((d): d is string => d !== null)).size > 1;
    out.push({ key, label: labels.get(key)!, fields, conflict });
  }
  return out;
}
