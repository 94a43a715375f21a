#!/usr/bin/env node
// `npm run merge-reviews` and the `sme-merge-reviews` command: the built command line (scripts/build-cli.js).
'use strict';
require('../scripts/build-cli.js').ensureBuilt();
require('../build/cli/mergeReviews.js')
  .runMergeReviews(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
