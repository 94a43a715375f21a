// The documented commands run built JavaScript (bin/ → build/cli/, made by scripts/build-cli.js):
// they must be the same program as the sources the other tests exercise.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { runReview } from '../../src/cli/review';
import { USAGE } from '../../src/cli/args';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples', '星河中小企业公共服务平台');

function run(bin: string, args: string[]): { stdout: string; status: number } {
  try {
    return { stdout: execFileSync(process.execPath, [path.join(ROOT, 'bin', bin), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), status: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { stdout: err.stdout, status: err.status };
  }
}

test('bin/review.js --help prints the usage and exits 0', () => {
  const { stdout, status } = run('review.js', ['--help']);
  expect(status).toBe(0);
  expect(stdout.trim()).toBe(USAGE.trim());
});

test('bin/review.js gives the same JSON report as the sources, on the sample', async () => {
  const built = run('review.js', [SAMPLE, '--category', '技术创新', '--json', '-']);
  expect(built.status).toBe(0);
  const out: string[] = [];
  expect(await runReview([SAMPLE, '--category', '技术创新', '--json', '-'], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
  expect(JSON.parse(built.stdout)).toEqual(JSON.parse(out.join('\n')));
}, 60_000);

test('bin/classify.js classifies as documented', () => {
  const { stdout, status } = run('classify.js', ['--industry', '工业', '--employees', '300', '--revenue', '2000']);
  expect(status).toBe(0);
  expect(stdout.split('\n')[0]).toBe('中型');
});
