/**
 * 统一社会信用代码 (GB 32100-2015): 18 symbols, the last a check character over the first 17.
 */
import { rememberText } from './memo';

/** The 31 symbols in value order; I, O, Z, S and V are left out so they cannot be mistaken for digits. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i−1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Letters people type for digits they look like; named in the reason so the fix is obvious. */
const LOOKALIKES = new Set(['I', 'O', 'Z', 'S', 'V']);

/** The outcome of {@link checkCreditCode}. `reason` (Chinese, for the reviewer) is set when not valid. */
export interface CreditCodeCheck {
  valid: boolean;
  /** The code as checked: NFKC, invisible characters removed, trimmed, upper-cased. */
  normalized: string;
  reason?: string;
}

/**
 * The code as it is checked: NFKC (full-width letters and digits fold), invisible characters
 * (zero-width, BOM) dropped, trimmed, upper-cased.
 */
function normalizeCode(code: string): string {
  return code
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim()
    .toUpperCase();
}

/**
 * The check character (position 18) for the first 17 symbols of a code.
 * Throws a RangeError when `first17` is not 17 symbols of {@link CREDIT_CODE_ALPHABET}.
 *
 * @example
 * computeCheckChar('91350100M000100Y4') // '3'
 * computeCheckChar('91110000600037341') // 'L'
 */
export function computeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 symbols, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`not a credit-code symbol: ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Check a 统一社会信用代码 per GB 32100-2015: length, alphabet, then the check character.
 * The reason names the first problem found: `未填写`, `长度不是18位（实际N位）`, `含非法字符 X`
 * or `校验位应为 Y`. A failed check is a finding, not proof of a fake: some early pilot codes fail it.
 *
 * @example
 * checkCreditCode('91350100M000100Y43') // { valid: true, normalized: '91350100M000100Y43' }
 * checkCreditCode(' ９１１１００００６０００３７３４１ｌ ') // { valid: true, normalized: '91110000600037341L' }
 * checkCreditCode('91110000600037341A') // { valid: false, normalized: '91110000600037341A', reason: '校验位应为 L' }
 */
export function checkCreditCode(code: string): CreditCodeCheck {
  // The same codes are checked for identity and again by the check.
  return rememberedCheck(code);
}

const rememberedCheck = rememberText(computeCreditCodeCheck, 100_000);

function computeCreditCodeCheck(code: string): CreditCodeCheck {
  const normalized = normalizeCode(code);
  const chars = Array.from(normalized);
  if (chars.length === 0) return { valid: false, normalized, reason: '未填写' };
  if (chars.length !== 18) return { valid: false, normalized, reason: `长度不是18位（实际${chars.length}位）` };
  const illegal = [...new Set(chars.filter((ch) => !CREDIT_CODE_ALPHABET.includes(ch)))];
  if (illegal.length > 0) {
    const hint = illegal.some((ch) => LOOKALIKES.has(ch)) ? '（代码中不使用字母 I、O、Z、S、V）' : '';
    return { valid: false, normalized, reason: `含非法字符 ${illegal.map(display).join('、')}${hint}` };
  }
  const expected = computeCheckChar(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { valid: false, normalized, reason: `校验位应为 ${expected}` };
  return { valid: true, normalized };
}

/** Show a space as a visible word: a bare space in a message is invisible. */
function display(ch: string): string {
  return /\s/.test(ch) ? '空格' : ch;
}

/** The 京津冀 province a code was registered in, from its division code. */
export type CreditCodeDivision = '北京' | '天津' | '河北';

const DIVISIONS: ReadonlyMap<string, CreditCodeDivision> = new Map([
  ['11', '北京'],
  ['12', '天津'],
  ['13', '河北'],
]);

/**
 * The registering authority's province from positions 3–4 (GB/T 2260): 11 北京, 12 天津, 13 河北;
 * null for any other province, for national registrations and for codes too short to say.
 * The check character is not required to pass: the division is informative either way.
 *
 * @example
 * creditCodeDivision('91110000600037341L') // '北京'
 * creditCodeDivision('91350100M000100Y43') // null (福建)
 */
export function creditCodeDivision(code: string): CreditCodeDivision | null {
  const normalized = normalizeCode(code);
  return DIVISIONS.get(normalized.slice(2, 4)) ?? null;
}
