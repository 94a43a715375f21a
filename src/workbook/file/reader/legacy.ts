/**
 * Formats other than SpreadsheetML, read with SheetJS Community Edition (the `@e965/xlsx` build of
 * 0.20.3, pinned exactly): Excel 97–2003 .xls (BIFF8, and the older BIFF it also reads), WPS .et,
 * and OpenDocument .ods. It is loaded only when such a file appears, so the pages' first download
 * does not carry it.
 */
import type { CellValue, SheetGrid } from '../../../domain/grid';
import { boundsReason, GridBuilder, SheetBoundsError } from './gridBuilder';
import { isDateFormat, isDateSerial, serialToDate } from './numberFormats';
import { Unreadable } from './problem';

type SheetJs = typeof import('@e965/xlsx');

let loaded: Promise<SheetJs> | undefined;

/** SheetJS, loaded once on first use. */
export function loadSheetJs(): Promise<SheetJs> {
  loaded ??= import(/* webpackChunkName: "legacy" */ '@e965/xlsx');
  return loaded;
}

const PASSWORD = '文件设有打开密码，请提交未加密的文件';

/** A legacy or OpenDocument workbook → grids (very hidden sheets left out), in tab order. */
export async function readLegacyGrids(data: Uint8Array, file: string, kind: string): Promise<SheetGrid[]> {
  const XLSX = await loadSheetJs();
  let wb: import('@e965/xlsx').WorkBook;
  // SheetJS reports what it guesses about some formats on console.error: a reviewer's terminal is
  // not the place for it, and the reader's own reasons are what they need.
  const quiet = console.error;
  console.error = () => undefined;
  try {
    wb = XLSX.read(data, { type: 'array', cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(detail)) throw new Unreadable(PASSWORD);
    // SheetJS's own words are English (and sometimes a JavaScript error): not the reviewer's to read.
    throw new Unreadable(`${kind}文件已损坏或格式不受支持，无法读取`);
  } finally {
    console.error = quiet;
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const grids: SheetGrid[] = [];
  wb.SheetNames.forEach((key, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden === 2) return;
    const ws = wb.Sheets[key];
    // A sheet with no name (an .ods table without table:name) is called as Excel would call it.
    const name = typeof key === 'string' && key !== '' ? key : `Sheet${i + 1}`;
    const cells: { r: number; c: number; value: CellValue; format: string | null }[] = [];
    for (const address of Object.keys(ws ?? {})) {
      if (address.startsWith('!')) continue;
      const cell = ws[address];
      let value: CellValue = null;
      let format: string | null = null;
      switch (cell.t) {
        case 's':
          value = typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
          break;
        case 'b':
          value = !!cell.v;
          break;
        case 'e':
          value = cell.w ?? null;
          break;
        case 'd':
          value = cell.v instanceof Date ? cell.v : null;
          break;
        case 'n': {
          if (typeof cell.v !== 'number') break;
          const z = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : null;
          if (z && isDateFormat(z) && isDateSerial(cell.v)) value = serialToDate(cell.v, date1904);
          else {
            value = cell.v;
            format = z;
          }
          break;
        }
        default:
          break;
      }
      if (value === null) continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      cells.push({ r: r + 1, c: c + 1, value, format });
    }
    cells.sort((a, b) => a.r - b.r || a.c - b.c);
    const builder = new GridBuilder(file, name);
    try {
      let row = 0;
      for (const cell of cells) {
        if (cell.r !== row) builder.startRow((row = cell.r));
        builder.add(cell.c, cell.value, cell.format);
      }
      builder.applyMerges((ws?.['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })));
    } catch (err) {
      if (err instanceof SheetBoundsError) throw new Unreadable(boundsReason(err, name));
      throw err;
    }
    grids.push(builder.build());
  });
  if (grids.length === 0) throw new Unreadable('工作簿中没有工作表');
  return grids;
}
