// Worker-thread entry of the batch review. The CLI runs under tsx, whose loader a worker does not
// inherit, so this plain file registers it before loading the TypeScript worker.
'use strict';
require('tsx/cjs/api').register();
require('./batchWorkerMain.ts');
