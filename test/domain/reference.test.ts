// docs/reference.md states the standard's facts for reviewers; these tests keep its tables and the
// code that applies them from drifting apart.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INDUSTRIES, SIZE_LIMITS, type Figure, type Limit } from '../../src/domain/sizeClass';
import { CREDIT_CODE_ALPHABET, checkCreditCode, computeCheckChar } from '../../src/domain/creditCode';

const doc = readFileSync(path.resolve(__dirname, '../../docs/reference.md'), 'utf8');

const FIGURE_WORDS: Record<string, Figure> = { 从业人员: 'employees', 营业收入: 'revenue', 资产总额: 'assets' };

/** "从业人员 < 1000 或 营业收入 < 40000" → [{employees,1000},{revenue,40000}]. */
function limitsOf(cell: string, op: '<' | '≥'): Limit[] {
  return cell.split(/或|，/).map((part) => {
    const m = /^\s*(从业人员|营业收入|资产总额)\s*([<≥])\s*(\d+)\s*$/.exec(part);
    if (!m || m[2] !== op) throw new Error(`reference.md §2 cell not understood: «${part}»`);
    return { figure: FIGURE_WORDS[m[1]], limit: Number(m[3]) };
  });
}

const sizeRows = new Map(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| ') && (INDUSTRIES as readonly string[]).includes(line.split('|')[1].trim()))
    .map((line) => {
      const [, industry, ceiling, medium, small] = line.split('|').map((c) => c.trim());
      return [industry, { ceiling: limitsOf(ceiling, '<'), medium: limitsOf(medium, '≥'), small: limitsOf(small, '≥') }];
    }),
);

test('§2 lists every industry row of the standard once', () => {
  expect([...sizeRows.keys()]).toEqual([...INDUSTRIES]);
});

test.each([...INDUSTRIES])('§2 %s: the table in docs/reference.md is the one the code applies', (industry) => {
  expect(sizeRows.get(industry)).toEqual(SIZE_LIMITS[industry]);
});

test('§3 the alphabet, weights and public examples are the ones the code uses', () => {
  expect(doc).toContain(`\`${CREDIT_CODE_ALPHABET}\``);
  const weights = /权重是[^：]*：([\d ]+)。/.exec(doc)?.[1].trim().split(' ').map(Number);
  expect(weights).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  // With one symbol valued 1 at position i and zeros elsewhere, S is the weight of i.
  weights!.forEach((w, i) => {
    const first17 = '0'.repeat(i) + '1' + '0'.repeat(16 - i);
    expect(computeCheckChar(first17)).toBe(CREDIT_CODE_ALPHABET[(31 - (w % 31)) % 31]);
  });
  const examples = [...doc.matchAll(/`([0-9A-Z]{18})`/g)].map((m) => m[1]);
  expect(examples).toEqual(['91350100M000100Y43', '91110000600037341L']);
  for (const code of examples) expect(checkCreditCode(code).valid).toBe(true);
});
