/**
 * One batch worker: reviews the platforms it is handed, one at a time, and posts each result back.
 * Told to hold them (a batch with checks across platforms), it keeps each reviewed platform until
 * told to write it, with the findings the checks across platforms raised.
 */
import { parentPort } from 'node:worker_threads';
import { emptyResult, fromHold, isReviewed, reviewPlatformFolder, reviewStage, reviewedResult, toHold, writeStage, type HeldPlatform } from './platformReview';
import type { WorkerMessage } from './batchMessages';

const held = new Map<number, HeldPlatform>();

parentPort?.on('message', async (m: WorkerMessage | null) => {
  if (m === null) {
    parentPort?.close();
    return;
  }
  if (m.kind === 'write') {
    const r = held.get(m.id);
    held.delete(m.id);
    parentPort?.postMessage(r ? await writeStage(fromHold(r), m.findings) : emptyResult(m.folder, '审核中断：工作线程中没有该平台的审核结果'));
    return;
  }
  if (!m.hold) {
    parentPort?.postMessage(await reviewPlatformFolder(m.job, m.findings));
    return;
  }
  const r = await reviewStage(m.job, true);
  if (isReviewed(r)) {
    held.set(m.id, toHold(r));
    parentPort?.postMessage(reviewedResult(r));
  } else parentPort?.postMessage(r);
});
