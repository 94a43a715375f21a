/**
 * The layer rule (eslint/layers.js) and the project's ESLint config that wires it up,
 * including the restriction of `Excel.run` to src/workbook/office/.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint/layers.js is plain CommonJS without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const layers = require('../../eslint/layers.js') as Rule.RuleModule;

const repoRoot = path.resolve(__dirname, '..', '..');
/** An absolute path under src/, where the rule computes layers. */
const src = (file: string) => path.join(repoRoot, 'src', file);

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});

const domainPackage = (source: string) => ({ messageId: 'domainPackage', data: { source } });
const outward = (from: string, to: string, source: string) => ({ messageId: 'outward', data: { from, to, source } });

ruleTester.run('local/layers', layers, {
  valid: [
    { filename: src('domain/x.ts'), code: "import { a1 } from './grid';" },
    { filename: src('domain/x.ts'), code: "import { y } from './checks/y';" },
    { filename: src('domain/checks/y.ts'), code: "import type { SheetGrid } from '../grid';" },
    { filename: src('domain/x.ts'), code: "export * from './grid';" },
    { filename: src('workbook/file/a.ts'), code: "import { a1 } from '../../domain/grid';" },
    { filename: src('workbook/file/a.ts'), code: "import ExcelJS from 'exceljs';" },
    { filename: src('workbook/office/b.ts'), code: "import type { WorkbookReader } from '../port';" },
    { filename: src('taskpane/App.tsx'), code: "import { createOfficeWorkbookReader } from '../workbook/office/officeWorkbook';\nimport React from 'react';" },
    { filename: src('cli/review.ts'), code: "import fs from 'fs';\nimport { readXlsx } from '../workbook/file/readXlsx';\nimport { a1 } from '../domain/grid';" },
    // Files outside the four layers are not the rule's business.
    { filename: path.join(repoRoot, 'scripts', 'x.ts'), code: "import { App } from '../src/taskpane/App';" },
  ],
  invalid: [
    { filename: src('domain/x.ts'), code: "import ExcelJS from 'exceljs';", errors: [domainPackage('exceljs')] },
    { filename: src('domain/x.ts'), code: "import fs from 'fs';", errors: [domainPackage('fs')] },
    { filename: src('domain/x.ts'), code: "import path from 'node:path';", errors: [domainPackage('node:path')] },
    { filename: src('domain/x.ts'), code: "import { useState } from 'react';", errors: [domainPackage('react')] },
    {
      filename: src('domain/x.ts'),
      code: "import { WorkbookReadError } from '../workbook/port';",
      errors: [outward('domain', 'workbook', '../workbook/port')],
    },
    // Type-only imports count too: the domain must not even know the adapters' types.
    {
      filename: src('domain/x.ts'),
      code: "import type { WorkbookReader } from '../workbook/port';",
      errors: [outward('domain', 'workbook', '../workbook/port')],
    },
    { filename: src('domain/x.ts'), code: "export { a } from 'exceljs';", errors: [domainPackage('exceljs')] },
    { filename: src('domain/x.ts'), code: "export * from '../workbook/port';", errors: [outward('domain', 'workbook', '../workbook/port')] },
    { filename: src('domain/x.ts'), code: "const m = import('fs');", errors: [domainPackage('fs')] },
    { filename: src('domain/x.ts'), code: "const fs = require('fs');", errors: [domainPackage('fs')] },
    // TypeScript's own import forms must not slip past the rule.
    { filename: src('domain/x.ts'), code: "import fs = require('fs');", errors: [domainPackage('fs')] },
    { filename: src('domain/x.ts'), code: "type Stats = import('fs').Stats;", errors: [domainPackage('fs')] },
    // Leaving src/ from the domain is importing from outside it.
    { filename: src('domain/x.ts'), code: "import pkg from '../../package.json';", errors: [domainPackage('../../package.json')] },
    {
      filename: src('workbook/file/a.ts'),
      code: "import { App } from '../../taskpane/App';",
      errors: [outward('workbook', 'taskpane', '../../taskpane/App')],
    },
    {
      filename: src('workbook/port.ts'),
      code: "import { main } from '../cli/review';",
      errors: [outward('workbook', 'cli', '../cli/review')],
    },
    { filename: src('cli/x.ts'), code: "import { App } from '../taskpane/App';", errors: [outward('cli', 'taskpane', '../taskpane/App')] },
    { filename: src('taskpane/x.ts'), code: "import { main } from '../cli/review';", errors: [outward('taskpane', 'cli', '../cli/review')] },
  ],
});

/** One snippet to lint with the real project config. */
interface LintCase {
  code: string;
  /** Relative to the repository root; the file need not exist. */
  file: string;
}

/**
 * Lint snippets with the project's eslint.config.mjs through the ESLint class, in a child process:
 * the config is ESM, and Jest's VM refuses the dynamic import ESLint uses to load it
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
 */
function lintWithProjectConfig(cases: LintCase[]): { ruleId: string | null; message: string }[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    (async () => {
      const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: 'eslint.config.mjs' });
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.code, { filePath: path.resolve(c.file) });
        out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const stdout = execFileSync(process.execPath, ['-e', script], {
    cwd: repoRoot,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

describe('the project ESLint config', () => {
  const excelRun = 'export async function f(): Promise<void> {\n  await Excel.run(async (context) => context.sync());\n}\n';
  let results: { ruleId: string | null; message: string }[][];

  beforeAll(() => {
    results = lintWithProjectConfig([
      { file: 'src/taskpane/x.ts', code: excelRun },
      { file: 'src/workbook/office/x.ts', code: excelRun },
      { file: 'src/domain/x.ts', code: "import ExcelJS from 'exceljs';\nexport const wb = new ExcelJS.Workbook();\n" },
      { file: 'src/workbook/file/x.ts', code: "import ExcelJS from 'exceljs';\nexport const wb = new ExcelJS.Workbook();\n" },
    ]);
  }, 60_000);

  it('reports Excel.run outside src/workbook/office/', () => {
    expect(results[0]).toEqual([
      expect.objectContaining({ ruleId: 'no-restricted-syntax', message: expect.stringContaining('src/workbook/office/') }),
    ]);
  });

  it('allows Excel.run inside src/workbook/office/', () => {
    expect(results[1]).toEqual([]);
  });

  it('reports a package import in the domain through local/layers', () => {
    expect(results[2]).toEqual([expect.objectContaining({ ruleId: 'local/layers', message: expect.stringContaining('exceljs') })]);
  });

  it('lets the file adapter use ExcelJS', () => {
    expect(results[3]).toEqual([]);
  });
});
