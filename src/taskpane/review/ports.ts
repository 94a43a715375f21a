/**
 * What the review screen needs from where the workbook lives: inside Excel (the Office adapter)
 * or in the browser's memory (the standalone page). Components get one through props, never
 * Office.js directly.
 */
import type { Finding, ReviewReport } from '../../domain/report';
import type { ReviewInput, SubmittedFile } from '../../domain/review';
import type { CopiedSheet } from '../../workbook/layout/types';
import { chineseMessage } from './chineseErrors';

/** What the review needs besides the files. */
export type ReviewOptions = Omit<ReviewInput, 'files'>;

/** A file the reviewer picked or dropped. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AddFilesResult {
  /** What to tell the reviewer on success, in Chinese. */
  message: string;
  /** Files that were not taken, each with a Chinese reason naming it. */
  problems: string[];
  /** What the reviewer should know about files that were taken (e.g. imported as values only). */
  notes?: string[];
}

export interface ReviewSource {
  files: SubmittedFile[];
}

export interface ReviewPort {
  kind: 'excel' | 'standalone';
  /** Import (Excel) or keep (standalone) the picked files. */
  addFiles(files: PickedFile[]): Promise<AddFilesResult>;
  /** The files the standalone page holds (empty inside Excel, where the workbook is reviewed). */
  fileNames(): string[];
  /** Forget the picked files (standalone). */
  clearFiles?(): void;
  /** Read the submission. */
  read(): Promise<ReviewSource>;
  /**
   * Read and review in one step, off the page's thread (standalone page); when absent, the screen
   * reviews what {@link read} returns itself.
   */
  review?(options: ReviewOptions, onStage?: (stage: 'check') => void): Promise<ReviewReport>;
  /** Write the review sheets (Excel) or download the review workbook (standalone); returns a message. */
  writeReview(report: ReviewReport): Promise<string>;
  /** Remove the highlights (Excel only). */
  clearMarks?(): Promise<string>;
  /** Select a finding's cell (Excel only); false when the finding has no cell in this workbook. */
  select?(finding: Finding): Promise<boolean>;
  /** Whether a finding can be selected. */
  canSelect?(finding: Finding): boolean;
  /**
   * Merge several reviewers' copies of one platform's review workbook into a 合议表 written into
   * the open workbook (Excel only); returns what to tell the reviewer. Throws a Chinese message for
   * copies that cannot be merged.
   */
  mergeReviews?(files: PickedFile[]): Promise<string>;
  /** Where each submitted sheet is in the workbook (Excel), for the findings in the 问题清单's order. */
  copiedSheets?(): readonly CopiedSheet[];
}

/** Base64 of bytes, in pieces so big files do not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** A Chinese message for whatever was thrown: English details (a zip library's, Office's) in Chinese. */
export function messageOf(error: unknown): string {
  return chineseMessage(error instanceof Error ? error.message : String(error));
}
