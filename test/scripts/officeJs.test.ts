// webpack.config.js: where taskpane.html gets office.js. By default Microsoft's CDN, as today;
// OFFICE_JS=local copies the files office.js loads at run time from @microsoft/office-js.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

interface OfficeJsSource {
  src: string;
  scriptSrc: string;
  copy: { from: string; to: string; filter?: (file: string) => boolean }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as {
  officeJsSource(value?: string): OfficeJsSource;
  isOfficeJsRuntimeFile(rel: string): boolean;
  OFFICE_JS_PACKAGE_DIST: string;
};

/** Every file of the package's dist/, relative, with forward slashes. */
function packageFiles(dir = config.OFFICE_JS_PACKAGE_DIST, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? packageFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

test('by default (and with OFFICE_JS=cdn) office.js comes from the CDN and nothing is copied', () => {
  for (const value of [undefined, '', 'cdn', 'CDN']) {
    expect(config.officeJsSource(value)).toEqual({
      src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      scriptSrc: "'self' https://appsforoffice.microsoft.com",
      copy: [],
    });
  }
});

test('OFFICE_JS=local: office-js/office.js under script-src \'self\' only', () => {
  const local = config.officeJsSource('local');
  expect(local.src).toBe('office-js/office.js');
  expect(local.scriptSrc).toBe("'self'");
  expect(local.copy.every((p) => p.to.startsWith('office-js/'))).toBe(true);
});

test('any other OFFICE_JS value is refused in Chinese', () => {
  expect(() => config.officeJsSource('unpkg')).toThrow(/OFFICE_JS 只能是 cdn（默认，微软 CDN）或 local/);
});

test('the copied files are those office.js loads in Excel, and no .debug.js or other app', () => {
  const all = packageFiles();
  const copied = all.filter((f) => config.isOfficeJsRuntimeFile(f));
  // The Excel host file for each platform in office.js's own version map.
  const officeJs = readFileSync(path.join(config.OFFICE_JS_PACKAGE_DIST, 'office.js'), 'utf8');
  const map = /HostSpecificFileVersionMap=\{.*?excel:\{([^}]*)\}/.exec(officeJs);
  expect(map).not.toBeNull();
  const hostFiles = [...(map?.[1] ?? '').matchAll(/(\w+):"([\d.]+)"/g)].map((m) => `excel-${m[1]}-${m[2]}.js`);
  expect(hostFiles).toEqual(expect.arrayContaining(['excel-win32-16.01.js', 'excel-mac-16.00.js', 'excel-web-16.00.js']));
  expect(copied).toEqual(
    expect.arrayContaining([
      'office.js',
      ...hostFiles,
      'o15apptofilemappingtable.js',
      'zh-cn/office_strings.js',
      'en-us/office_strings.js',
      'telemetry/oteljs_agave.js',
      'ariatelemetry/aria-web-telemetry.js',
      'webauth/webauth.browserauth.js',
      'agaveerrorux/index.html',
    ]),
  );
  // Every locale folder's strings.
  const locales = all.filter((f) => /^[a-z0-9-]+\/office_strings\.js$/.test(f));
  expect(locales.length).toBeGreaterThan(100);
  expect(copied).toEqual(expect.arrayContaining(locales));
  expect(copied.filter((f) => /\.debug\.js$|vsdoc|\.d\.ts$|outlook_strings/.test(f))).toEqual([]);
  expect(copied.filter((f) => /^(word|outlook|powerpoint|onenote|project|access|visio)/.test(f))).toEqual([]);
});
