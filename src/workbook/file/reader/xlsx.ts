/**
 * SpreadsheetML (.xlsx, .xlsm, and Strict OOXML) → grids, straight from the parts: the package's
 * relationships lead to the workbook, the workbook's to its sheets, styles and shared strings,
 * whatever the parts are called and in whatever order the zip stores them.
 *
 * Values are what Excel shows a reviewer: shared and inline strings (every run, phonetic guides
 * left out, `_xHHHH_` escapes decoded), numbers, booleans, error codes, formulas as their cached
 * result, and numbers in a date format as dates (1900 or 1904 system).
 */
import type { CellValue, SheetGrid } from '../../../domain/grid';
import { a1, parseRange } from '../../../domain/grid';
import { boundsReason, GridBuilder, MAX_COLUMNS, MAX_ROWS, SheetBoundsError, shortened } from './gridBuilder';
import { builtInFormat, isDateFormat, isDateSerial, serialToDate } from './numberFormats';
import { attribute, parsePart, type Attributes } from './xml';
import { Unreadable } from './problem';
import { ZipArchive, type ZipEntry, type ZipLimits } from './zip';

interface Relationship {
  type: string;
  /** The target part's name, resolved against the source part. */
  target: string;
  external: boolean;
}

interface SheetEntry {
  name: string;
  relId: string;
  state: string;
}

/** The relationship type's last segment: same for transitional and Strict URIs. */
const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

/** A part name from a relationship target, relative to the source part's folder (or absolute). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray % is part of the name.
  }
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The rels part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
const relsPartOf = (part: string): string => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

function readRelationships(archive: ZipArchive, sourcePart: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const entry = archive.entry(relsPartOf(sourcePart));
  if (!entry) return rels;
  parsePart(archive, entry, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id) return;
      const external = a.TargetMode === 'External';
      rels.set(a.Id, { type: a.Type ?? '', target: external ? (a.Target ?? '') : resolveTarget(sourcePart, a.Target ?? ''), external });
    },
  });
  return rels;
}

/** Excel's own escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` a `_`. */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Why a zip that opened is still not a workbook we read, from the parts it has. */
function notAWorkbook(archive: ZipArchive): string {
  if (archive.entry('xl/workbook.bin')) return '是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后重新提交';
  if (archive.entry('word/document.xml')) return '是 Word 文档，不是 Excel 表格';
  if (archive.entry('ppt/presentation.xml')) return '是 PowerPoint 演示文稿，不是 Excel 表格';
  return '压缩包中没有 Excel 工作簿（缺少 workbook.xml），不是有效的 .xlsx 文件';
}

/** The workbook part: where the package's officeDocument relationship points. */
function workbookPart(archive: ZipArchive): string {
  for (const rel of readRelationships(archive, '').values()) {
    if (relKind(rel.type) === 'officeDocument' && !rel.external) {
      if (/\.bin$/i.test(rel.target)) throw new Unreadable(notAWorkbook(archive));
      if (archive.entry(rel.target)) return rel.target;
    }
  }
  if (archive.entry('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new Unreadable(notAWorkbook(archive));
}

interface Styles {
  /** Per cellXfs index: its number format code, if any, and whether it shows a date. */
  formats: { code: string | null; date: boolean }[];
}

function readStyles(archive: ZipArchive, entry: ZipEntry | undefined): Styles {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  if (entry) {
    let inCellXfs = false;
    parsePart(archive, entry, {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0) || 0);
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }
  const formats = xfIds.map((id) => {
    // Format 0 is General: no format, as a reviewer sees it.
    const code = id ? (custom.get(id) ?? builtInFormat(id) ?? null) : null;
    return { code, date: !!code && isDateFormat(code) };
  });
  return { formats };
}

/** The text of an `<si>` or `<is>`: its `<t>`, or all its runs' `<t>`, phonetic runs left out. */
class TextCollector {
  private depthPhonetic = 0;
  private inText = false;
  text = '';

  open(name: string): void {
    if (name === 'rPh') this.depthPhonetic++;
    else if (name === 't' && this.depthPhonetic === 0) this.inText = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthPhonetic--;
    else if (name === 't') this.inText = false;
  }
  chars(text: string): void {
    if (this.inText) this.text += text;
  }
  take(): string {
    const t = decodeExcelEscapes(this.text);
    this.text = '';
    this.inText = false;
    this.depthPhonetic = 0;
    return t;
  }
}

/**
 * More distinct strings than any workbook a platform submits holds (its largest tables have about a
 * million cells): 100 million empty ones fit in the 500 MB inflate limit and took 1.6 GB.
 */
const MAX_SHARED_STRINGS = 1 << 24;

function readSharedStrings(archive: ZipArchive, entry: ZipEntry | undefined): string[] {
  const strings: string[] = [];
  if (!entry) return strings;
  const collector = new TextCollector();
  let inItem = false;
  parsePart(archive, entry, {
    open(name) {
      if (name === 'si') inItem = true;
      else if (inItem) collector.open(name);
    },
    close(name) {
      if (name === 'si') {
        if (strings.length === MAX_SHARED_STRINGS) throw new Unreadable(`共享字符串表的条目超过 ${MAX_SHARED_STRINGS.toLocaleString('en-US')} 个，文件不是由电子表格软件正常保存的`);
        strings.push(collector.take());
        inItem = false;
      } else if (inItem) collector.close(name);
    },
    text(t) {
      if (inItem) collector.chars(t);
    },
  });
  return strings;
}

/**
 * A cell reference's column and row (`B12` → column 2, row 12), read as Excel writes them: letters,
 * then digits, nothing else. Anything else (`A1.5`, `A0x10`, `B1e2`) is null: no spreadsheet wrote
 * it, and reading it as a number would put the cell on a row that does not exist.
 */
const cellRef = { column: 0, row: 0 };
function parseCellRef(ref: string): typeof cellRef | null {
  let i = 0;
  let column = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper-case an ASCII letter
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const digit = ref.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  // One object reused: this runs for every cell.
  cellRef.column = column;
  cellRef.row = row;
  return cellRef;
}

/** A row number as written in `<row r>`: digits, with the spaces XML Schema allows around them; else NaN. */
function rowNumber(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/**
 * A cell's value from its type and text, for every type but a number (`undefined`): a shared or
 * inline string, a formula's text result, an error, a boolean, an ISO date. Empty text is no value.
 */
function typedValue(type: string | undefined, text: string, strings: readonly string[]): CellValue | undefined {
  switch (type) {
    case 's': {
      const s = strings[parseInt(text, 10)];
      return s === undefined || s === '' ? null : s;
    }
    case 'str':
    case 'inlineStr':
    case 'e':
      return text === '' ? null : text;
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'd': {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? (text === '' ? null : text) : d;
    }
    default:
      return undefined;
  }
}

interface WorkbookContext {
  strings: string[];
  styles: Styles;
  date1904: boolean;
}

function readWorksheet(archive: ZipArchive, entry: ZipEntry, sheetName: string, builder: GridBuilder, ctx: WorkbookContext): void {
  const { strings, styles, date1904 } = ctx;
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  const inline = new TextCollector();
  let inData = false;
  let row = 0;
  let column = 0;
  let style = 0;
  let type: string | undefined;
  let text: string | null = null;
  let readingValue = false;
  let inInline = false;

  const endCell = (): void => {
    let value: CellValue = null;
    let format: string | null = null;
    if (type === 'inlineStr' && inInline) {
      const t = inline.take();
      value = t === '' ? null : t;
    } else if (text !== null) {
      const typed = typedValue(type, text, strings);
      if (typed !== undefined) value = typed;
      else {
        // A number, shown by its cell style: a date format makes it a date.
        const n = parseFloat(text);
        // Excel's numbers are finite doubles: 1e309 or Infinity is no value it wrote.
        if (n === Infinity || n === -Infinity) throw new Unreadable(`工作表「${sheetName}」的单元格 ${a1(row, column)} 中的数值「${shortened(text)}」超出 Excel 能表示的范围，文件不是由电子表格软件正常保存的`);
        if (!Number.isNaN(n)) {
          const f = style ? styles.formats[style] : undefined;
          if (f?.date && isDateSerial(n)) value = serialToDate(n, date1904);
          else {
            value = n;
            format = f?.code ?? null;
          }
        }
      }
    }
    if (value !== null) builder.add(column, value, format);
  };

  parsePart(archive, entry, {
    open(name, a: Attributes) {
      if (!inData) {
        if (name === 'sheetData') inData = true;
        else if (name === 'mergeCell' && a.ref) {
          const m = parseRange(a.ref);
          if (m) merges.push(m);
        }
        return;
      }
      switch (name) {
        case 'row': {
          if (a.r === undefined || a.r === '') row += 1;
          else {
            row = rowNumber(a.r);
            if (Number.isNaN(row)) throw new Unreadable(`工作表「${sheetName}」的行号「${shortened(a.r)}」无效，文件不是由电子表格软件正常保存的`);
            if (row > MAX_ROWS) throw new SheetBoundsError('row', row, shortened(a.r.trim()));
          }
          column = 0;
          builder.startRow(row);
          break;
        }
        case 'c': {
          const ref = a.r;
          if (ref === undefined || ref === '') column += 1; // A cell without a reference follows the one before it.
          else {
            const at = parseCellRef(ref);
            if (!at) throw new Unreadable(`工作表「${sheetName}」的单元格引用「${shortened(ref)}」无效，文件不是由电子表格软件正常保存的`);
            if (at.row > MAX_ROWS) throw new SheetBoundsError('row', at.row, shortened(ref.replace(/^[A-Za-z]+/, '')));
            if (at.column > MAX_COLUMNS) throw new SheetBoundsError('column', at.column, shortened(ref.replace(/\d+$/, '')));
            column = at.column;
            if (at.row !== row) {
              // A cell outside its <row> (or with no <row> at all) starts its own row.
              row = at.row;
              builder.startRow(row);
            }
          }
          style = a.s ? parseInt(a.s, 10) || 0 : 0;
          type = a.t;
          text = null;
          inInline = false;
          break;
        }
        case 'v':
          text = '';
          readingValue = true;
          break;
        case 'is':
          inInline = true;
          break;
        default:
          if (inInline) inline.open(name);
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'v':
          readingValue = false;
          break;
        case 'is':
          break;
        case 'c':
          endCell();
          inInline = false;
          break;
        case 'row':
          builder.endRow();
          break;
        case 'sheetData':
          inData = false;
          builder.endRow();
          break;
        default:
          if (inInline) inline.close(name);
      }
    },
    text(t) {
      if (readingValue) text += t;
      else if (inInline) inline.chars(t);
    },
  });
  builder.applyMerges(merges);
}

/**
 * Read every worksheet of an .xlsx held in memory, in tab order (very hidden sheets left out).
 * @throws Unreadable with a Chinese reason
 */
export function readXlsxGrids(data: Uint8Array, file: string, limits?: ZipLimits): SheetGrid[] {
  const archive = new ZipArchive(data, limits);
  if (archive.entries.length === 0) throw new Unreadable('是一个空的压缩包，其中没有工作簿');
  const wbPart = workbookPart(archive);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parsePart(archive, archive.entry(wbPart)!, {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', relId: attribute(a, 'id') ?? '', state: a.state ?? 'visible' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const rels = readRelationships(archive, wbPart);
  const partOf = (kind: string): ZipEntry | undefined => {
    for (const r of rels.values()) if (relKind(r.type) === kind && !r.external) return archive.entry(r.target);
    return undefined;
  };
  const worksheets = sheets
    .map((s) => ({ sheet: s, rel: rels.get(s.relId) }))
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    .filter(({ rel }) => !rel || relKind(rel.type) === 'worksheet');
  if (worksheets.length === 0) throw new Unreadable('工作簿中没有工作表');
  const ctx: WorkbookContext = {
    styles: readStyles(archive, partOf('styles')),
    strings: readSharedStrings(archive, partOf('sharedStrings')),
    date1904,
  };
  const grids: SheetGrid[] = [];
  // Each sheet has a part of its own: two naming one would be read twice (5,000 naming one, 5,000 times).
  const readBy = new Map<ZipEntry, string>();
  for (const { sheet, rel } of worksheets) {
    const entry = rel && !rel.external ? archive.entry(rel.target) : undefined;
    if (!entry) throw new Unreadable(`工作表「${sheet.name}」的数据缺失（压缩包中找不到其内容），文件已损坏`);
    const other = readBy.get(entry);
    if (other !== undefined) throw new Unreadable(`工作表「${other}」和「${sheet.name}」指向压缩包中的同一部分「${entry.name}」，文件已损坏`);
    readBy.set(entry, sheet.name);
    const builder = new GridBuilder(file, sheet.name);
    try {
      readWorksheet(archive, entry, sheet.name, builder, ctx);
    } catch (err) {
      if (err instanceof SheetBoundsError) throw new Unreadable(boundsReason(err, sheet.name));
      throw err;
    }
    if (sheet.state !== 'veryHidden') grids.push(builder.build());
  }
  return grids;
}
