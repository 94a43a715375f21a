// Types for scripts/build-reader.js (CommonJS).
/** Bundles src/workbook/file/reader/index.ts into `outfile` (inside the project) and returns it. */
export function buildReader(outfile: string): string;
