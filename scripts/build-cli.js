#!/usr/bin/env node
// Builds the command line into plain JavaScript (build/cli/), so that `npm run review` starts
// without compiling TypeScript: esbuild bundles each entry's own sources into one file and leaves
// the packages in node_modules to require() as usual.
//
// npm runs this on `npm ci` and `npm install` (the prepare script). bin/*.js call ensureBuilt()
// first, which rebuilds only when a source is newer than the build (after a pull or an edit).
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'cli');
const STAMP = path.join(OUT, '.built');
const ENTRIES = ['review', 'classify', 'batchWorkerMain'];
/** What the build reads: a change to any of these makes it stale. */
const INPUTS = ['src', 'rubric', 'package.json', 'scripts/build-cli.js'];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function isStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

function build() {
  const esbuild = require('esbuild');
  fs.rmSync(OUT, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, path.join(ROOT, 'src', 'cli', `${e}.ts`)])),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Packages stay in node_modules; only the project's own TypeScript is compiled.
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The batch's worker threads start from this file next to the bundle (batch.ts names it).
  fs.writeFileSync(path.join(OUT, 'batchWorker.js'), "'use strict';\nrequire('./batchWorkerMain.js');\n");
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/** Rebuild when the build is missing or older than a source. */
function ensureBuilt() {
  if (isStale()) build();
}

module.exports = { ensureBuilt, build, OUT };

if (require.main === module) {
  build();
  console.log(`命令行已构建：${path.relative(process.cwd(), OUT)}/（${ENTRIES.join('、')}）`);
}
