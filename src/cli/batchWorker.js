// Worker-thread entry of the batch review when it runs from the TypeScript sources (the tests, tsx):
// a worker does not inherit tsx's loader, so this plain file registers it before loading the
// TypeScript worker. The built command line has its own entry (build/cli/batchWorker.js).
'use strict';
require('tsx/cjs/api').register();
require('./batchWorkerMain.ts');
