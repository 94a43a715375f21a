/**
 * 附表4-2-1-8 企业资质: the six qualifications 指标7 recognises, read from the many ways they are written.
 */
import { withoutBracketed } from './linearText';
import type { Qualification } from './report';

export const QUALIFICATIONS: readonly Qualification[] = ['创新型中小企业', '专精特新', '国家小巨人', '隐形冠军', '单项冠军', '独角兽'];

/** Default tier order for counting an enterprise once (指标7: 同一企业多种资质不重复计分), highest first. */
export const DEFAULT_QUALIFICATION_ORDER: readonly Qualification[] = ['单项冠军', '国家小巨人', '隐形冠军', '独角兽', '专精特新', '创新型中小企业'];

/**
 * A phrase without what dates or places it: years (2024年, 2024年度), bracketed notes
 * (（2024年）, (第三批)), batches, the awarding level (北京市, 市级, 国家级, 工信部) and a trailing
 * 企业/中小企业/称号/认定/名单: 「2024年北京市专精特新中小企业（第二批）」 is 专精特新.
 */
function clean(text: string): string {
  const t = withoutBracketed(text.normalize('NFKC').replace(/[\s"'“”‘’「」『』《》]/g, ''), ['()', '[]'])
    .replace(/(19|20)\d{2}(年度|年)?/g, '')
    .replace(/第[一二三四五六七八九十\d]+批(次)?/g, '')
    .replace(/^(北京市|北京|市级|省级|国家级|国家|工信部|工业和信息化部|中关村)+/, '');
  return withoutTrailingWords(t);
}

/** Words a qualification may end with that name none: longest first (中小企业 before its 企业). */
const TRAILING_WORDS = ['中小企业', '企业', '称号', '认定', '名单', '资质'];

/**
 * `text` without the run of {@link TRAILING_WORDS} it ends with: exactly
 * `text.replace(/(中小企业|企业|称号|认定|名单|资质)+$/g, '')`, which is quadratic on a long run of
 * them followed by anything else (it starts over at every character). Taking the longest word
 * first is exact: 企业 taken alone from 中小企业 would leave 中小, and no word ends in 小.
 * (Exported for the test that checks it against that pattern.)
 */
export function withoutTrailingWords(text: string): string {
  let end = text.length;
  for (;;) {
    const word = TRAILING_WORDS.find((w) => text.endsWith(w, end));
    if (!word) return text.slice(0, end);
    end -= word.length;
  }
}

/** One qualification phrase → its canonical name, or null when it is none of the six. */
function canonical(phrase: string): Qualification | null {
  const t = clean(phrase);
  if (!t) return null;
  if (/小巨人/.test(t)) return '国家小巨人';
  if (/单项冠军/.test(t)) return '单项冠军';
  if (/隐形冠军/.test(t)) return '隐形冠军';
  if (/独角兽/.test(t)) return '独角兽';
  if (/专精特新/.test(t)) return '专精特新';
  if (/^创新型(中小|中小型)?$/.test(t)) return '创新型中小企业';
  return null;
}

/**
 * Read a 企业资质 cell: every qualification it names (a cell may list several), and the parts that name none.
 *
 * @example
 * readQualifications('专精特新、国家级专精特新“小巨人”') // { found: ['专精特新', '国家小巨人'], unrecognized: [] }
 * readQualifications('高新技术企业') // { found: [], unrecognized: ['高新技术企业'] }
 */
export function readQualifications(text: string): { found: Qualification[]; unrecognized: string[] } {
  const found: Qualification[] = [];
  const unrecognized: string[] = [];
  // Split on list separators, but not inside 专精特新“小巨人” (quotes are stripped before matching).
  for (const part of text.normalize('NFKC').split(/[、,，;；/|\n]+|和|及/)) {
    const p = part.trim();
    if (!p) continue;
    const q = canonical(p);
    if (q) {
      if (!found.includes(q)) found.push(q);
    } else unrecognized.push(p);
  }
  return { found, unrecognized };
}

/** The highest of several qualifications by the given order. */
export function highestQualification(found: readonly Qualification[], order: readonly string[] = DEFAULT_QUALIFICATION_ORDER): Qualification | null {
  let best: Qualification | null = null;
  for (const q of found) if (best === null || order.indexOf(q) < order.indexOf(best)) best = q;
  return best;
}
