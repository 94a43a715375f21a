/**
 * What the in-memory Excel (../memoryExcel.ts) enforces as real Excel does: the requirement set
 * each API the Office adapter uses belongs to, and the size limits of one `context.sync()`.
 * Self-contained (no imports): it is bundled for the browser with the fake.
 *
 * Sources:
 * - Requirement sets: the `[Api set: ExcelApi 1.x]` remarks of @types/office-js 1.0.612 (generated
 *   from the API reference at learn.microsoft.com/javascript/api/excel) and the "What's new in
 *   Excel JavaScript API 1.x" pages (learn.microsoft.com/javascript/api/requirement-sets/excel/).
 * - Limits: "Resource limits and performance optimization for Office Add-ins", section "Excel
 *   add-ins" (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization):
 *   Excel on the web refuses requests and responses over 5 MB; a range read is limited to
 *   5,000,000 cells. Error codes from "Error handling with the application-specific JavaScript
 *   APIs" (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */

/** A version of the ExcelApi requirement set. */
export type ExcelApiVersion =
  | '1.1' | '1.2' | '1.3' | '1.4' | '1.5' | '1.6' | '1.7' | '1.8' | '1.9' | '1.10'
  | '1.11' | '1.12' | '1.13' | '1.14' | '1.15' | '1.16' | '1.17' | '1.18' | '1.19' | '1.20';

/** Not in any numbered ExcelApi set yet: needs the preview (beta) office.js. */
export const PREVIEW = 'preview';

/**
 * The ExcelApi minor version (1.x → x) each API belongs to, keyed `Class.member`; `Class.*` covers
 * every member of a class not listed on its own. Setters that came later than the getter have
 * their own key (`Application.calculationMode=`). Every API the fake models must appear here (the
 * fake throws on an unknown key), so this table is the one place to check.
 */
export const API_VERSIONS: Readonly<Record<string, number | typeof PREVIEW>> = {
  // ExcelApi 1.1: the first set.
  'Workbook.load': 1,
  'Workbook.application': 1,
  'WorksheetCollection.load': 1,
  'WorksheetCollection.getItem': 1,
  'WorksheetCollection.getActiveWorksheet': 1,
  'WorksheetCollection.add': 1,
  'Worksheet.load': 1,
  'Worksheet.name': 1,
  'Worksheet.id': 1,
  'Worksheet.visibility': 1,
  'Worksheet.position': 1,
  'Worksheet.delete': 1,
  'Worksheet.activate': 1,
  'Worksheet.getRange': 1,
  'Range.load': 1,
  'Range.values': 1,
  'Range.formulas': 1,
  'Range.numberFormat': 1,
  'Range.select': 1,
  'Range.clear': 1,
  'Range.insert': 1,
  'Range.getEntireColumn': 1,
  'Range.getEntireRow': 1,
  'RangeFormat.*': 1,
  'RangeFill.*': 1,
  'RangeFont.*': 1,
  'RangeBorder.*': 1,
  'Application.load': 1,
  'Application.calculationMode': 1,
  'Application.calculate': 1,
  // ExcelApi 1.2
  'Worksheet.getUsedRange': 2,
  'Worksheet.protection': 2,
  'WorksheetProtection.load': 2,
  'WorksheetProtection.protected': 2,
  'WorksheetProtection.protect': 2,
  'Range.merge': 2,
  'Range.unmerge': 2,
  'Range.columnHidden': 2,
  'RangeFormat.columnWidth': 2,
  'RangeFormat.rowHeight': 2,
  // ExcelApi 1.4
  'Worksheet.getUsedRangeOrNullObject': 4,
  'WorksheetCollection.getItemOrNullObject': 4,
  // ExcelApi 1.6: conditional formatting.
  'Range.conditionalFormats': 6,
  'ConditionalFormatCollection.*': 6,
  'ConditionalFormat.*': 6,
  'Application.suspendApiCalculationUntilNextSync': 6,
  // ExcelApi 1.7
  'Worksheet.getRangeByIndexes': 7,
  'Worksheet.freezePanes': 7,
  'Worksheet.tabColor': 7,
  'WorksheetProtection.unprotect': 7,
  'Range.hyperlink': 7,
  'Workbook.properties': 7,
  // ExcelApi 1.2: worksheet functions (only DATE is modelled).
  'Functions.date': 2,
  'FunctionResult.load': 2,
  // ExcelApi 1.8
  'Range.dataValidation': 8,
  'Application.calculationMode=': 8,
  // ExcelApi 1.9
  'Worksheet.getRanges': 9,
  'RangeAreas.*': 9,
  'Worksheet.autoFilter': 9,
  'Worksheet.pageLayout': 9,
  'Worksheet.horizontalPageBreaks': 9,
  'Range.getCellProperties': 9,
  'RangeFill.pattern': 9,
  // ExcelApi 1.11 (Excel.RunOptions; recorded, never refused: see MemoryExcel.runOptions).
  'RunOptions.delayForCellEdit': 11,
  // ExcelApi 1.13
  'Workbook.insertWorksheetsFromBase64': 13,
  // Preview only: listed among the preview APIs and absent from the release typings.
  'Workbook.use1904DateSystem': PREVIEW,
};

/** The minor version an API needs, by `Class.member` or its `Class.*`. */
export function apiVersion(key: string): number | typeof PREVIEW {
  const exact = API_VERSIONS[key];
  if (exact !== undefined) return exact;
  const wildcard = API_VERSIONS[`${key.slice(0, key.indexOf('.'))}.*`];
  if (wildcard !== undefined) return wildcard;
  throw new Error(`memoryExcel: no requirement set recorded for ${key} (add it to API_VERSIONS)`);
}

/** Whether a host at `api` (with or without preview APIs) has the API `key`. */
export function hasApi(key: string, api: ExcelApiVersion, preview: boolean): boolean {
  const needed = apiVersion(key);
  if (needed === PREVIEW) return preview;
  return needed <= minor(api);
}

function minor(version: string): number {
  const [major, minorPart] = version.split('.').map(Number);
  return major === 1 && Number.isInteger(minorPart) ? minorPart : Number.NaN;
}

/** `Office.context.requirements.isSetSupported` for a host at `api`. */
export function setSupported(api: ExcelApiVersion, name: string, version?: string): boolean {
  if (name !== 'ExcelApi') return false;
  const wanted = minor(version ?? '1.1');
  return Number.isInteger(wanted) && wanted <= minor(api);
}

/** Excel on the web's limit for one sync's request and for its response: 5 MB each. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Most cells one range may have for reading values, number formats, formulas or text. */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * Bytes counted for each queued command on top of its arguments: the JSON envelope Office sends
 * for one action (`{"Id":12,"ActionType":3,"Name":"Values","ObjectPathId":11,"ArgumentInfo":{"Arguments":[…]}}`
 * is about 80 bytes) or for one object path with its instantiation (`getItem`, `getRange`: about
 * 100–150 bytes). One round figure for both keeps the estimate simple; what dominates large
 * requests is the arguments.
 */
export const COMMAND_OVERHEAD_BYTES = 100;

/** UTF-8 length of a string, without allocating its encoding. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 length of a value's JSON (0 for undefined). */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Length(json);
}
