/** Which sheets are the add-in's own, by name (Excel compares sheet names without case). */
import { REVIEW_SHEETS, UNKEPT_SHEET } from '../layout/sheetNames';

/** The sheets the add-in writes (and so never reads as submitted tables). */
export const REVIEW_NAMES: readonly string[] = [...Object.values(REVIEW_SHEETS), UNKEPT_SHEET];

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
