/** Which sheets are the add-in's own, by name (Excel compares sheet names without case). */
import { WRITTEN_SHEETS } from '../layout/sheetNames';

/** The sheets the add-in writes (and so never reads as submitted tables). */
export const REVIEW_NAMES: readonly string[] = WRITTEN_SHEETS;

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
