/**
 * The review port of the standalone page: files held in the browser's memory, read with the one
 * reader (loaded on first use), the review workbook built with the file writer and downloaded.
 * Nothing leaves the browser.
 */
import type { SheetGrid } from '../../domain/grid';
import type { ReviewReport } from '../../domain/report';
import { strings } from '../strings';
import { messageOf, type PickedFile, type ReviewPort } from './ports';
import type { ReviewFiles } from './reviewInWorker';

/** Saves bytes as a download; replaced in tests. */
export type Download = (name: string, bytes: Uint8Array) => void;

export const browserDownload: Download = (name, bytes) => {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/**
 * @param download how the review workbook reaches the reviewer
 * @param reviewFiles a review off the page's thread (review.html's Web Worker); without it the
 *   screen reads and reviews on the page's thread (tests)
 */
export function createStandalonePort(download: Download = browserDownload, reviewFiles?: ReviewFiles): ReviewPort {
  let files: PickedFile[] = [];
  /** What the reader made of each file at the last review, for the copy in the review workbook. */
  let read = new Map<string, readonly SheetGrid[]>();
  return {
    kind: 'standalone',
    fileNames: () => files.map((f) => f.name),
    clearFiles() {
      files = [];
    },
    async addFiles(picked: PickedFile[]) {
      const problems: string[] = [];
      for (const f of picked) {
        if (!/\.(xlsx|xlsm|xls|et|ods|csv)$/i.test(f.name)) {
          problems.push(strings.importProblem(f.name, '不是 Excel 文件（.xlsx、.xls、.et、.ods 或 .csv）'));
          continue;
        }
        files = [...files.filter((x) => x.name !== f.name), f];
      }
      return { message: strings.filesChosen(files.length), problems };
    },
    async read() {
      const { readWorkbook } = await import(/* webpackChunkName: "reader" */ '../../workbook/file/reader');
      const out = [];
      read = new Map();
      for (const f of files) {
        try {
          const grids = await readWorkbook(f.bytes, f.name);
          read.set(f.name, grids);
          out.push({ file: f.name, grids });
        } catch (error) {
          out.push({ file: f.name, error: messageOf(error) });
        }
      }
      return { files: out };
    },
    ...(reviewFiles
      ? {
          review(options, onStage) {
            // The worker's grids stay there: the review workbook's copy reads the files again.
            read = new Map();
            return reviewFiles(files, options, onStage);
          },
        }
      : {}),
    async writeReview(report: ReviewReport) {
      const { writeReviewWorkbook, reviewWorkbookName } = await import(/* webpackChunkName: "xlsx" */ '../../workbook/file/writeReview');
      const bytes = await writeReviewWorkbook({ report, sources: files.filter((f) => read.size === 0 || read.has(f.name)).map((f) => ({ file: f.name, data: f.bytes, grids: read.get(f.name) })) });
      const name = reviewWorkbookName(report.platform.name, files[0]?.name ?? '审核结果');
      download(name, bytes);
      return strings.downloaded(name);
    },
  };
}
