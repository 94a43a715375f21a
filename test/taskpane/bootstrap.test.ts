// src/taskpane/bootstrap.js: the ES5 script both pages load first. It must parse as ES5 (it is the
// one script IE11 runs), load the bundle in a current webview, and in IE11 (Trident) or Edge Legacy
// (EdgeHTML) show a Chinese message instead and never add the bundle.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as acorn from 'acorn';
import { JSDOM } from 'jsdom';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = readFileSync(path.join(ROOT, 'src/taskpane/bootstrap.js'), 'utf8');

const USER_AGENTS = {
  // Office 2019 volume licence on Windows 10: the IE11 webview.
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  // Edge Legacy webview (Office 2019 retail on Windows 10 1903+ before WebView2).
  edgehtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  // WebView2 (Chromium Edge) in Microsoft 365.
  webview2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  // Excel on Mac (WKWebView).
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
};

/** Built-ins IE11 does not have; removed from the page's window to stand for it. */
const IE11_MISSING = ['Promise', 'fetch', 'Symbol', 'Proxy', 'TextDecoder', 'globalThis'];

interface Run {
  dom: JSDOM;
  /** The src of every script the bootstrap added, in order. */
  added: string[];
  message: HTMLElement | null;
  officeReadyCalls: number;
  /** A stand-in for office.js's Office 2013 logger (see quietOutsideOffice in bootstrap.js). */
  endpoint: { proxyFrame: unknown; loadProxyFrame: () => void; frames: number };
}

/** Runs the bootstrap in a page like the built taskpane.html (or review.html). */
function run(
  userAgent: string,
  { remove = [] as string[], page = 'taskpane', scripts = 'taskpane.1234abcd.js', office = true, host = null as string | null } = {},
): Run {
  const html = `<!doctype html><html lang="zh-CN"><head></head><body><div id="root"><p>old</p></div>
    <script id="sme-bootstrap" src="bootstrap.js" data-page="${page}" data-scripts="${scripts}"></script></body></html>`;
  const dom = new JSDOM(html, { url: `https://review.example.org/sme/${page}.html?_host_Info=Excel`, runScripts: 'outside-only' });
  Object.defineProperty(dom.window.navigator, 'userAgent', { value: userAgent });
  const win = dom.window as unknown as Record<string, unknown>;
  // jsdom has no fetch or TextDecoder; a current webview does.
  win.fetch = () => undefined;
  win.TextDecoder = TextDecoder;
  for (const name of remove) Reflect.deleteProperty(win, name);
  let officeReadyCalls = 0;
  if (office) {
    win.Office = {
      onReady: (callback?: (info: { host: string | null }) => void) => {
        officeReadyCalls++;
        callback?.({ host });
      },
    };
  }
  const endpoint = {
    proxyFrame: null as unknown,
    frames: 0,
    loadProxyFrame() {
      endpoint.frames++;
    },
  };
  win.OSF = { Logger: { ulsEndpoint: endpoint } };
  dom.window.eval(SOURCE);
  const added = [...dom.window.document.querySelectorAll('script')].filter((s) => s.id !== 'sme-bootstrap').map((s) => s.getAttribute('src') ?? '');
  return { dom, added, message: dom.window.document.getElementById('sme-unsupported'), officeReadyCalls, endpoint };
}

describe('bootstrap.js', () => {
  test('is ES5: acorn parses it with ecmaVersion 5 as a classic script', () => {
    expect(() => acorn.parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // The check itself rejects ES2015: the same parse fails on a let, an arrow or a template.
    for (const es2015 of ['let a = 1;', 'var f = () => 1;', 'var s = `x`;', 'var {a} = b;']) {
      expect(() => acorn.parse(es2015, { ecmaVersion: 5, sourceType: 'script' })).toThrow();
    }
  });

  test.each([
    ['a current WebView2', USER_AGENTS.webview2],
    ['Excel on Mac', USER_AGENTS.mac],
  ])('%s: no message, the bundle is added in order', (_name, ua) => {
    const { added, message, dom, officeReadyCalls } = run(ua, { scripts: 'runtime.js  taskpane.1234abcd.js' });
    expect(message).toBeNull();
    expect(added).toEqual(['runtime.js', 'taskpane.1234abcd.js']);
    expect([...dom.window.document.querySelectorAll('script')].slice(1).every((s) => s.async === false)).toBe(true);
    expect(dom.window.document.getElementById('root')?.textContent).toBe('old');
    expect(dom.window.document.documentElement.hasAttribute('data-unsupported')).toBe(false);
    expect(officeReadyCalls).toBe(1);
  });

  test("outside Office (host null), office.js's telemetry frame is never added; in Excel its logger is left alone", () => {
    const outside = run(USER_AGENTS.webview2, { host: null });
    outside.endpoint.loadProxyFrame();
    expect(outside.endpoint.frames).toBe(0);
    const inExcel = run(USER_AGENTS.webview2, { host: 'Excel' });
    inExcel.endpoint.loadProxyFrame();
    expect(inExcel.endpoint.frames).toBe(1);
  });

  test.each([
    ['IE11 (Trident), its built-ins missing', USER_AGENTS.ie11, IE11_MISSING, 'trident', /Internet Explorer 11（Trident）/],
    ['IE11 (Trident) by its user agent alone', USER_AGENTS.ie11, [], 'trident', /Internet Explorer 11（Trident）/],
    ['Edge Legacy (EdgeHTML)', USER_AGENTS.edgehtml, ['TextDecoder', 'globalThis'], 'edgehtml', /旧版 Microsoft Edge（EdgeHTML）/],
    ['an old browser with a current-looking user agent', USER_AGENTS.webview2, ['Promise', 'Symbol'], 'features', /缺少本加载项需要的功能（Promise、Symbol）/],
  ])('%s: the Chinese message replaces #root and the bundle is never added', (_name, ua, remove, reason, cause) => {
    const { added, message, dom, officeReadyCalls } = run(ua, { remove });
    expect(added).toEqual([]);
    expect(message).not.toBeNull();
    const text = message?.textContent ?? '';
    expect(text).toContain('示范平台审核助手无法在此版本的 Office 中运行');
    expect(text).toMatch(cause);
    expect(text).toContain('Windows 版和 Mac 版 Microsoft 365 或 Office 2021 及以上版本的 Excel');
    expect(text).toContain('Excel 网页版');
    expect(text).toContain('Office 2019 批量许可版（Internet Explorer 11）');
    expect(text).toContain('升级到 Microsoft 365 或 Office 2021 及以上版本');
    expect(text).toContain('https://review.example.org/sme/review.html');
    expect(message?.getAttribute('role')).toBe('alert');
    const root = dom.window.document.getElementById('root');
    expect(root?.children).toHaveLength(1);
    expect(root?.firstElementChild).toBe(message);
    expect(dom.window.document.documentElement.getAttribute('data-unsupported')).toBe(reason);
    // office.js is told the page is ready, as the bundle would.
    expect(officeReadyCalls).toBe(1);
    expect(added).toEqual([]);
  });

  test('review.html in IE11: the message asks for a current browser, and a page without office.js is fine', () => {
    const { added, message } = run(USER_AGENTS.ie11, { remove: IE11_MISSING, page: 'review', scripts: 'review.1234abcd.js', office: false });
    expect(added).toEqual([]);
    const text = message?.textContent ?? '';
    expect(text).toContain('示范平台审核助手无法在此浏览器中运行');
    expect(text).toContain('在当前版本的 Microsoft Edge、Chrome、Firefox 或 Safari 中打开本页：https://review.example.org/sme/review.html');
  });

  test.each(['taskpane.html', 'review.html'])('%s loads the bootstrap after #root, with the bundle in data-scripts, and nothing else', (page) => {
    const html = readFileSync(path.join(ROOT, 'src/taskpane', page), 'utf8');
    const scripts = [...html.matchAll(/<script\b(?:[^>"]|"[^"]*")*>/g)].map((m) => m[0]);
    const bootstrap = scripts.find((s) => s.includes('id="sme-bootstrap"'));
    expect(bootstrap).toContain('src="<%= bootstrapSrc %>"');
    expect(bootstrap).toContain(`data-scripts="<%= htmlWebpackPlugin.files.js.join(' ') %>"`);
    expect(html.indexOf('id="sme-bootstrap"')).toBeGreaterThan(html.indexOf('<div id="root">'));
    // taskpane.html also has office.js, in <head>; no other script.
    expect(scripts).toHaveLength(page === 'taskpane.html' ? 2 : 1);
  });
});
