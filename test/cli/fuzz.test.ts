// Mutation fuzzer over the sample's files, fixed seed: bytes flipped, files truncated, zip entries
// shuffled or dropped. Every case must end in a report, with any broken file named by
// file-unreadable; nothing throws, nothing hangs, no input changes, and every review workbook
// written reads back.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { reviewSubmission } from '../../src/domain/review';
import { seededRandom as rng } from '../../src/domain/sample';
import { readWorkbook } from '../../src/workbook/file/reader';
import { writeReviewWorkbook } from '../../src/workbook/file/writeReview';
import { DEFAULT_RUBRIC } from '../../src/workbook/layout/rubric';
import { zip } from '../helpers/grids';

const SAMPLE = path.resolve(__dirname, '../../samples/星河中小企业公共服务平台');
const files = readdirSync(SAMPLE)
  .filter((f) => f.endsWith('.xlsx') && !f.includes('损坏'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SAMPLE, name))) }));
const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Mutation = (bytes: Uint8Array, r: () => number) => Uint8Array;
const MUTATIONS: Record<string, Mutation> = {
  flip: (b, r) => {
    const out = Uint8Array.from(b);
    const n = 1 + Math.floor(r() * 8);
    for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8);
    return out;
  },
  truncate: (b, r) => b.subarray(0, Math.floor(r() * b.length)),
  shuffle: (b, r) => {
    const entries = Object.entries(unzipSync(b));
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    return zip(entries, r() < 0.5 ? 0 : 6);
  },
  drop: (b, r) => {
    const entries = Object.entries(unzipSync(b));
    entries.splice(Math.floor(r() * entries.length), 1);
    return zip(entries);
  },
  garble: (b, r) => {
    // Rewrite one XML part with a slice of it removed: well-formed or not, whatever it becomes.
    const entries = Object.entries(unzipSync(b));
    const xml = entries.filter(([n]) => n.endsWith('.xml'));
    const [name, data] = xml[Math.floor(r() * xml.length)];
    const text = strFromU8(data);
    const at = Math.floor(r() * text.length);
    const cut = text.slice(0, at) + text.slice(at + Math.floor(r() * 200));
    return zip(entries.map(([n, d]) => [n, n === name ? cut : d]));
  },
};

const CASES = 200;

test(`${CASES} mutated submissions: a report each, the broken file named, inputs untouched, workbooks that read back`, async () => {
  const before = files.map((f) => hash(f.bytes));
  const r = rng(20241201);
  const kinds = Object.keys(MUTATIONS);
  let unreadable = 0;
  let written = 0;
  for (let c = 0; c < CASES; c++) {
    const target = Math.floor(r() * files.length);
    const kind = kinds[c % kinds.length];
    const mutated = MUTATIONS[kind](files[target].bytes, r);
    const submitted = [];
    for (let i = 0; i < files.length; i++) {
      const bytes = i === target ? mutated : files[i].bytes;
      try {
        submitted.push({ file: files[i].name, grids: await readWorkbook(bytes, files[i].name) });
      } catch (err) {
        const message = (err as Error).message;
        expect(message).toMatch(new RegExp(`^无法读取「${files[i].name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}」：`));
        expect(message).not.toMatch(/\n\s+at /);
        submitted.push({ file: files[i].name, error: message });
      }
    }
    const report = reviewSubmission({ files: submitted, platform: { name: '星河中小企业公共服务平台', category: '技术创新' }, rubric: DEFAULT_RUBRIC });
    expect(report.schemaVersion).toBe(1);
    const broken = submitted.filter((s) => s.error).map((s) => s.file);
    unreadable += broken.length;
    expect(report.findings.filter((f) => f.check === 'file-unreadable').map((f) => f.file)).toEqual(broken);
    if (c % 20 === 0) {
      const sources = submitted.filter((s) => s.grids).map((s, i) => ({ file: s.file, data: s.file === files[target].name ? mutated : files.find((f) => f.name === s.file)!.bytes, grids: s.grids, i }));
      const bytes = await writeReviewWorkbook({ report, sources });
      const back = await readWorkbook(bytes, 'review.xlsx');
      expect(back.slice(0, 4).map((g) => g.sheet)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本']);
      written++;
    }
  }
  expect(files.map((f) => hash(f.bytes))).toEqual(before);
  // The fuzzer does break files (and leaves some readable): it tests both paths.
  expect(unreadable).toBeGreaterThan(CASES / 4);
  expect(unreadable).toBeLessThan(CASES);
  expect(written).toBe(CASES / 20);
}, 120_000);
