/** The shipped sample submission, read with the one reader and reviewed, for the pane's tests. */
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import type { ReviewReport } from '../../src/domain/report';
import { reviewSubmission, type SubmittedFile } from '../../src/domain/review';
import { readWorkbook } from '../../src/workbook/file/reader';
import { DEFAULT_RUBRIC } from '../../src/workbook/layout/rubric';

export const SAMPLE_DIR = path.join(__dirname, '../../samples/星河中小企业公共服务平台');

export function sampleFiles(): { name: string; bytes: Uint8Array }[] {
  return readdirSync(SAMPLE_DIR)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SAMPLE_DIR, name))) }));
}

/** The sample reviewed as 技术创新 under the example rubric (its verdict is 待定). */
export async function sampleReport(): Promise<ReviewReport> {
  const files: SubmittedFile[] = [];
  for (const f of sampleFiles()) {
    try {
      files.push({ file: f.name, grids: await readWorkbook(f.bytes, f.name) });
    } catch (e) {
      files.push({ file: f.name, error: (e as Error).message });
    }
  }
  return reviewSubmission({ files, platform: { name: '星河中小企业公共服务平台', category: '技术创新' }, rubric: DEFAULT_RUBRIC });
}
