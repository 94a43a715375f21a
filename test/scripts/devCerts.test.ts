// scripts/dev-certs.js: `npm start` serves https://localhost:3000 with the certificate `npm run certs`
// (office-addin-dev-certs) installed when it is there, else with webpack-dev-server's own. Each test
// has a temporary home folder (given as `home`, or as HOME to a child Node process, since Jest's
// process.env does not reach os.homedir()); the certificates are made by office-addin-dev-certs'
// own generator, which writes files only (it installs nothing).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

type Server = 'https' | { type: 'https'; options: { cert: Buffer; key: Buffer; ca: Buffer } };
/* eslint-disable @typescript-eslint/no-require-imports */
const { devServerHttps, devCertPaths } = require('../../scripts/dev-certs.js') as {
  devServerHttps(options?: { home?: string; now?: Date }): { server: Server; source: string; note: string };
  devCertPaths(home?: string): { dir: string; cert: string; key: string; ca: string };
};
const { generateCertificates } = require('office-addin-dev-certs/lib/generate') as {
  generateCertificates(ca: string, cert: string, key: string, days: number): Promise<void>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const made: string[] = [];
function tempHome(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dev-certs-home-'));
  made.push(dir);
  return dir;
}

/** A set of certificates as `npm run certs` leaves them, made once. */
let generated: { cert: string; key: string; ca: string };
/** A second set, to mismatch a key. */
let other: { cert: string; key: string; ca: string };
const ROOT = path.resolve(__dirname, '../..');

/** Runs `code` in a Node process whose HOME is `home`, in the repository; returns its JSON output. */
function withHome(home: string, code: string): unknown {
  const out = execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify((() => { ${code} })()))`], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, USERPROFILE: home },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

beforeAll(async () => {
  for (const target of ['first', 'second']) {
    const dir = path.join(tempHome(), target);
    const files = { cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key'), ca: path.join(dir, 'ca.crt') };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await generateCertificates(files.ca, files.cert, files.key, 30);
    log.mockRestore();
    if (target === 'first') generated = files;
    else other = files;
  }
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Puts the given files into home's ~/.office-addin-dev-certs/. */
function install(home: string, files: Partial<Record<'cert' | 'key' | 'ca', string>>): void {
  const paths = devCertPaths(home);
  mkdirSync(paths.dir, { recursive: true });
  for (const [name, from] of Object.entries(files) as ['cert' | 'key' | 'ca', string][]) copyFileSync(from, paths[name]);
}

test("the folder is office-addin-dev-certs' own default, under the user's home", () => {
  const home = tempHome();
  const paths = withHome(
    home,
    `const d = require('office-addin-dev-certs/lib/defaults');
     return { mine: require('./scripts/dev-certs.js').devCertPaths(), theirs: { dir: d.certificateDirectory, cert: d.localhostCertificatePath, key: d.localhostKeyPath, ca: d.caCertificatePath } };`,
  ) as { mine: unknown; theirs: unknown };
  expect(paths.mine).toEqual(paths.theirs);
  expect(paths.mine).toEqual(devCertPaths(home));
  expect(devCertPaths(home).dir).toBe(path.join(home, '.office-addin-dev-certs'));
});

test('no certificate: the dev server keeps its own self-signed one', () => {
  const result = devServerHttps({ home: tempHome() });
  expect(result.server).toBe('https');
  expect(result.source).toBe('self-signed');
  expect(result.note).toContain('npm run certs');
});

test('the certificate from npm run certs: served with its key and CA, read from HOME', () => {
  const home = tempHome();
  install(home, generated);
  expect(withHome(home, `return require('./scripts/dev-certs.js').devServerHttps().source;`)).toBe('office-addin-dev-certs');
  expect(withHome(tempHome(), `return require('./scripts/dev-certs.js').devServerHttps().source;`)).toBe('self-signed');
  const result = devServerHttps({ home });
  expect(result.source).toBe('office-addin-dev-certs');
  expect(result.server).toEqual({
    type: 'https',
    options: { cert: readFileSync(generated.cert), key: readFileSync(generated.key), ca: readFileSync(generated.ca) },
  });
  expect(result.note).toContain(path.join(home, '.office-addin-dev-certs', 'localhost.crt'));
});

test.each([
  ['only the certificate', { cert: 'cert' }, /缺少 localhost\.key、ca\.crt/],
  ['no CA', { cert: 'cert', key: 'key' }, /缺少 ca\.crt/],
] as const)('%s: falls back and says what is missing', (_name, which, note) => {
  const home = tempHome();
  install(home, Object.fromEntries(Object.entries(which).map(([k]) => [k, generated[k as 'cert' | 'key' | 'ca']])));
  const result = devServerHttps({ home });
  expect(result.server).toBe('https');
  expect(result.note).toMatch(note);
});

test('an expired certificate (office-addin-dev-certs makes them for 30 days) falls back and says to run npm run certs again', () => {
  const home = tempHome();
  install(home, generated);
  const result = devServerHttps({ home, now: new Date(Date.now() + 40 * 24 * 3600 * 1000) });
  expect(result.server).toBe('https');
  expect(result.note).toMatch(/已于 \d{4}-\d{2}-\d{2} 过期（请重新运行 npm run certs）/);
});

test('a key that does not belong to the certificate, or a file that is not a certificate, falls back', () => {
  const home = tempHome();
  install(home, { cert: generated.cert, key: other.key, ca: generated.ca });
  expect(devServerHttps({ home }).note).toMatch(/不匹配/);
  writeFileSync(devCertPaths(home).cert, 'not a certificate');
  expect(devServerHttps({ home }).note).toMatch(/不是有效的证书文件/);
});

test('webpack.config.js: `webpack serve` takes the certificate from HOME, else its own; a build never reads HOME', () => {
  const home = tempHome();
  install(home, generated);
  const server = (env: string) =>
    withHome(
      home,
      `const s = require('./webpack.config.js')(${env}, { mode: 'development' }).devServer.server;
       return typeof s === 'string' ? s : { type: s.type, cert: s.options.cert.toString('utf8') };`,
    );
  expect(server('{ WEBPACK_SERVE: true }')).toEqual({ type: 'https', cert: readFileSync(generated.cert, 'utf8') });
  expect(server('{}')).toBe('https');
  expect(withHome(tempHome(), `return require('./webpack.config.js')({ WEBPACK_SERVE: true }, { mode: 'development' }).devServer.server;`)).toBe('https');
});
