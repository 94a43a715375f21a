#!/usr/bin/env node
// `npm run review` and the `sme-review` command: the built command line (scripts/build-cli.js).
'use strict';
require('../scripts/build-cli.js').ensureBuilt();
require('../build/cli/review.js')
  .runReview(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
