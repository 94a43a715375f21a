/**
 * RuleTester for the checks across platforms: each case is several platforms' files, each read
 * back through the file adapter and reviewed collecting its facts, then compared by crossCheck.
 */
import { crossCheck, type CrossCheckResult } from '../../src/domain/crossCheck';
import { reviewCollecting } from '../../src/domain/review';
import type { Finding } from '../../src/domain/report';
import { readWorkbook } from '../../src/workbook/file/reader';
import { xlsx, type Files } from './submission';

/** Review every platform (name → files) and run the checks across them. */
export async function reviewAcross(platforms: Record<string, Files>): Promise<CrossCheckResult & { names: string[] }> {
  const names = Object.keys(platforms);
  const reviewed = [];
  for (const name of names) {
    const files = [];
    for (const [file, content] of Object.entries(platforms[name])) {
      const data = Buffer.isBuffer(content) ? content : await xlsx(content);
      files.push({ file, grids: await readWorkbook(data, file) });
    }
    const { facts } = reviewCollecting({ files, platform: { name, category: '技术创新' }, year: 2024 }, true);
    reviewed.push({ name, facts: facts! });
  }
  return { ...crossCheck(reviewed), names };
}

export interface CrossCase {
  name: string;
  platforms: Record<string, Files>;
}

export interface CrossInvalidCase extends CrossCase {
  /** Per platform, its findings of the check in order: sheet and cell, message id, what fills it. */
  findings: { platform: string; at: string; messageId?: string; message?: RegExp; data?: Record<string, unknown> }[];
  /** How many rows 交叉核查 gets (one per shared item). */
  shared: number;
}

const place = (f: Finding) => `${f.sheet}!${f.cell ?? ''}`;

export function crossCheckTester(checkId: string, cases: { valid: CrossCase[]; invalid: CrossInvalidCase[] }): void {
  describe(checkId, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        test(c.name, async () => {
          const { findings, shared } = await reviewAcross(c.platforms);
          expect(findings.flat().filter((f) => f.check === checkId)).toEqual([]);
          expect(shared.filter((s) => s.check === checkId)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, async () => {
          const { findings, shared, names } = await reviewAcross(c.platforms);
          const got = names.flatMap((name, p) => findings[p].filter((f) => f.check === checkId).map((f) => ({ platform: name, f })));
          expect(got.map((g) => ({ platform: g.platform, at: place(g.f) }))).toEqual(c.findings.map((f) => ({ platform: f.platform, at: f.at })));
          c.findings.forEach((f, i) => {
            if (f.messageId) expect(got[i].f.messageId).toBe(f.messageId);
            if (f.message) expect(got[i].f.message).toMatch(f.message);
            if (f.data) expect(got[i].f.data).toMatchObject(f.data);
          });
          expect(shared.filter((s) => s.check === checkId)).toHaveLength(c.shared);
        });
      }
    });
  });
}
