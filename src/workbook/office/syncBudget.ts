/**
 * Keeping every `context.sync()` inside Excel's payload limits. Excel on the web refuses a request
 * or a response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and
 * every host refuses to read more than 5,000,000 cells at once. Work is therefore queued as units
 * whose payload is estimated in bytes, and units are grouped into syncs of about
 * {@link SYNC_BYTES}. Should Excel still refuse a sync as too large, nothing of it was applied, so
 * the same units are queued again in two halves, and a single unit that is too large is split.
 */

/** Aim of one sync's request or response: half of Excel on the web's 5 MB, for the estimate's error. */
export const SYNC_BYTES = 2.5 * 1024 * 1024;

/** Most cells one unit reads or writes: well under the 5,000,000-cell read limit. */
export const MAX_UNIT_CELLS = 50_000;

/**
 * Estimated JSON bytes of one queued command besides its data: the action, its object path and
 * property name, as Office.js serialises them (a few hundred bytes each in captured requests).
 */
export const COMMAND_BYTES = 200;

/** The error codes Excel gives for a sync that was too large. */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** Whether Office refused a sync as too large (nothing of it was applied). */
export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PAYLOAD_CODES.has(code);
}

/** UTF-8 bytes of a string inside JSON (quotes included; escapes count one byte each more). */
function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) n += c < 0x20 ? 6 : 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
    else if (c >= 0xd800 && c <= 0xdfff) n += 2;
    else n += 3;
  }
  return n;
}

/** The UTF-8 length of `value` as JSON, for cell matrices (strings, numbers, booleans, nulls). */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += jsonBytes(v);
    return n;
  }
  return stringBytes(JSON.stringify(value) ?? '');
}

/** What a unit may use while it is queued: proxies fetched once per sync. */
export interface Batch {
  readonly context: Excel.RequestContext;
  /** The worksheet by id or name, one proxy per sync (a proxy made in a refused sync is not reused). */
  sheet(key: string): Excel.Worksheet;
}

/** One piece of work inside a sync. */
export interface SyncUnit {
  /** Estimated request plus response bytes. */
  bytes: number;
  /** Queue the unit's commands; the callback returned runs once its sync has succeeded. */
  queue(batch: Batch): (() => void) | void;
  /** Two smaller units doing the same, when this one alone was too large; absent = cannot be split. */
  split?(): SyncUnit[];
  /** Sent in a sync of its own, e.g. a small read whose size calibrates the estimate of the next ones. */
  alone?: boolean;
}

/** What {@link syncUnits} did, for tests and the documentation. */
export interface SyncStats {
  syncs: number;
  /** Syncs Excel refused as too large and that were done again in halves. */
  retried: number;
}

/** One `context.sync()`, counted in `stats` when given. */
export async function countedSync(context: Excel.RequestContext, stats?: SyncStats): Promise<void> {
  if (stats) stats.syncs++;
  await context.sync();
}

function makeBatch(context: Excel.RequestContext): Batch {
  const sheets = new Map<string, Excel.Worksheet>();
  return {
    context,
    sheet(key) {
      let s = sheets.get(key);
      if (!s) sheets.set(key, (s = context.workbook.worksheets.getItem(key)));
      return s;
    },
  };
}

/** The error for a unit Excel refused even alone. */
export class UnitTooLargeError extends Error {
  readonly code = 'RequestPayloadSizeLimitExceeded';
  constructor(cause: unknown) {
    super('单次请求的数据量超过 Excel 的上限，且无法再拆分');
    this.name = 'UnitTooLargeError';
    this.cause = cause;
  }
}

async function runBatch(context: Excel.RequestContext, units: SyncUnit[], stats: SyncStats): Promise<void> {
  const batch = makeBatch(context);
  const after = units.map((u) => u.queue(batch));
  try {
    await countedSync(context, stats);
  } catch (error) {
    if (!isPayloadLimit(error)) throw error;
    stats.retried++;
    let halves: SyncUnit[][];
    if (units.length > 1) {
      const mid = Math.ceil(units.length / 2);
      halves = [units.slice(0, mid), units.slice(mid)];
    } else {
      const parts = units[0].split?.();
      if (!parts || parts.length < 2) throw new UnitTooLargeError(error);
      halves = parts.map((p) => [p]);
    }
    for (const half of halves) await runBatch(context, half, stats);
    return;
  }
  for (const done of after) if (typeof done === 'function') done();
}

/**
 * Queue units in order and sync whenever the next one would take the batch past `budget` bytes
 * (a unit larger than the budget goes alone). Units are pulled one at a time, so a generator may
 * size later units by what earlier syncs delivered.
 * A unit estimated over the budget is split first where it can be.
 */
export async function syncUnits(
  context: Excel.RequestContext,
  units: Iterable<SyncUnit>,
  options: { budget?: number; stats?: SyncStats } = {},
): Promise<SyncStats> {
  const budget = options.budget ?? SYNC_BYTES;
  const stats = options.stats ?? { syncs: 0, retried: 0 };
  let pending: SyncUnit[] = [];
  let bytes = 0;
  const add = async (unit: SyncUnit): Promise<void> => {
    // A unit estimated over the budget is split before it is sent, not after Excel refuses it.
    const parts = unit.bytes > budget ? unit.split?.() : undefined;
    if (parts && parts.length > 1) {
      for (const part of parts) await add(part);
      return;
    }
    if (pending.length > 0 && (bytes + unit.bytes > budget || unit.alone)) {
      await runBatch(context, pending, stats);
      pending = [];
      bytes = 0;
    }
    pending.push(unit);
    bytes += unit.bytes;
    if (unit.alone) {
      // Synced before the next unit is even made, so that one is sized by what this one took.
      await runBatch(context, pending, stats);
      pending = [];
      bytes = 0;
    }
  };
  for (const unit of units) await add(unit);
  if (pending.length > 0) await runBatch(context, pending, stats);
  return stats;
}

/** A unit of a few commands whose payload is small and known. */
export function commandUnit(commands: number, dataBytes: number, queue: SyncUnit['queue']): SyncUnit {
  return { bytes: commands * COMMAND_BYTES + dataBytes, queue };
}
