import type { EnterpriseSample, OrderSample } from '../../src/domain/report';
import { reviewFiles, table } from '../helpers/submission';

/** n enterprises with one or two orders each; amounts chosen so ties exist. */
function orders(n: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([rows.length + 1, `北京企业${i}`, 'x', '小型', (i % 7) + 1, '2024-01-01', `HT-${i}-a`]);
    if (i % 3 === 0) rows.push([rows.length + 1, `北京企业${i}`, 'x', '小型', 1, '2024-02-01', `HT-${i}-b`]);
  }
  return rows;
}

test('the 100 enterprises with the largest total amount, ties by first appearance', async () => {
  const r = await reviewFiles({ 'a.xlsx': [table('4-2-1-3', orders(150))] });
  const sample = r.sample as EnterpriseSample[];
  expect(sample).toHaveLength(100);
  expect(sample.map((s) => s.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  // Totals: amount (i % 7) + 1, plus 1 more when i % 3 === 0. Highest is 8 (i % 7 === 6 and i % 3 === 0).
  expect(sample[0]).toMatchObject({ enterprise: '北京企业6', amount: 8, orders: 2, contracts: ['HT-6-a', 'HT-6-b'], selection: 'amount' });
  for (let i = 1; i < sample.length; i++) expect(sample[i].amount).toBeLessThanOrEqual(sample[i - 1].amount);
  // Ties keep the order of first appearance.
  const sevens = sample.filter((s) => s.amount === 7).map((s) => Number(s.enterprise.replace('北京企业', '')));
  expect(sevens).toEqual([...sevens].sort((a, b) => a - b));
  expect(r.sampleRule).toMatchObject({ by: 'enterprise', size: 100, random: 0, seed: null });
});

test('all enterprises when there are 100 or fewer; names typed two ways are one enterprise', async () => {
  const r = await reviewFiles({
    'a.xlsx': [
      table('4-2-1-2', [[1, '北京甲（中国）公司', 'x', '北京']]),
      table('4-2-1-3', [[1, '北京甲(中国)公司', 'x', '小型', 5, '2024-01-01', 'a'], [2, '北京甲（中国）公司', 'x', '小型', 6, '2024-01-01', 'b'], [3, '北京乙公司', 'x', '小型', 7, '2024-01-01', 'c']]),
    ],
  });
  expect((r.sample as EnterpriseSample[]).map((s) => [s.enterprise, s.amount, s.orders])).toEqual([
    ['北京甲（中国）公司', 11, 2],
    ['北京乙公司', 7, 1],
  ]);
});

test('by order: the largest single orders with their contract and row', async () => {
  const r = await reviewFiles({ 'a.xlsx': [table('4-2-1-3', orders(150), { name: '订单' })] }, { sample: { by: 'order' } });
  const sample = r.sample as OrderSample[];
  expect(sample).toHaveLength(100);
  expect(sample[0]).toMatchObject({ rank: 1, amount: 7, contract: 'HT-6-a', sheet: '订单', selection: 'amount' });
  expect(sample[0].row).toBeGreaterThan(1);
});

test('a seeded random draw from the rest is reproducible and disjoint from the top', async () => {
  const files = { 'a.xlsx': [table('4-2-1-3', orders(150))] };
  const a = await reviewFiles(files, { sample: { random: 10, seed: 42 } });
  const b = await reviewFiles(files, { sample: { random: 10, seed: 42 } });
  const c = await reviewFiles(files, { sample: { random: 10, seed: 7 } });
  const pick = (r: typeof a) => (r.sample as EnterpriseSample[]).filter((s) => s.selection === 'random').map((s) => s.enterprise);
  expect(pick(a)).toHaveLength(10);
  expect(pick(a)).toEqual(pick(b));
  expect(pick(a)).not.toEqual(pick(c));
  const top = new Set((a.sample as EnterpriseSample[]).filter((s) => s.selection === 'amount').map((s) => s.enterprise));
  for (const e of pick(a)) expect(top.has(e)).toBe(false);
  expect(a.sampleRule).toMatchObject({ random: 10, seed: 42 });
  expect(a.sampleRule.description).toMatch(/随机种子 42/);
});
