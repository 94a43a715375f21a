/**
 * 划型测算's state: the industry, the figures as typed (each checked: a number, not negative),
 * which figures the industry's rule uses, and the answer of the domain's classify.
 */
import { useState } from 'react';
import { FIGURE_LABELS, INDUSTRIES, SIZE_LIMITS, classify, type ClassifyResult, type Figure, type IndustryName } from '../../domain/sizeClass';
import { strings } from '../strings';

export const FIGURES: Figure[] = ['employees', 'revenue', 'assets'];

/** The figures an industry's rule in the 300号 standard looks at, in the form's order. */
export function figuresUsed(industry: IndustryName): Figure[] {
  const { ceiling, medium, small } = SIZE_LIMITS[industry];
  const used = new Set([...ceiling, ...medium, ...small].map((l) => l.figure));
  return FIGURES.filter((f) => used.has(f));
}

/** The industries whose rule uses 资产总额 (建筑业, 房地产开发经营, 租赁和商务服务业). */
export const ASSET_INDUSTRIES: IndustryName[] = INDUSTRIES.filter((i) => figuresUsed(i).includes('assets'));

/** A typed figure: its number, or the Chinese reason it is not one; empty is neither. */
export function parseFigure(text: string): { value?: number; error?: string } {
  const t = text.trim().replace(/[,，]/g, '');
  if (t === '') return {};
  const n = Number(t);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) || !Number.isFinite(n)) return { error: strings.figureNotNumber };
  if (n < 0) return { error: strings.figureNegative };
  return { value: n };
}

export function useSizeClass() {
  const [industry, setIndustry] = useState<IndustryName | ''>('');
  const [texts, setTexts] = useState<Record<Figure, string>>({ employees: '', revenue: '', assets: '' });
  const parsed = Object.fromEntries(FIGURES.map((f) => [f, parseFigure(texts[f])])) as Record<Figure, { value?: number; error?: string }>;
  const invalid = FIGURES.some((f) => parsed[f].error);
  const given = FIGURES.some((f) => parsed[f].value !== undefined);
  const answer: ClassifyResult | null = industry && given && !invalid ? classify(industry, { employees: parsed.employees.value, revenue: parsed.revenue.value, assets: parsed.assets.value }) : null;
  const used = industry ? figuresUsed(industry) : null;
  return {
    industry,
    setIndustry,
    texts,
    setText: (figure: Figure, text: string) => setTexts((was) => ({ ...was, [figure]: text })),
    errors: Object.fromEntries(FIGURES.map((f) => [f, parsed[f].error])) as Record<Figure, string | undefined>,
    /** The figures the chosen industry's rule uses; null before an industry is chosen. */
    used,
    /** What the chosen industry is classified by: 「本行业按从业人员和营业收入划型。」 */
    usedText: used ? strings.industryUses(used.map((f) => FIGURE_LABELS[f].name).join('和')) : null,
    answer,
  };
}
