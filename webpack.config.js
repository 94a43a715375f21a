// Webpack build and dev server for the Excel task pane.
//   npm run build  → webpack --mode production: dist/ with taskpane.html, the bundle, assets/ and
//                    a manifest.xml whose https://localhost:3000 URLs point at the production site
//                    (package.json config.production_base_url, or env ADDIN_BASE_URL).
//   npm start      → webpack serve --mode development: https://localhost:3000 with the trusted
//                    certificate `npm run certs` installed (~/.office-addin-dev-certs/), else
//                    webpack-dev-server's own self-signed certificate (no sudo, no network).
//   OFFICE_JS=local npm run build
//                  → the same, with office.js and the scripts it loads copied from the
//                    @microsoft/office-js package into dist/office-js/ instead of Microsoft's CDN,
//                    for networks that cannot reach the CDN (script-src 'self' only).
//   npm run build -- --output-path <folder>  (webpack-cli) builds into another folder than dist/.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');
const { devServerHttps } = require('./scripts/dev-certs');

const DEV_PORT = Number(pkg.config?.dev_server_port ?? 3000);
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
const DEV_BASE_URL = `${DEV_ORIGIN}/`;

/** The production base URL (with a trailing slash): ADDIN_BASE_URL, else package.json config. */
function productionBaseUrl() {
  const raw = process.env.ADDIN_BASE_URL || pkg.config?.production_base_url;
  if (!raw) throw new Error('No production base URL: set package.json config.production_base_url or ADDIN_BASE_URL.');
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new Error(`The add-in base URL must use https: ${raw}`);
  if (url.hostname === 'localhost') throw new Error(`The production base URL may not be localhost: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Rewrites the manifest's development URLs to the production site; fails if any localhost is left. */
function productionManifest(content, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const text = content
    .toString('utf8')
    .split(DEV_BASE_URL)
    .join(baseUrl)
    // A bare origin, as in <AppDomain>, becomes the production origin.
    .split(DEV_ORIGIN)
    .join(origin);
  if (/localhost/i.test(text)) {
    throw new Error('dist/manifest.xml would still mention localhost; check manifest.xml URLs.');
  }
  return Buffer.from(text, 'utf8');
}

const SIDELOAD_HELP = `
────────────────────────────────────────────────────────────────────────
示范平台审核助手 开发服务器已就绪：${DEV_ORIGIN}/taskpane.html

在 Excel 中旁加载 manifest.xml（${path.join(__dirname, 'manifest.xml')}）：
  • Windows：把 manifest.xml 放进一个共享文件夹，在“文件 → 选项 → 信任中心 →
    信任中心设置 → 受信任的加载项目录”中添加该文件夹的网络路径并勾选“显示在菜单中”，
    重启 Excel，然后“插入 → 我的加载项 → 共享文件夹”，选择“示范平台审核助手”。
  • Mac：把 manifest.xml 复制到
    ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
    （没有 wef 文件夹就新建），重启 Excel，然后“插入 → 我的加载项”中选择本加载项。
  • Excel 网页版：打开工作簿，“插入 → 加载项 → 上传我的加载项”，选择 manifest.xml。
  首次使用前请在浏览器中打开上面的地址一次并信任自签名证书（或先运行 npm run certs，
  安装受信任的证书，再重新 npm start；当前所用证书见最后一行）。

没有 Excel 的机器：在浏览器打开 ${DEV_ORIGIN}/taskpane.html ，
接受自签名证书的安全提示后即可看到任务窗格（会提示“当前未在 Excel 中运行”）；
或打开 ${DEV_ORIGIN}/review.html 独立审核页面，点击“载入示例”即可看到完整的审核过程。

Sideload manifest.xml into Excel:
  • Windows: shared-folder catalog (Trust Center → Trusted Add-in Catalogs), then
    Insert → My Add-ins → Shared Folder.
  • Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
  • Excel on the web: Insert → Add-ins → Upload My Add-in.
Desktop Excel needs a trusted certificate: run npm run certs once, then npm start again.
Without Excel: open ${DEV_ORIGIN}/taskpane.html in a browser and accept the self-signed certificate,
or ${DEV_ORIGIN}/review.html, the standalone review page (载入示例 loads the sample).
────────────────────────────────────────────────────────────────────────
`;

/** Where the pages get office.js by default: Microsoft's CDN, which AppSource requires. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The @microsoft/office-js package's files, and the folder of dist/ they are copied to with OFFICE_JS=local. */
const OFFICE_JS_PACKAGE_DIST = path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist');
const OFFICE_JS_LOCAL_DIR = 'office-js';

/**
 * Whether a file of the package's dist/ (a path relative to it, with forward slashes) is one that
 * office.js may load at run time in Excel: office.js itself; the Excel host files it picks by host,
 * platform and version (excel-win32-16.01.js, excel-mac-16.00.js, excel-web-16.00.js, … with their
 * -core variants, and Office 2013's excel-15*.js through o15apptofilemappingtable.js); each
 * locale's office_strings.js; and the telemetry, web-authentication and error-page files the host
 * files name. Not copied: the .debug.js twins (office.js never asks for them), the other Office
 * apps' host files, Outlook's strings, IntelliSense files and custom-functions-runtime.js.
 */
function isOfficeJsRuntimeFile(rel) {
  if (/\.debug\.js$|vsdoc|\.d\.ts$/.test(rel)) return false;
  return (
    rel === 'office.js' ||
    rel === 'o15apptofilemappingtable.js' ||
    /^excel[a-z0-9.-]*\.js$/.test(rel) ||
    /^[a-z0-9-]+\/office_strings\.js$/.test(rel) ||
    /^(telemetry|ariatelemetry|webauth)\/[^/]+\.js$/.test(rel) ||
    /^agaveerrorux\//.test(rel)
  );
}

/**
 * Where taskpane.html gets office.js from: OFFICE_JS=cdn (the default) or OFFICE_JS=local.
 * @returns {{ src: string, scriptSrc: string, copy: object[] }} the script tag's src, the CSP's
 *   script-src, and the CopyWebpackPlugin patterns that put the files in dist/
 */
function officeJsSource(value = process.env.OFFICE_JS) {
  const mode = (value || 'cdn').trim().toLowerCase();
  if (mode === 'cdn') return { src: OFFICE_JS_CDN, scriptSrc: `'self' ${new URL(OFFICE_JS_CDN).origin}`, copy: [] };
  if (mode !== 'local') throw new Error(`OFFICE_JS 只能是 cdn（默认，微软 CDN）或 local（从 @microsoft/office-js 复制到 dist/${OFFICE_JS_LOCAL_DIR}/）：${value}`);
  if (!fs.existsSync(path.join(OFFICE_JS_PACKAGE_DIST, 'office.js'))) {
    throw new Error('OFFICE_JS=local 需要 @microsoft/office-js 软件包：请先运行 npm ci。');
  }
  const info = { minimized: true }; // already minified by Microsoft: Terser leaves them alone
  return {
    src: `${OFFICE_JS_LOCAL_DIR}/office.js`,
    scriptSrc: "'self'",
    copy: [
      {
        from: '**/*',
        context: OFFICE_JS_PACKAGE_DIST,
        to: `${OFFICE_JS_LOCAL_DIR}/[path][name][ext]`,
        filter: (file) => isOfficeJsRuntimeFile(path.relative(OFFICE_JS_PACKAGE_DIST, file).split(path.sep).join('/')),
        info,
      },
      // The web host files open "AgaveErrorUX/index.html" (the CDN's server ignores case; many do not).
      { from: 'agaveerrorux', context: OFFICE_JS_PACKAGE_DIST, to: `${OFFICE_JS_LOCAL_DIR}/AgaveErrorUX`, info },
      { from: path.join(OFFICE_JS_PACKAGE_DIST, '..', 'LICENSE.md'), to: `${OFFICE_JS_LOCAL_DIR}/LICENSE.md` },
    ],
  };
}

/** The ES5 bootstrap both pages load first (src/taskpane/bootstrap.js), named by its content in production. */
const BOOTSTRAP_SOURCE = path.join(__dirname, 'src', 'taskpane', 'bootstrap.js');
function bootstrapFileName(production) {
  if (!production) return 'bootstrap.js';
  const hash = crypto.createHash('sha256').update(fs.readFileSync(BOOTSTRAP_SOURCE)).digest('hex').slice(0, 8);
  return `bootstrap.${hash}.js`;
}

/** The shipped sample submission, copied next to review.html for its 载入示例 button. */
const SAMPLE_NAME = '星河中小企业公共服务平台';
const SAMPLE_DIR = path.join(__dirname, 'samples', SAMPLE_NAME);
const SAMPLE = {
  dir: `samples/${SAMPLE_NAME}`,
  files: fs.existsSync(SAMPLE_DIR) ? fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.xlsx')).sort() : [],
  platform: SAMPLE_NAME,
  category: '技术创新',
};

/** Most initial JavaScript (gzipped) the task pane may load before it can show anything. */
const INITIAL_JS_LIMIT = 400 * 1024;

/**
 * Reports each page's initial JavaScript, gzipped, and fails the build when the task pane's is over
 * {@link INITIAL_JS_LIMIT}. ExcelJS is not part of it: it is loaded with import() when first needed.
 */
class InitialSizePlugin {
  constructor(limits) {
    this.limits = limits;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InitialSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InitialSizePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => this.report(compilation),
      );
    });
  }
  report(compilation) {
    {
      const lines = [];
      for (const [name, entry] of compilation.entrypoints) {
        const files = entry.getFiles().filter((f) => f.endsWith('.js'));
        let raw = 0;
        let gz = 0;
        for (const f of files) {
          const source = compilation.getAsset(f)?.source.buffer();
          if (!source) continue;
          raw += source.length;
          gz += zlib.gzipSync(source, { level: 9 }).length;
        }
        const limit = this.limits[name];
        lines.push(`  ${name}: ${(gz / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB) in ${files.join(', ')}${limit ? `, limit ${limit / 1024} KB` : ''}`);
        if (limit && gz > limit) {
          compilation.errors.push(new Error(`${name} 的初始 JavaScript 压缩后 ${(gz / 1024).toFixed(1)} KB，超过 ${limit / 1024} KB 上限。`));
        }
      }
      const lazy = [...compilation.chunks].filter((c) => !c.canBeInitial()).flatMap((c) => [...c.files].filter((f) => f.endsWith('.js')));
      console.log(`Initial JavaScript per page:\n${lines.join('\n')}\n  loaded on demand: ${lazy.join(', ') || '(none)'}`);
    }
  }
}

module.exports = (env, argv) => {
  const mode = argv.mode === 'production' ? 'production' : 'development';
  const production = mode === 'production';
  const baseUrl = production ? productionBaseUrl() : DEV_BASE_URL;
  const officeJs = officeJsSource();
  const bootstrap = bootstrapFileName(production);
  const connectSrc = production ? "'self'" : `'self' wss://localhost:${DEV_PORT} ws://localhost:${DEV_PORT}`;
  // Only `webpack serve` reads the certificate; a build never looks at the home folder.
  const https = env?.WEBPACK_SERVE ? devServerHttps() : { server: 'https', note: '' };

  return {
    mode,
    target: 'web',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      review: './src/taskpane/standalone.tsx',
      // review.html's Web Worker: a fixed name (the page starts it by name), chunks loaded with importScripts.
      'review-worker': { import: './src/taskpane/review/reviewWorker.ts', filename: 'review-worker.js', chunkLoading: 'import-scripts' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules let webpack tree-shake Fluent UI; tsconfig.json says commonjs for Node.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // The bootstrap adds the bundle's scripts itself (data-scripts), after checking the webview.
        inject: false,
        templateParameters: {
          // The dev server's live-reload websocket needs a connect-src of its own.
          connectSrc,
          officeJsSrc: officeJs.src,
          scriptSrc: officeJs.scriptSrc,
          bootstrapSrc: bootstrap,
        },
      }),
      new HtmlWebpackPlugin({
        filename: 'review.html',
        template: './src/taskpane/review.html',
        chunks: ['review'],
        inject: false,
        templateParameters: { connectSrc, bootstrapSrc: bootstrap },
      }),
      new webpack.DefinePlugin({ __SAMPLE__: JSON.stringify(SAMPLE) }),
      // The limit holds for the production build; development bundles are unminified.
      new InitialSizePlugin(production ? { taskpane: INITIAL_JS_LIMIT } : {}),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Browsers ask for /favicon.ico on every page: the add-in's own icon, not a 404.
          { from: 'assets/favicon.ico', to: 'favicon.ico' },
          { from: SAMPLE_DIR, to: SAMPLE.dir, noErrorOnMissing: true },
          // ES5 as written: Terser (which may emit newer syntax) leaves it alone.
          { from: BOOTSTRAP_SOURCE, to: bootstrap, info: { minimized: true } },
          ...officeJs.copy,
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: production ? (content) => productionManifest(content, baseUrl) : undefined,
          },
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // React + Fluent UI v9 minified; office.js is not bundled. ExcelJS (~1 MB) is a lazy chunk,
      // counted by InitialSizePlugin's report but not by the pages' initial size.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 2 * 1024 * 1024,
      // office.js's own files (OFFICE_JS=local) are Microsoft's, loaded only by Office.
      assetFilter: (name) => !name.startsWith(`${OFFICE_JS_LOCAL_DIR}/`) && !name.endsWith('.map'),
    },
    devServer: {
      // ~/.office-addin-dev-certs/ from `npm run certs` when present, else the dev server's own.
      server: https.server,
      host: 'localhost',
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      open: false,
      static: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false } },
      onListening(devServer) {
        devServer.middleware.waitUntilValid(() => {
          console.log(SIDELOAD_HELP);
          console.log(`证书 / certificate: ${https.note}\n`);
        });
      },
    },
  };
};

module.exports.productionManifest = productionManifest;
module.exports.productionBaseUrl = productionBaseUrl;
module.exports.INITIAL_JS_LIMIT = INITIAL_JS_LIMIT;
module.exports.officeJsSource = officeJsSource;
module.exports.isOfficeJsRuntimeFile = isOfficeJsRuntimeFile;
module.exports.OFFICE_JS_PACKAGE_DIST = OFFICE_JS_PACKAGE_DIST;
