#!/usr/bin/env node
// `npm run classify` and the `sme-classify` command: the built command line (scripts/build-cli.js).
'use strict';
require('../scripts/build-cli.js').ensureBuilt();
process.exitCode = require('../build/cli/classify.js').runClassify(process.argv.slice(2));
