// Worker-thread entry of a review's parallel reading when it runs from the TypeScript sources (the
// tests, tsx): a worker does not inherit tsx's loader, so this plain file registers it before
// loading the TypeScript worker. The built command line has its own entry (build/cli/readWorker.js).
'use strict';
require('tsx/cjs/api').register();
require('./readWorkerMain.ts');
