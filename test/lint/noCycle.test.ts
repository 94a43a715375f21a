/**
 * The no-cycle rule (eslint/no-cycle.js) on a small tree of real files, and on the project itself.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint/no-cycle.js is plain CommonJS without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const noCycle = require('../../eslint/no-cycle.js') as Rule.RuleModule;

const root = mkdtempSync(path.join(tmpdir(), 'no-cycle-'));
const files: Record<string, string> = {
  'a.ts': "import { b } from './b';\nexport const a = 1;",
  'b.ts': "import { a } from './a';\nexport const b = a;",
  'c.ts': "import { a } from './a';\nexport const c = a;",
  // A cycle of types only, through an index and an export-from.
  'types/index.ts': "export type { D } from './d';",
  'types/d.ts': "import type { E } from './e';\nexport interface D { e?: E }",
  'types/e.ts': "import type { D } from '.';\nexport interface E { d?: D }",
  // A comment naming an import is not one.
  'f.ts': "// import { g } from './g';\nexport const f = 1;",
  'g.ts': "import { f } from './f';\nexport const g = f;",
};
for (const [name, code] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), code);
}
const at = (name: string) => ({ filename: path.join(root, name), code: files[name], options: [{ root }] });

new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } }).run('local/no-cycle', noCycle, {
  valid: [at('c.ts'), at('f.ts'), at('g.ts')],
  invalid: [
    { ...at('a.ts'), errors: [{ messageId: 'cycle', data: { source: './b', files: 'a.ts ↔ b.ts' } }] },
    { ...at('b.ts'), errors: [{ messageId: 'cycle', data: { source: './a', files: 'a.ts ↔ b.ts' } }] },
    { ...at('types/e.ts'), errors: [{ messageId: 'cycle' }] },
    { ...at('types/index.ts'), errors: [{ messageId: 'cycle' }] },
  ],
});

test('the project has no import cycle (the rule runs on src/ in the lint)', () => {
  const out = execFileSync('npx', ['eslint', '--no-warn-ignored', '--rule', '{"local/no-cycle":"error"}', 'src'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  expect(out).not.toMatch(/Import cycle/);
}, 120_000);
