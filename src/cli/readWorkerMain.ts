/**
 * One reading thread of a single review (parallelRead.ts): reads the files it is handed with the
 * same reader as the main thread, and posts each one's grids back packed (gridPacket.ts).
 */
import { parentPort } from 'node:worker_threads';
import { packGrids } from '../workbook/file/gridPacket';
import { readSubmissionFile, type ListedFile } from '../workbook/file/submissionFiles';
import type { ReadReply } from './parallelRead';

parentPort?.once('message', async (jobs: { index: number; entry: ListedFile }[]) => {
  for (const { index, entry } of jobs) {
    const read = await readSubmissionFile(entry);
    let reply: ReadReply;
    let transfer: ArrayBuffer[] = [];
    if (read.error !== undefined) reply = { index, error: read.error };
    else {
      const packing = packGrids(read.grids ?? []);
      if (packing) {
        reply = { index, packed: packing.packed };
        transfer = packing.transfer;
      } else reply = { index, grids: read.grids ?? [] };
    }
    parentPort?.postMessage(reply, transfer);
  }
  parentPort?.close();
});
