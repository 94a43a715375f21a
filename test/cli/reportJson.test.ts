import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { jsonChunks } from '../../src/cli/reportJson';
import { reviewFiles } from '../helpers/submission';

const SAMPLE = path.resolve(__dirname, '../../samples/星河中小企业公共服务平台');

test('the pieces are exactly JSON.stringify(report, null, 2), on the sample’s report', async () => {
  const files = Object.fromEntries(readdirSync(SAMPLE).map((f) => [f, readFileSync(path.join(SAMPLE, f))]));
  const report = await reviewFiles(files, { platform: { name: '星河中小企业公共服务平台', category: '技术创新' } });
  expect(report.findings.length).toBeGreaterThan(10);
  expect([...jsonChunks(report)].join('')).toBe(JSON.stringify(report, null, 2));
});

test('the pieces are exactly JSON.stringify(value, null, 2), on any JSON value', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined)))), (value) => {
      expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
    }),
    { numRuns: 500 },
  );
});

test('a report too long for one string is written piece by piece: no piece holds more than one element', () => {
  const findings = Array.from({ length: 1000 }, (_, i) => ({ check: 'duplicate-enterprise', message: `第${i}行重复` }));
  const pieces = [...jsonChunks({ schemaVersion: 1, findings })];
  expect(pieces.length).toBeGreaterThan(1000);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
});
