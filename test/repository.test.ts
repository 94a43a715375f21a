// The repository stands alone: a clone with nothing beside it must build, test and read its docs.
// So no tracked file may point outside it, at the shared folder a development machine happens to have beside it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..');
// Spelt in two pieces so that this file does not match itself.
const OUTSIDE = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

const files = trackedFiles();

test('the repository is a git checkout with its files tracked', () => {
  expect(files.length).toBeGreaterThan(100);
  expect(files).toContain('package.json');
});

test('no tracked file refers to the shared folder beside the checkout', () => {
  const offenders = files.filter((f) => !f.endsWith('.xlsx') && !f.endsWith('.png') && readFileSync(path.join(REPO, f), 'latin1').includes(OUTSIDE));
  expect(offenders).toEqual([]);
});

test('what the tests, scripts and docs read is in the repository', () => {
  for (const f of [
    'docs/guide/2024年度绩效评价申报指南.txt',
    'docs/reference.md',
    'schema/office-manifest/OfficeAppManifestV1_1.xsd',
    'schema/office-manifest/TaskPaneAppVersionOverridesV1_0.xsd',
    'schema/office-manifest/README.md',
  ]) {
    expect(files).toContain(f);
  }
});
