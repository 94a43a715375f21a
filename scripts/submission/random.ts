/** Seeded random numbers (mulberry32, forked by name), so one seed always gives the same submission. */
import { CREDIT_CODE_ALPHABET, computeCheckChar } from '../../src/domain/creditCode';
import { seededRandom } from '../../src/domain/sample';

// PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: the same seeded PRNG the spot-check sample uses, floats in [0, 1). */
export const mulberry32 = seededRandom;

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(private readonly seed: number) {
    this.next = mulberry32(seed);
  }
  /** An independent stream for one part of the submission, so parts don't shift each other. */
  fork(label: string): Rng {
    return new Rng((this.seed ^ fnv1a(label)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-uniform in [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }
}

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714)
// ---------------------------------------------------------------------------------------------

/** Whether an 18-character code, exactly as written, passes the GB 32100 check. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return computeCheckChar(code.slice(0, 17)) === code[17];
}

export const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function makeCreditCode(rng: Rng, division: string): string {
  let body: string;
  if (rng.chance(0.7)) {
    // Registrations since 2015 carry an MA-prefixed organisation code.
    body = 'MA0' + Array.from({ length: 5 }, () => rng.pick(CREDIT_CODE_ALPHABET.split(''))).join('');
  } else {
    body = Array.from({ length: 8 }, () => String(rng.int(0, 9))).join('');
    if (body[0] === '0') body = '5' + body.slice(1);
  }
  const first17 = '91' + division + body + orgCodeCheckChar(body);
  return first17 + computeCheckChar(first17);
}

/** The same code with a wrong (but well-formed) check character. */
export function corruptCreditCode(rng: Rng, code: string): string {
  const good = code[17];
  const others = CREDIT_CODE_ALPHABET.split('').filter((c) => c !== good);
  return code.slice(0, 17) + rng.pick(others);
}

// ---------------------------------------------------------------------------------------------
