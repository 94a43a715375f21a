import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, checkCreditCode, computeCheckChar, creditCodeDivision } from '../../src/domain/creditCode';

const PUBLIC_EXAMPLES = ['91350100M000100Y43', '91110000600037341L'];

describe('computeCheckChar', () => {
  it.each(PUBLIC_EXAMPLES)('gives the last character of %s', (code) => {
    expect(computeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([['9135010'], ['91350100M000100Y4X'], ['91350100M000100YO'], ['91350100m000100y4']])('throws on %j', (body) => {
    expect(() => computeCheckChar(body)).toThrow(RangeError);
  });
});

describe('checkCreditCode', () => {
  it.each(PUBLIC_EXAMPLES)('%s passes', (code) => {
    expect(checkCreditCode(code)).toEqual({ valid: true, normalized: code });
  });

  it.each([
    ['91110000600037341l', '91110000600037341L'],
    [' 91110000600037341L\u3000', '91110000600037341L'],
    ['９１１１００００６０００３７３４１Ｌ', '91110000600037341L'],
    ['\u200b91350100M000100Y43\ufeff', '91350100M000100Y43'],
    ['\n91350100m000100y43\t', '91350100M000100Y43'],
  ])('%j passes once normalized', (input, normalized) => {
    expect(checkCreditCode(input)).toEqual({ valid: true, normalized });
  });

  it.each([
    ['91110000600037341A', '校验位应为 L'],
    ['91110000600037340L', '校验位应为 H'],
    ['81110000600037341L', '校验位应为 M'],
    ['91350100M000100Y44', '校验位应为 3'],
    ['9111000060003734L', '长度不是18位（实际17位）'],
    ['91110000600037341LL', '长度不是18位（实际19位）'],
    ['9111 0000 6000 37341L', '长度不是18位（实际21位）'],
    ['9111000060003734OL', '含非法字符 O（代码中不使用字母 I、O、Z、S、V）'],
    ['91110000I00037341L', '含非法字符 I（代码中不使用字母 I、O、Z、S、V）'],
    ['91110000-60003734L', '含非法字符 -'],
    ['9111000060 003734L', '含非法字符 空格'],
    ['9111000060*0037#4L', '含非法字符 *、#'],
    ['', '未填写'],
    ['  ', '未填写'],
  ])('%j fails: %s', (input, reason) => {
    const result = checkCreditCode(input);
    expect(result.valid).toBe(false);
    expect(result.reason).toBe(reason);
  });

  it('fails every one-character change of the public examples', () => {
    for (const code of PUBLIC_EXAMPLES) {
      for (let i = 0; i < 18; i++) {
        for (const sym of CREDIT_CODE_ALPHABET) {
          if (sym === code[i]) continue;
          const changed = code.slice(0, i) + sym + code.slice(i + 1);
          expect(checkCreditCode(changed).valid).toBe(false);
        }
      }
    }
  });

  const symbol = fc.constantFrom(...CREDIT_CODE_ALPHABET);
  const body = fc.string({ unit: symbol, minLength: 17, maxLength: 17 });

  it('accepts any body followed by its check character', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(checkCreditCode(b + computeCheckChar(b))).toEqual({ valid: true, normalized: b + computeCheckChar(b) });
      }),
    );
  });

  it('rejects a valid code with any single position changed to another symbol', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), symbol, (b, pos, sym) => {
        const code = b + computeCheckChar(b);
        fc.pre(code[pos] !== sym);
        const changed = code.slice(0, pos) + sym + code.slice(pos + 1);
        const result = checkCreditCode(changed);
        expect(result.valid).toBe(false);
        expect(result.reason).toMatch(/^校验位应为 [0-9A-Y]$/);
      }),
    );
  });
});

describe('creditCodeDivision', () => {
  it.each([
    ['91110000600037341L', '北京'],
    ['91110108MA01ABCD1X', '北京'],
    ['91120116MA05XXXX0X', '天津'],
    ['91130100MA0XXXXX0X', '河北'],
    ['９１１２００００', '天津'],
    [' 91130', '河北'],
    ['91350100M000100Y43', null],
    ['91100000100000000X', null],
    ['911', null],
    ['', null],
  ])('%j → %j', (code, division) => {
    expect(creditCodeDivision(code)).toBe(division);
  });
});
