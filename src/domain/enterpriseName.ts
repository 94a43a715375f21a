/**
 * Enterprise names as identity keys: the same enterprise typed twice with different widths,
 * spaces or brackets must compare equal, so duplicates in 附表4-2-1-2 can be found.
 */
import { LINE_TERMINATOR } from './linearText';
import { rememberText } from './memo';

/** White space of every kind plus invisible format and control characters (zero-width, BOM, soft hyphen…). */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}]+/gu;

/** Brackets that Chinese names use interchangeably with `()` (NFKC already folded `（）［］﹝﹞`). */
const OPENING = /[【〔〖[]/g;
const CLOSING = /[】〕〗\]]/g;

/**
 * Punctuation or symbols at either end are typing debris (a stray `。`, quotes, a list mark), never part
 * of a name; but a leading `(` or trailing `)` may belong to it (`某某公司(分公司)`), so those stay.
 */
const EDGE_DEBRIS_START = /^(?:(?!\()[\p{P}\p{S}])+/u;
const DEBRIS = /^[\p{P}\p{S}]$/u;

/**
 * Where the trailing debris of `s` starts (its length when there is none): exactly where
 * `/(?:(?!\))[\p{P}\p{S}])+$/u` would match, found walking back by code point. That pattern
 * retries from every character of a long run of punctuation that does not reach the end,
 * quadratic (7 s on one 32,767-character cell).
 * (Exported for the test that checks it against that pattern.)
 */
export function trailingDebrisStart(s: string): number {
  let i = s.length;
  while (i > 0) {
    // A surrogate pair is one code point, as the `u` pattern reads it.
    const width = i >= 2 && isLowSurrogate(s.charCodeAt(i - 1)) && isHighSurrogate(s.charCodeAt(i - 2)) ? 2 : 1;
    const ch = s.slice(i - width, i);
    if (ch === ')' || !DEBRIS.test(ch)) break;
    i -= width;
  }
  return i;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The identity key of an enterprise name: NFKC width folding, every kind of white space removed,
 * brackets unified to `()`, punctuation trimmed from the ends, Latin letters upper-cased.
 * Idempotent: `normalizeName(normalizeName(x)) === normalizeName(x)`.
 *
 * A leading `(` and a trailing `)` survive the end trim: `某某公司(分公司)` keeps its `)`.
 *
 * @example
 * normalizeName(' 北京某某（中国）有限公司。') // '北京某某(中国)有限公司'
 * normalizeName('北京ａｂｃ 科技\u3000有限公司') // '北京ABC科技有限公司'
 * normalizeName('某某【北京】科技有限公司') // '某某(北京)科技有限公司'
 */
export function normalizeName(name: string): string {
  // The same names recur across tables (orders, surveys, lists).
  return rememberedKey(name);
}

/**
 * Most names are plain ideographs, ASCII digits and capitals, and brackets: their key is the name
 * with `（）` read as `()`, which is what the full path below gives them, at a fraction of its cost.
 * (A leading `)` or a trailing `(` is debris the full path trims, so those take it.)
 */
const PLAIN_NAME = /^[\u4e00-\u9fff0-9A-Z(（][\u4e00-\u9fff0-9A-Z()（）]*$/;

function computeNameKey(name: string): string {
  if (PLAIN_NAME.test(name)) {
    const s = name.replace(/（/g, '(').replace(/）/g, ')');
    if (!s.endsWith('(')) return s;
  }
  return fullNameKey(name);
}

const rememberedKey = rememberText(computeNameKey, 200_000);

/** The key by the full rules (exported for the test that checks the plain-name shortcut against it). */
export function fullNameKey(name: string): string {
  let s = name.normalize('NFKC').replace(INVISIBLE, '');
  // Removing characters can bring a base letter next to a combining mark: compose again.
  s = s.normalize('NFKC');
  s = s.replace(OPENING, '(').replace(CLOSING, ')');
  s = s.replace(/\p{Script=Latin}+/gu, (latin) => latin.toUpperCase()).normalize('NFKC');
  return trimDebris(s);
}

/** Trim debris from both ends until nothing changes, so the key is a fixed point (idempotence). */
function trimDebris(input: string): string {
  let s = input;
  for (;;) {
    const start = s.replace(EDGE_DEBRIS_START, '');
    const next = start.slice(0, trailingDebrisStart(start));
    if (next === s) return s;
    s = next;
  }
}

/**
 * A looser key for possible-duplicate detection: {@link normalizeName}, then `有限责任公司` read as
 * `有限公司` (both are limited-liability companies and get mixed up in typing). `股份有限公司` stays
 * distinct: a joint-stock company is a different legal form, so a match there is no slip of the pen.
 *
 * @example
 * looseNameKey('北京某某科技有限责任公司') // '北京某某科技有限公司'
 * looseNameKey('北京某某科技股份有限公司') // '北京某某科技股份有限公司'
 */
export function looseNameKey(name: string): string {
  return normalizeName(name).replace(/有限责任公司/g, '有限公司');
}

const BRANCH_IN_BRACKETS = /^(.+公司)\([^()]*分公司\)$/;

/**
 * The parent in `<parent>…分公司`, where the part between is a place or an ordinal, maybe bracketed
 * (北京, (北京), 第一): exactly the group `/^(.+公司)(?:[^()]|\([^()]*\))*分公司$/` captures, the
 * longest such parent, or null. That pattern retries its tail after every 公司, quadratic on a name
 * of many; here one backward pass reads the tail while it can still be plain characters and
 * whole `(…)` groups, and the first 公司 reached ends the parent.
 * (Exported for the test that checks it against that pattern.)
 */
export function parentBeforeBranchSuffix(key: string): string | null {
  if (!key.endsWith('分公司')) return null;
  // The parent's `.+` part cannot hold a line terminator.
  const terminator = key.search(LINE_TERMINATOR);
  const parentEndLimit = terminator < 0 ? key.length : terminator + 2;
  // Reading backward, whether the tail after `end` has a `)` whose `(` is still to come.
  let inGroup = false;
  for (let end = key.length - 3; end >= 3; end--) {
    if (!inGroup && end <= parentEndLimit && key.startsWith('公司', end - 2)) return key.slice(0, end);
    const ch = key[end - 1];
    if (ch === ')') {
      if (inGroup) return null;
      inGroup = true;
    } else if (ch === '(') {
      if (!inGroup) return null;
      inGroup = false;
    }
  }
  return null;
}

/**
 * For a branch (`XX有限公司北京分公司`, `XX公司海淀分公司`, `XX公司(分公司)`), the parent company's
 * {@link normalizeName} key; null for any other name.
 *
 * @example
 * parentOfBranch('北京某某有限公司海淀分公司') // '北京某某有限公司'
 * parentOfBranch('某某科技有限公司（北京分公司）') // '某某科技有限公司'
 * parentOfBranch('北京某某有限公司') // null
 */
export function parentOfBranch(name: string): string | null {
  const key = normalizeName(name);
  const parent = BRANCH_IN_BRACKETS.exec(key)?.[1] ?? parentBeforeBranchSuffix(key);
  if (parent === null) return null;
  // `分公司` alone is not a parent, and a parent must name something before its 公司.
  if (parent.length <= 2 || parent.endsWith('分公司')) return null;
  return parent;
}

/** Why two names might be the same enterprise though their keys differ. */
export type DuplicateReason = '有限公司/有限责任公司' | '总公司/分公司';

/**
 * Why two names whose {@link normalizeName} keys differ may still be one enterprise: the same name
 * but for 有限公司/有限责任公司, or one is a branch of the other. Null when neither applies,
 * and also when the keys are equal (that is a plain duplicate, not a possible one).
 *
 * @example
 * possibleDuplicateReason('北京某某有限公司', '北京某某有限责任公司') // '有限公司/有限责任公司'
 * possibleDuplicateReason('北京某某有限公司', '北京某某有限公司朝阳分公司') // '总公司/分公司'
 * possibleDuplicateReason('北京某某有限公司', '北京某某股份有限公司') // null
 */
export function possibleDuplicateReason(a: string, b: string): DuplicateReason | null {
  if (normalizeName(a) === normalizeName(b)) return null;
  const looseA = looseNameKey(a);
  const looseB = looseNameKey(b);
  if (looseA === looseB) return '有限公司/有限责任公司';
  const parentA = parentOfBranch(a);
  const parentB = parentOfBranch(b);
  if (parentA !== null && looseNameKey(parentA) === looseB) return '总公司/分公司';
  if (parentB !== null && looseNameKey(parentB) === looseA) return '总公司/分公司';
  return null;
}
