import fc from 'fast-check';
import { fullNameKey, looseNameKey, normalizeName, parentOfBranch, possibleDuplicateReason } from '../../src/domain/enterpriseName';

describe('normalizeName', () => {
  it.each([
    ['北京某某（中国）有限公司', '北京某某(中国)有限公司'],
    ['北京某某(中国)有限公司', '北京某某(中国)有限公司'],
    ['某某【北京】科技有限公司', '某某(北京)科技有限公司'],
    ['某某〔北京〕科技有限公司', '某某(北京)科技有限公司'],
    ['某某[北京]科技有限公司', '某某(北京)科技有限公司'],
    ['某某［北京］科技有限公司', '某某(北京)科技有限公司'],
    ['某某﹝北京﹞科技有限公司', '某某(北京)科技有限公司'],
    ['某某〖北京〗科技有限公司', '某某(北京)科技有限公司'],
    [' 北京某某科技有限公司 ', '北京某某科技有限公司'],
    ['北京某某\u3000科技有限公司', '北京某某科技有限公司'],
    ['北京某某\u00a0科技有限公司', '北京某某科技有限公司'],
    ['北京\u200b某某\u200c科技\u200d有限\u2060公司\ufeff', '北京某某科技有限公司'],
    ['北京某某\n科技\r\n有限\t公司', '北京某某科技有限公司'],
    ['北京某某科技有限公司。', '北京某某科技有限公司'],
    ['北京某某科技有限公司；', '北京某某科技有限公司'],
    ['北京某某科技有限公司,', '北京某某科技有限公司'],
    ['北京某某科技有限公司、', '北京某某科技有限公司'],
    ['“北京某某科技有限公司”', '北京某某科技有限公司'],
    ['*北京某某科技有限公司', '北京某某科技有限公司'],
    ['某某科技有限公司(分公司)', '某某科技有限公司(分公司)'],
    ['某某科技有限公司（分公司）。', '某某科技有限公司(分公司)'],
    ['(北京)某某科技有限公司', '(北京)某某科技有限公司'],
    ['北京abc科技有限公司', '北京ABC科技有限公司'],
    ['北京ａｂｃ科技有限公司', '北京ABC科技有限公司'],
    ['北京ＩＢＭ（中国）有限公司', '北京IBM(中国)有限公司'],
    ['北京１２３科技有限公司', '北京123科技有限公司'],
    ['', ''],
    ['\u3000 \n', ''],
    ['。', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('makes full-width and half-width brackets one key', () => {
    expect(normalizeName('北京某某（中国）有限公司')).toBe(normalizeName('北京某某(中国)有限公司'));
  });

  it('gives plain names (ideographs, digits, capitals, brackets) the key the full rules give', () => {
    const unit = fc.oneof(
      fc.constantFrom('(', ')', '（', '）', '0', '9', 'A', 'Z', '\u4e00', '\u9fff', '北', '京', '公', '司'),
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (s) => {
        expect(normalizeName(s)).toBe(fullNameKey(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent for name-like text', () => {
    fc.assert(
      fc.property(nameArb, (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
    );
  });

  it('ignores white space inserted anywhere', () => {
    fc.assert(
      fc.property(nameArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WHITE)), { maxLength: 8 }), (name, inserts) => {
        const chars = Array.from(name);
        for (const [at, ws] of inserts) chars.splice(at % (chars.length + 1), 0, ws);
        expect(normalizeName(chars.join(''))).toBe(normalizeName(name));
      }),
    );
  });

  it('ignores ASCII letters, digits, punctuation and brackets turned full-width', () => {
    fc.assert(
      fc.property(nameArb, fc.infiniteStream(fc.boolean()), (name, flips) => {
        const wide = Array.from(name)
          .map((ch) => (flips.next().value ? toFullWidth(ch) : ch))
          .join('');
        expect(normalizeName(wide)).toBe(normalizeName(name));
      }),
    );
  });
});

describe('looseNameKey', () => {
  it.each([
    ['北京某某科技有限责任公司', '北京某某科技有限公司'],
    ['北京某某科技有限公司', '北京某某科技有限公司'],
    ['北京某某科技股份有限公司', '北京某某科技股份有限公司'],
    ['北京某某科技有限责任公司海淀分公司', '北京某某科技有限公司海淀分公司'],
    ['北京某某（中国）有限责任公司 ', '北京某某(中国)有限公司'],
  ])('%j → %j', (input, expected) => {
    expect(looseNameKey(input)).toBe(expected);
  });

  it('keeps 股份有限公司 apart from 有限公司', () => {
    expect(looseNameKey('北京某某股份有限公司')).not.toBe(looseNameKey('北京某某有限公司'));
  });
});

describe('parentOfBranch', () => {
  it.each([
    ['某某科技有限公司北京分公司', '某某科技有限公司'],
    ['某某公司海淀分公司', '某某公司'],
    ['某某公司(分公司)', '某某公司'],
    ['某某科技有限公司（北京分公司）', '某某科技有限公司'],
    ['某某科技有限公司【北京分公司】', '某某科技有限公司'],
    ['某某科技有限公司北京第一分公司', '某某科技有限公司'],
    ['某某科技有限公司（北京）分公司', '某某科技有限公司'],
    ['某某科技有限责任公司北京分公司', '某某科技有限责任公司'],
    ['某某（中国）有限公司 上海分公司', '某某(中国)有限公司'],
    ['ａｂｃ科技有限公司北京分公司', 'ABC科技有限公司'],
  ])('%j → %j', (input, expected) => {
    expect(parentOfBranch(input)).toBe(expected);
  });

  it.each([['北京某某有限公司'], ['北京分公司'], ['公司分公司'], ['某某集团北京分公司'], ['某某公司北京办事处'], ['']])('%j → null', (input) => {
    expect(parentOfBranch(input)).toBeNull();
  });

  it('returns the normalized key of the parent', () => {
    const parent = parentOfBranch('某某（中国）有限公司北京分公司');
    expect(parent).toBe(normalizeName('某某（中国）有限公司'));
  });
});

describe('possibleDuplicateReason', () => {
  it.each([
    ['北京某某有限公司', '北京某某有限责任公司', '有限公司/有限责任公司'],
    ['北京某某（中国）有限公司', '北京某某(中国)有限责任公司', '有限公司/有限责任公司'],
    ['北京某某有限公司', '北京某某有限公司朝阳分公司', '总公司/分公司'],
    ['北京某某有限公司', '北京某某有限公司(分公司)', '总公司/分公司'],
    ['北京某某有限责任公司', '北京某某有限公司海淀分公司', '总公司/分公司'],
    ['北京某某有限公司朝阳分公司', '北京某某有限责任公司朝阳分公司', '有限公司/有限责任公司'],
  ] as const)('%j vs %j → %j', (a, b, reason) => {
    expect(possibleDuplicateReason(a, b)).toBe(reason);
    expect(possibleDuplicateReason(b, a)).toBe(reason);
  });

  it.each([
    ['北京某某有限公司', '北京某某股份有限公司'],
    ['北京某某有限公司', '北京某某有限公司'],
    ['北京某某有限公司', ' 北京某某有限公司。'],
    ['北京某某有限公司朝阳分公司', '北京某某有限公司海淀分公司'],
    ['北京甲有限公司', '北京乙有限公司'],
    ['北京甲有限公司', '北京乙有限公司北京分公司'],
  ])('%j vs %j → null', (a, b) => {
    expect(possibleDuplicateReason(a, b)).toBeNull();
    expect(possibleDuplicateReason(b, a)).toBeNull();
  });
});

/** White space and invisible characters that arrive in pasted names. */
const WHITE = [' ', '\u3000', '\u00a0', '\t', '\n', '\r\n', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u2002'];

/** Name-like text: Chinese, ASCII letters and digits, brackets and punctuation. */
const nameArb = fc.string({
  unit: fc.constantFrom(...Array.from('北京某某科技有限公司中国分海淀天津河北abcXYZ019()[]（）【】〔〕.,;:!?-&/。，、；“”')),
  maxLength: 30,
});

/** The full-width form of an ASCII character (space → ideographic space); others unchanged. */
function toFullWidth(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x20) return '\u3000';
  if (cp >= 0x21 && cp <= 0x7e) return String.fromCodePoint(cp + 0xfee0);
  return ch;
}
