/**
 * 附表4-2-1-3 企业划型 as declared: one of 大型、中型、小型、微型 (docs/reference.md §2).
 * "小型企业" is the same word with a suffix; "小微" and "中小型" name no single class.
 */
import { rememberText } from './memo';
export type SizeClass = '大型' | '中型' | '小型' | '微型';

export const SIZE_CLASSES: readonly SizeClass[] = ['大型', '中型', '小型', '微型'];

/**
 * The declared class in a cell, or null when it is blank or names no single class.
 *
 * @example
 * declaredSizeClass('小型企业') // '小型'
 * declaredSizeClass('小微') // null
 */
export function declaredSizeClass(text: string): SizeClass | null {
  // A column holds a handful of distinct words, read once for every order row.
  return rememberedClass(text);
}

const rememberedClass = rememberText((text): SizeClass | null => {
  const t = text.normalize('NFKC').replace(/\s+/g, '').replace(/(企业|公司)$/, '');
  return (SIZE_CLASSES as readonly string[]).includes(t) ? (t as SizeClass) : null;
}, 1000);

/** 中型, 小型 and 微型 are SMEs; 大型 is not. */
export function isSme(size: SizeClass | null): boolean {
  return size === '中型' || size === '小型' || size === '微型';
}
