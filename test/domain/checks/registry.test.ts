/**
 * The build check ESLint has for its rules: every check is documented, tested, and well-formed;
 * the checks across the platforms of a batch (CROSS_CHECKS) as much as the others.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CHECKS, CROSS_CHECKS } from '../../../src/domain/checks';

const root = path.resolve(__dirname, '../../..');
const docs = readFileSync(path.join(root, 'docs/checks.md'), 'utf8');
const testSources = readdirSync(__dirname)
  .filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts')
  .map((f) => readFileSync(path.join(__dirname, f), 'utf8'));

const ALL = [...CHECKS, ...CROSS_CHECKS];
const isCross = (id: string) => CROSS_CHECKS.some((c) => c.meta.id === id);

describe.each(ALL.map((c) => [c.meta.id, c] as const))('%s', (id, check) => {
  test('has a stable kebab-case id, a clause, a severity and a Chinese title', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(check.meta.clause.length).toBeGreaterThan(2);
    expect(['error', 'warning', 'info']).toContain(check.meta.severity);
    expect(check.meta.title).toMatch(/[\u4e00-\u9fff]/);
  });
  test('declares its messages in Chinese, each one used by the check', () => {
    const source = readFileSync(path.join(root, 'src/domain/checks', `${id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}.ts`), 'utf8');
    const ids = Object.keys(check.meta.messages);
    expect(ids.length).toBeGreaterThan(0);
    for (const messageId of ids) {
      expect(messageId).toMatch(/^[a-zA-Z]+$/);
      // Chinese, or one value that is (file-unreadable passes on the reader's own Chinese reason).
      expect(check.meta.messages[messageId]).toMatch(/[\u4e00-\u9fff]|^\{\{\w+\}\}$/);
      // Reported somewhere in the check's file (`report(…, 'id'`, or chosen between ids).
      expect({ messageId, used: source.includes(`'${messageId}'`) }).toEqual({ messageId, used: true });
    }
  });
  test('is documented in docs/checks.md', () => {
    expect(docs).toContain(`### ${id}\n`);
    expect(docs).toContain(`| \`${id}\` | ${check.meta.title} |`);
  });
  test('has a table of valid and invalid cases', () => {
    // A check across platforms has its own tester, which reviews several platforms.
    const tester = isCross(id) ? 'crossCheckTester' : 'checkTester';
    expect(testSources.some((s) => s.includes(`${tester}('${id}'`))).toBe(true);
  });
});

test('the check files on disk, CHECKS and the documentation list the same checks', async () => {
  const dir = path.join(root, 'src/domain/checks');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'check.ts' && f !== 'index.ts');
  const kebab = (name: string) => name.replace(/\.ts$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { default?: (typeof ALL)[number] };
    // One check per file, named after it, registered in CHECKS or CROSS_CHECKS (not both).
    expect({ file: f, id: mod.default?.meta.id }).toEqual({ file: f, id: kebab(f) });
    expect(ALL).toContain(mod.default);
    expect({ file: f, across: 'runAcross' in mod.default! }).toEqual({ file: f, across: (CROSS_CHECKS as readonly unknown[]).includes(mod.default) });
  }
  expect(files.length).toBe(ALL.length);
  const documented = Array.from(docs.matchAll(/^### ([a-z-]+)$/gm), (m) => m[1]);
  expect(documented.sort()).toEqual(ALL.map((c) => c.meta.id).sort());
});

test('ids are unique', () => {
  const ids = ALL.map((c) => c.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
});
