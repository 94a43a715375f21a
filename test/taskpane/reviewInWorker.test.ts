import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { reviewSubmission } from '../../src/domain/review';
import { readWorkbook } from '../../src/workbook/file/reader';
import { handleReviewRequest, reviewInWorker, type ReviewRequest, type ReviewResponse, type WorkerLike } from '../../src/taskpane/review/reviewInWorker';

const SAMPLE = path.resolve(__dirname, '../../samples/星河中小企业公共服务平台');
const files = readdirSync(SAMPLE)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SAMPLE, name))) }));
const options = { platform: { name: '星河中小企业公共服务平台', category: '技术创新' }, year: 2024 };

/** A worker that runs the worker's side in this thread, through a structured clone as postMessage does. */
function fakeWorker(): WorkerLike & { posted: ReviewRequest[] } {
  const listeners: ((event: { data: ReviewResponse }) => void)[] = [];
  return {
    posted: [],
    postMessage(message) {
      this.posted.push(message);
      void handleReviewRequest(structuredClone(message), (response) => listeners.forEach((l) => l({ data: structuredClone(response) })));
    },
    addEventListener(type: string, listener: unknown) {
      if (type === 'message') listeners.push(listener as (event: { data: ReviewResponse }) => void);
    },
  };
}

test('the worker’s review is the same report as reading and reviewing on the page’s thread, with the check stage reported', async () => {
  const worker = fakeWorker();
  const review = reviewInWorker(() => worker);
  const stages: string[] = [];
  const report = await review(files, options, (s) => stages.push(s));
  const submitted = [];
  for (const f of files) {
    try {
      submitted.push({ file: f.name, grids: await readWorkbook(f.bytes, f.name) });
    } catch (e) {
      submitted.push({ file: f.name, error: (e as Error).message });
    }
  }
  expect(report).toEqual(reviewSubmission({ ...options, files: submitted }));
  expect(stages).toEqual(['check']);
  expect(report.findings.some((f) => f.check === 'file-unreadable' && f.file === '损坏的附件.xlsx')).toBe(true);
  // One worker serves every review.
  await review(files.slice(0, 2), options);
  expect(worker.posted.map((p) => p.id)).toEqual([1, 2]);
});

test('a worker that fails rejects the review with a Chinese reason, and the next review starts a new worker', async () => {
  let made = 0;
  const review = reviewInWorker(() => {
    made++;
    let onError: ((e: { message?: string }) => void) | undefined;
    return {
      postMessage() {
        setTimeout(() => onError?.({ message: 'out of memory' }), 0);
      },
      addEventListener(type: string, listener: unknown) {
        if (type === 'error') onError = listener as (e: { message?: string }) => void;
      },
    };
  });
  await expect(review(files, options)).rejects.toThrow(/^审核未完成：后台读取出错（文件内容过大，超出可处理的范围）$/);
  await expect(review(files, options)).rejects.toThrow(/审核未完成/);
  expect(made).toBe(2);
});
