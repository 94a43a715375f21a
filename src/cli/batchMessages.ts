/** What the batch's main thread tells a worker (batchWorkerMain.ts). */
import type { Finding } from '../domain/report';
import type { PlatformJob } from './platformReview';

export type WorkerMessage =
  /** Review a platform; with `hold`, keep it reviewed and unwritten until told to write it; else write it now, with `findings` added. */
  | { kind: 'review'; id: number; job: PlatformJob; hold: boolean; findings?: readonly Finding[] }
  /** Write a held platform with the findings of the checks across platforms. */
  | { kind: 'write'; id: number; folder: string; findings: readonly Finding[] };
