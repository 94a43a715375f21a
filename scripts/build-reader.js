// Bundles the one file reader (src/workbook/file/reader/) alone into one CommonJS file, as the
// command line's build bundles it: esbuild, Node 20, the project's own TypeScript compiled and the
// packages left to require() from node_modules (so the file must lie inside the project). For
// `npm run bench` (build/bench/reader.js) and `npm run fuzz` (build/fuzz/reader.js). Written through
// a temporary file and renamed, so that a process reading it never sees half of it.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** Bundles the reader into `outfile` and returns it. */
function buildReader(outfile) {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp.js`;
  require('esbuild').buildSync({
    entryPoints: [path.join(ROOT, 'src', 'workbook', 'file', 'reader', 'index.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  fs.renameSync(tmp, outfile);
  return outfile;
}

module.exports = { buildReader };
