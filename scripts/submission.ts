/**
 * Generator of realistic (fictional) platform submissions: the attachment tables 附表4-2-1-1 … 4-2-1-8
 * of the yearly performance evaluation, written as .xlsx with ExcelJS.
 *
 * Everything is driven by a seeded PRNG (mulberry32), so one seed always yields the same cells, and
 * the workbooks carry fixed timestamps (document properties and zip entries), so re-running yields
 * the same bytes. `messy` mixes in what real files do (title rows, text dates, amounts in 元, …);
 * `planted` plants one or more instances of every problem the review engine checks for and records
 * each in the manifest with its file, sheet and row.
 *
 * All enterprise, person and institution names, phone numbers and credit codes are made up from
 * word lists; the credit codes carry correct GB 32100 check characters (except the planted one).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { columnLetter } from '../src/domain/grid';
import { TableId, TABLE_IDS, TABLE_TITLES, SubmissionOptions, ResolvedSubmissionOptions, ManifestValue, PlantedItem, ManifestTable, ManifestFile, SubmissionManifest, Rng, Cell, isSpec, RowModel, TableModel, isoDate, resolveOptions, BuildResult } from './submission/model';
import { buildActivities } from './submission/tables/activities';
import { buildInnovative } from './submission/tables/innovative';
import { buildInstitutions } from './submission/tables/institutions';
import { buildOrderList } from './submission/tables/orderList';
import { prepare } from './submission/tables/prepare';
import { buildProducts } from './submission/tables/products';
import { buildServiceList } from './submission/tables/serviceList';
import { buildStaffList } from './submission/tables/staffList';
import { buildSurvey } from './submission/tables/survey';

export * from './submission/model';

/** The eight attachment tables, built in order (the planted problems draw from one random stream). */
function buildTables(o: ResolvedSubmissionOptions): BuildResult {
  const g = prepare(o);
  const { listRows, listRegionCounts, listDataRows, listTable } = buildServiceList(g);
  const { outsiders, outsider, orderTotalWan, orderDataRows, orderTable } = buildOrderList(g);
  const { staffTable } = buildStaffList(g);
  const { productTable } = buildProducts(g);
  const { activities, actEntTotal, actPeopleTotal, activityTable } = buildActivities(g);
  const { surveyAvg, surveyDataRows, surveyTable } = buildSurvey(g, { outsider });
  const { instRows, instTable } = buildInstitutions(g);
  const { innoRows, innoTable } = buildInnovative(g, { outsider });
  const { drafts } = g;

  // Planted enterprises outside the list must not collide with listed ones (sanity check).
  const listedNames = new Set(listRows.filter((r) => r.kind === 'data').map((r) => String(r.cells.enterprise)));
  for (const e of outsiders) if (listedNames.has(e.name)) throw new Error(`internal: outsider ${e.name} is listed`);

  return {
    tables: {
      '4-2-1-1': staffTable,
      '4-2-1-2': listTable,
      '4-2-1-3': orderTable,
      '4-2-1-4': productTable,
      '4-2-1-5': activityTable,
      '4-2-1-6': surveyTable,
      '4-2-1-7': instTable,
      '4-2-1-8': innoTable,
    },
    drafts,
    stats: {
      serviceListRows: listDataRows,
      serviceListRowsByRegion: listRegionCounts,
      orderRows: orderDataRows,
      orderAmountTotalWanYuan: orderTotalWan,
      activityRows: activities.length,
      activityEnterprisesTotal: actEntTotal,
      activityPeopleTotal: actPeopleTotal,
      surveyRows: surveyDataRows,
      surveyAverage: surveyAvg,
      innovativeRows: innoRows.length,
      institutionRows: instRows.length,
    },
  };
}


// ---------------------------------------------------------------------------------------------
// Files and sheets
// ---------------------------------------------------------------------------------------------

interface FilePlan {
  file: string;
  sheets: { table: TableId; sheet: string }[];
}

const ONE_FILE_CLEAN = (id: TableId, year: number): FilePlan => ({
  file: `附表${id} ${id === '4-2-1-2' || id === '4-2-1-3' ? year : ''}${TABLE_TITLES[id]}.xlsx`,
  sheets: [{ table: id, sheet: `附表${id}` }],
});

/** Messy files: some names say which table, some don't; sheets named Sheet1, 名单, … */
const ONE_FILE_MESSY: Readonly<Record<TableId, (year: number) => FilePlan>> = {
  '4-2-1-1': () => ({ file: '附表4-2-1-1 从事为中小企业服务人员情况表.xlsx', sheets: [{ table: '4-2-1-1', sheet: 'Sheet1' }] }),
  '4-2-1-2': (y) => ({ file: `附表4-2-1-2_${y}年度服务企业名单.xlsx`, sheets: [{ table: '4-2-1-2', sheet: '名单' }] }),
  '4-2-1-3': (y) => ({ file: `合同订单列表（${y}年度）.xlsx`, sheets: [{ table: '4-2-1-3', sheet: 'Sheet1' }] }),
  '4-2-1-4': () => ({ file: '服务产品.xlsx', sheets: [{ table: '4-2-1-4', sheet: '产品' }] }),
  '4-2-1-5': () => ({ file: '附表4-2-1-5 服务活动台账.xlsx', sheets: [{ table: '4-2-1-5', sheet: '活动台账' }] }),
  '4-2-1-6': () => ({ file: '满意度调查.xlsx', sheets: [{ table: '4-2-1-6', sheet: 'Sheet1' }] }),
  '4-2-1-7': () => ({ file: '附表4-2-1-7.xlsx', sheets: [{ table: '4-2-1-7', sheet: '名单' }] }),
  '4-2-1-8': () => ({ file: '附件8 高成长企业.xlsx', sheets: [{ table: '4-2-1-8', sheet: 'Sheet1' }] }),
};

const WORKBOOK_SHEETS_MESSY: Readonly<Record<TableId, string>> = {
  '4-2-1-1': '人员情况',
  '4-2-1-2': '服务企业名单',
  '4-2-1-3': 'Sheet3',
  '4-2-1-4': '服务产品',
  '4-2-1-5': '活动台账',
  '4-2-1-6': '满意度',
  '4-2-1-7': '名单',
  '4-2-1-8': 'Sheet8',
};

const MIXED_WORKBOOK_TABLES: readonly TableId[] = ['4-2-1-1', '4-2-1-4', '4-2-1-5', '4-2-1-7'];
const MIXED_WORKBOOK_SHEETS_MESSY: Readonly<Partial<Record<TableId, string>>> = {
  '4-2-1-1': '人员',
  '4-2-1-4': 'Sheet2',
  '4-2-1-5': '活动台账',
  '4-2-1-7': '名单',
};

function planFiles(o: ResolvedSubmissionOptions): FilePlan[] {
  const single = (id: TableId): FilePlan => (o.messy ? ONE_FILE_MESSY[id](o.year) : ONE_FILE_CLEAN(id, o.year));
  switch (o.layout) {
    case 'one-file-each':
      return TABLE_IDS.map(single);
    case 'one-workbook':
      return [
        {
          file: `${o.platformName}${o.year}年度绩效评价附表.xlsx`,
          sheets: TABLE_IDS.map((id) => ({ table: id, sheet: o.messy ? WORKBOOK_SHEETS_MESSY[id] : `附表${id}` })),
        },
      ];
    case 'mixed': {
      const book: FilePlan = {
        file: `${o.platformName}附表（人员、产品、活动、合作机构）.xlsx`,
        sheets: MIXED_WORKBOOK_TABLES.map((id) => ({
          table: id,
          sheet: o.messy ? MIXED_WORKBOOK_SHEETS_MESSY[id] ?? `附表${id}` : `附表${id}`,
        })),
      };
      return [book, ...TABLE_IDS.filter((id) => !MIXED_WORKBOOK_TABLES.includes(id)).map(single)];
    }
    default:
      throw new Error(`unknown layout ${String(o.layout)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Layout: table model → sheet rows, merges and manifest positions
// ---------------------------------------------------------------------------------------------

type RowStyle = 'title' | 'pre' | 'unit' | 'header' | 'data' | 'total' | 'note';
interface PlacedRow {
  r: number;
  style: RowStyle;
  /** Index 0 = column A. */
  cells: (Cell | undefined)[];
}
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface PlacedSheet {
  sheet: string;
  widths: number[];
  rows: PlacedRow[];
  merges: Range[];
  manifest: ManifestTable;
  rowNumbers: Map<RowModel, number>;
  table: TableModel;
}

export const columnLetters = columnLetter;

function placeTable(t: TableModel, file: string, sheet: string): PlacedSheet {
  const width = t.columns.length;
  const colOf: Record<string, number> = {};
  const headers: Record<string, string> = {};
  t.columns.forEach((c, i) => {
    colOf[c.key] = i + 1;
    headers[c.key] = c.header;
  });
  const rows: PlacedRow[] = [];
  const merges: Range[] = [];
  const titleRows: number[] = [];
  let r = 1;
  for (const line of t.titleLines) {
    rows.push({ r, style: 'title', cells: [line] });
    merges.push({ top: r, left: 1, bottom: r, right: width });
    titleRows.push(r++);
  }
  if (t.stampLine || t.unitLine) {
    const cells: (Cell | undefined)[] = new Array(width).fill(undefined);
    if (t.stampLine) cells[0] = t.stampLine;
    if (t.unitLine) cells[width - 1] = t.unitLine;
    rows.push({ r, style: t.stampLine ? 'pre' : 'unit', cells });
    if (t.stampLine) merges.push({ top: r, left: 1, bottom: r, right: Math.max(1, t.unitLine ? width - 1 : width) });
    titleRows.push(r++);
  }
  const headerRows: number[] = [];
  if (t.columns.some((c) => c.group)) {
    const top: (Cell | undefined)[] = [];
    const bottom: (Cell | undefined)[] = [];
    let i = 0;
    while (i < width) {
      const c = t.columns[i];
      if (!c.group) {
        top[i] = c.header;
        merges.push({ top: r, left: i + 1, bottom: r + 1, right: i + 1 });
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < width && t.columns[j + 1].group === c.group) j++;
      top[i] = c.group;
      if (j > i) merges.push({ top: r, left: i + 1, bottom: r, right: j + 1 });
      for (let k = i; k <= j; k++) bottom[k] = t.columns[k].header;
      i = j + 1;
    }
    rows.push({ r, style: 'header', cells: top }, { r: r + 1, style: 'header', cells: bottom });
    headerRows.push(r, r + 1);
    r += 2;
  } else {
    rows.push({ r, style: 'header', cells: t.columns.map((c) => c.header) });
    headerRows.push(r++);
  }
  const firstDataRow = r;
  const rowNumbers = new Map<RowModel, number>();
  const blankRows: number[] = [];
  let lastDataRow = r - 1;
  let dataRows = 0;
  let totalRow: number | null = null;
  let averageRow: number | null = null;
  for (const m of t.rows) {
    rowNumbers.set(m, r);
    if (m.kind === 'blank') {
      blankRows.push(r++);
      continue;
    }
    const cells: (Cell | undefined)[] = t.columns.map((c) => m.cells[c.key]);
    if (m.kind === 'data') {
      dataRows++;
      lastDataRow = r;
      rows.push({ r, style: 'data', cells });
    } else {
      rows.push({ r, style: 'total', cells });
      if (m.kind === 'total') totalRow = r;
      else averageRow = r;
      if (m.kind === 'average') {
        // The label spans the columns before the value.
        const valueCol = t.columns.findIndex((c, idx) => idx > 0 && m.cells[c.key] !== undefined);
        if (valueCol > 1) merges.push({ top: r, left: 1, bottom: r, right: valueCol });
      }
    }
    r++;
  }
  // Formulas refer to the data range, which is known only now.
  for (const pr of rows) {
    if (pr.style !== 'total') continue;
    pr.cells = pr.cells.map((c, idx) => {
      if (!isSpec(c) || !c.formula) return c;
      const L = columnLetters(idx + 1);
      return { ...c, ref: `${L}${firstDataRow}:${L}${lastDataRow}` };
    });
  }
  let noteRow: number | null = null;
  if (t.note) {
    r++; // one empty row between table and note
    rows.push({ r, style: 'note', cells: [t.note] });
    merges.push({ top: r, left: 1, bottom: r, right: width });
    noteRow = r++;
  }
  return {
    sheet,
    widths: t.columns.map((c) => c.width),
    rows,
    merges,
    rowNumbers,
    table: t,
    manifest: {
      table: t.id,
      title: TABLE_TITLES[t.id],
      file,
      sheet,
      titleRows,
      headerRows,
      firstDataRow,
      lastDataRow,
      dataRows,
      blankRows,
      totalRow,
      averageRow,
      noteRow,
      columns: colOf,
      headers,
      amountUnit: t.amountUnit,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Fixed document and zip timestamps, so a re-run writes the same bytes. */
function fixedTimestamp(year: number): Date {
  return new Date(Date.UTC(year + 1, 2, 15, 9, 30, 0));
}

const HEADER_FONT = { bold: true, name: '宋体', size: 11 };
const TITLE_FONT = { bold: true, name: '宋体', size: 14 };

async function writeWorkbook(filePath: string, sheets: PlacedSheet[], stamp: Date): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: filePath,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = '填报人';
  wb.lastModifiedBy = '填报人';
  wb.created = stamp;
  wb.modified = stamp;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    ws.columns = s.widths.map((w) => ({ width: w }));
    const mergesByTop = new Map<number, Range[]>();
    for (const m of s.merges) mergesByTop.set(m.top, [...(mergesByTop.get(m.top) ?? []), m]);
    for (const pr of s.rows) {
      for (const m of mergesByTop.get(pr.r) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
      const row = ws.getRow(pr.r);
      pr.cells.forEach((c, idx) => {
        if (c === undefined) return;
        const cell = row.getCell(idx + 1);
        if (isSpec(c)) {
          cell.value = c.formula && c.ref ? { formula: `${c.formula}(${c.ref})`, result: c.v as number } : c.v;
          if (c.fmt) cell.numFmt = c.fmt;
        } else {
          cell.value = c;
        }
        if (pr.style === 'header') {
          cell.font = HEADER_FONT;
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        } else if (pr.style === 'title') {
          cell.font = TITLE_FONT;
          cell.alignment = { horizontal: 'center', vertical: 'middle' };
        } else if (pr.style === 'note') {
          cell.alignment = { wrapText: true, vertical: 'top' };
        } else if (pr.style === 'unit' || (pr.style === 'pre' && idx > 0)) {
          cell.alignment = { horizontal: 'right' };
        } else if (pr.style === 'total' && idx === 0) {
          cell.alignment = { horizontal: 'center' };
        }
      });
      if (pr.style === 'note') row.height = 48;
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await normalizeZipTimestamps(filePath, stamp);
}

/** Sets every zip entry's DOS time/date (local and central headers) to `stamp`. */
export async function normalizeZipTimestamps(filePath: string, stamp: Date): Promise<void> {
  const buf = await fs.readFile(filePath);
  const dosTime = (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | Math.floor(stamp.getUTCSeconds() / 2);
  const dosDate = ((stamp.getUTCFullYear() - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate();
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65535); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${filePath}: no zip end-of-central-directory record`);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${filePath}: bad central directory entry`);
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${filePath}: bad local header`);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  await fs.writeFile(filePath, buf);
}

function manifestValue(c: Cell | undefined): ManifestValue {
  if (c === undefined || c === null) return null;
  if (c instanceof Date) return isoDate(c);
  if (isSpec(c)) return manifestValue(c.v);
  return c;
}

export const BROKEN_FILE_NAME = '损坏的附件.xlsx';

/**
 * Writes one platform's attachment tables into `dir` (created if missing) and returns the manifest
 * of what was written and planted where. Same options → same cells (and the same bytes).
 */
export async function writeSubmission(dir: string, options: SubmissionOptions): Promise<SubmissionManifest> {
  const o = resolveOptions(options);
  const { tables, drafts, stats } = buildTables(o);
  await fs.mkdir(dir, { recursive: true });
  const stamp = fixedTimestamp(o.year);

  const files: ManifestFile[] = [];
  const placedByTable = new Map<TableId, PlacedSheet>();
  for (const plan of planFiles(o)) {
    const placed = plan.sheets.map(({ table, sheet }) => placeTable(tables[table], plan.file, sheet));
    for (const p of placed) placedByTable.set(p.table.id, p);
    await writeWorkbook(path.join(dir, plan.file), placed, stamp);
    files.push({ file: plan.file, tables: plan.sheets.map((s) => s.table), sheets: plan.sheets.map((s) => s.sheet), readable: true });
  }

  const plantedItems: PlantedItem[] = drafts.map((d) => {
    const placed = placedByTable.get(d.table!)!;
    const rowNumber = placed.rowNumbers.get(d.row!);
    if (rowNumber === undefined) throw new Error(`internal: planted row of ${d.check} not placed`);
    const column = d.key ? placed.manifest.columns[d.key] : null;
    return {
      check: d.check,
      table: d.table,
      file: placed.manifest.file,
      sheet: placed.sheet,
      row: rowNumber,
      column,
      cell: column ? `${columnLetters(column)}${rowNumber}` : null,
      value: d.key ? manifestValue(d.row!.cells[d.key]) : null,
      related: d.related.map((rel) => {
        const rr = placed.rowNumbers.get(rel.row);
        if (rr === undefined) throw new Error(`internal: related row of ${d.check} not placed`);
        const col = rel.key ? placed.manifest.columns[rel.key] : null;
        return {
          row: rr,
          column: col,
          cell: col ? `${columnLetters(col)}${rr}` : null,
          value: rel.key ? manifestValue(rel.row.cells[rel.key]) : null,
        };
      }),
      extraRow: d.extraRow,
      description: d.description,
    };
  });

  if (o.includeBroken) {
    const rng = new Rng(o.seed).fork('broken');
    // Starts like a zip (PK) but is cut short: no reader can open it.
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 60 }, () => rng.int(0, 255))]);
    await fs.writeFile(path.join(dir, BROKEN_FILE_NAME), bytes);
    files.push({ file: BROKEN_FILE_NAME, tables: [], sheets: [], readable: false });
    plantedItems.push({
      check: 'file-unreadable',
      table: null,
      file: BROKEN_FILE_NAME,
      sheet: null,
      row: null,
      column: null,
      cell: null,
      value: null,
      related: [],
      extraRow: false,
      description: `${BROKEN_FILE_NAME} is ${bytes.length} bytes that are not a valid xlsx`,
    });
  }

  return {
    generator: 'scripts/submission.ts',
    formatVersion: 1,
    options: o,
    files,
    tables: TABLE_IDS.map((id) => placedByTable.get(id)!.manifest),
    planted: plantedItems,
    stats,
  };
}

export interface BenchSubmissionOptions {
  enterprises?: number;
  orders?: number;
  seed?: number;
}

/**
 * A big submission for benchmarks: 20 000 enterprises and 40 000 orders by default, messy but with
 * nothing planted, one file per table (amounts in 万元, so the text forms carry `万元` suffixes).
 */
export async function writeBenchSubmission(dir: string, options: BenchSubmissionOptions = {}): Promise<SubmissionManifest> {
  return writeSubmission(dir, {
    seed: options.seed ?? 20240,
    enterprises: options.enterprises ?? 20000,
    orders: options.orders ?? 40000,
    survey: 100,
    innovative: 60,
    activities: 40,
    messy: true,
    planted: false,
    layout: 'one-file-each',
    amountUnit: '万元',
    platformName: '星河中小企业公共服务平台（压测）',
  });
}
