/** One batch worker: reviews the platforms it is handed, one at a time, and posts each result back. */
import { parentPort } from 'node:worker_threads';
import { reviewPlatformFolder, type PlatformJob } from './platformReview';

parentPort?.on('message', async (job: PlatformJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  parentPort?.postMessage(await reviewPlatformFolder(job));
});
