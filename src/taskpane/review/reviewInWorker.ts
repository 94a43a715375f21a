/**
 * The standalone page's review off the page's thread: the files go to a Web Worker, which reads
 * them with the one reader and runs the review; only the report comes back. Reading and checking a
 * large submission takes seconds, and the page stays responsive meanwhile.
 *
 * The worker's side is {@link handleReviewRequest}, a plain function so that it is tested without a
 * browser; `reviewWorker.ts` wires it to the worker's messages.
 */
import type { ReviewReport } from '../../domain/report';
import type { SubmittedFile } from '../../domain/review';
import { chineseMessage } from './chineseErrors';
import { messageOf, type PickedFile, type ReviewOptions } from './ports';

export type { ReviewOptions } from './ports';

export interface ReviewRequest {
  id: number;
  files: PickedFile[];
  options: ReviewOptions;
}

export type ReviewResponse =
  | { id: number; stage: 'check' }
  | { id: number; report: ReviewReport }
  | { id: number; error: string };

/** The worker's work: read every file (a file that cannot be read is kept with its reason), then review. */
export async function handleReviewRequest(request: ReviewRequest, post: (response: ReviewResponse) => void): Promise<void> {
  try {
    const [{ readWorkbook }, { jobOf, reviewPlatform }] = await Promise.all([import('../../workbook/file/reader'), import('../../workbook/reviewPlatform')]);
    const read = async () => {
      const files: SubmittedFile[] = [];
      for (const f of request.files) {
        try {
          files.push({ file: f.name, grids: await readWorkbook(f.bytes, f.name) });
        } catch (error) {
          files.push({ file: f.name, error: messageOf(error) });
        }
      }
      return files;
    };
    const { report } = await reviewPlatform(jobOf(request.options), { read, onStage: () => post({ id: request.id, stage: 'check' }) });
    if (!report) throw new Error('未选择服务类别');
    post({ id: request.id, report });
  } catch (error) {
    post({ id: request.id, error: `审核未完成：${messageOf(error)}` });
  }
}

/** The part of a Worker this needs (a fake stands in for it in tests). */
export interface WorkerLike {
  postMessage(message: ReviewRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ReviewResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export type ReviewFiles = (files: PickedFile[], options: ReviewOptions, onStage?: (stage: 'check') => void) => Promise<ReviewReport>;

/**
 * A review function that runs in the worker `make` starts (once, on first use). The files' bytes
 * are copied to the worker, so the page keeps its own for the review workbook.
 */
export function reviewInWorker(make: () => WorkerLike): ReviewFiles {
  let worker: WorkerLike | undefined;
  let next = 1;
  const pending = new Map<number, { resolve(r: ReviewReport): void; reject(e: Error): void; onStage?: (stage: 'check') => void }>();
  const start = (): WorkerLike => {
    const w = make();
    w.addEventListener('message', ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      if ('stage' in data) p.onStage?.(data.stage);
      else if ('report' in data) {
        pending.delete(data.id);
        p.resolve(data.report);
      } else {
        pending.delete(data.id);
        p.reject(new Error(data.error));
      }
    });
    w.addEventListener('error', (event) => {
      for (const p of pending.values()) p.reject(new Error(chineseMessage(`审核未完成：后台读取出错（${event.message ?? '未知错误'}）`)));
      pending.clear();
      worker = undefined;
    });
    return w;
  };
  return (files, options, onStage) =>
    new Promise<ReviewReport>((resolve, reject) => {
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, reject, onStage });
      worker.postMessage({ id, files, options });
    });
}
