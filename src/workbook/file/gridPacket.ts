/**
 * A file's grids packed for a trip between threads: every cell as a one-byte tag and a number in
 * two typed arrays (transferred, not copied), and the distinct strings once each. Structured
 * cloning the grids as they are costs more on the receiving side than reading them did there, and
 * gives every cell its own copy of a string the reader had shared.
 *
 * Unpacking gives back grids equal to the packed ones in every respect the domain can see: the same
 * values (holes stay holes, -0 and NaN dates stay), the same row lengths, a shared frozen empty row
 * where the reader put one, and the same properties in the same order. Grids with anything else on
 * them are not packed ({@link packGrids} answers null) and travel by structured clone.
 */
import type { CellValue, SheetGrid } from '../../domain/grid';

/** A slot's kind in `tags`; strings, numbers and dates carry their index, value or time in `nums`. */
const Tag = { Hole: 0, Null: 1, String: 2, Number: 3, True: 4, False: 5, Date: 6, Undefined: 7 } as const;

/** A row that is absent in the packing: the frozen shared empty row. */
const SHARED_EMPTY = -1;
/** `numberFormats` missing altogether (only its length slot says so). */
const NO_FORMATS = -2;

export interface PackedGrids {
  heads: { file: string; sheet: string; firstRow: number; firstColumn: number; height: number; formats: boolean }[];
  strings: string[];
  /** Per row, values then formats: its length, or {@link SHARED_EMPTY}. */
  lengths: Int32Array;
  tags: Uint8Array;
  nums: Float64Array;
}

const GRID_KEYS = ['file', 'sheet', 'firstRow', 'firstColumn', 'values', 'numberFormats'];

/** A grid of exactly the reader's shape: these properties in this order (`numberFormats` may be absent). */
function isPlainGrid(g: SheetGrid): boolean {
  const keys = Object.keys(g);
  if (keys.length < GRID_KEYS.length - 1 || keys.length > GRID_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== GRID_KEYS[i]) return false;
  if (keys.length === GRID_KEYS.length && g.numberFormats === undefined) return false;
  if (typeof g.file !== 'string' || typeof g.sheet !== 'string' || !Array.isArray(g.values)) return false;
  if (g.numberFormats !== undefined && (!Array.isArray(g.numberFormats) || g.numberFormats.length !== g.values.length)) return false;
  return true;
}

function isSharedEmpty(row: readonly unknown[]): boolean {
  return row.length === 0 && Object.isFrozen(row);
}

/**
 * Pack a file's grids, or null when one of them holds what the packing does not carry (then send
 * them as they are).
 */
export function packGrids(grids: readonly SheetGrid[]): { packed: PackedGrids; transfer: ArrayBuffer[] } | null {
  let rows = 0;
  let slots = 0;
  for (const g of grids) {
    if (!isPlainGrid(g)) return null;
    rows += g.values.length * 2;
    for (const r of g.values) {
      if (!Array.isArray(r)) return null;
      slots += r.length;
    }
    if (g.numberFormats) {
      for (const r of g.numberFormats) {
        if (!Array.isArray(r)) return null;
        slots += r.length;
      }
    }
  }
  const lengths = new Int32Array(rows);
  const tags = new Uint8Array(slots);
  const nums = new Float64Array(slots);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  let at = 0;
  let line = 0;
  const put = (row: readonly (CellValue | undefined)[]): boolean => {
    if (isSharedEmpty(row)) {
      lengths[line++] = SHARED_EMPTY;
      return true;
    }
    lengths[line++] = row.length;
    for (let k = 0; k < row.length; k++, at++) {
      if (!(k in row)) {
        tags[at] = Tag.Hole;
        continue;
      }
      const v = row[k];
      if (v === null) tags[at] = Tag.Null;
      else if (v === undefined) tags[at] = Tag.Undefined;
      else if (typeof v === 'string') {
        let i = stringIndex.get(v);
        if (i === undefined) {
          i = strings.length;
          strings.push(v);
          stringIndex.set(v, i);
        }
        tags[at] = Tag.String;
        nums[at] = i;
      } else if (typeof v === 'number') {
        tags[at] = Tag.Number;
        nums[at] = v;
      } else if (v === true) tags[at] = Tag.True;
      else if (v === false) tags[at] = Tag.False;
      else if (v instanceof Date && Object.getPrototypeOf(v) === Date.prototype && Object.keys(v).length === 0) {
        tags[at] = Tag.Date;
        nums[at] = v.getTime();
      } else return false;
    }
    return true;
  };
  const heads: PackedGrids['heads'] = [];
  for (const g of grids) {
    heads.push({ file: g.file, sheet: g.sheet, firstRow: g.firstRow, firstColumn: g.firstColumn, height: g.values.length, formats: g.numberFormats !== undefined });
    for (const r of g.values) if (!put(r)) return null;
    if (g.numberFormats) {
      for (const r of g.numberFormats) if (!put(r)) return null;
    } else {
      for (let i = 0; i < g.values.length; i++) lengths[line++] = NO_FORMATS;
    }
  }
  return { packed: { heads, strings, lengths, tags, nums }, transfer: [lengths.buffer as ArrayBuffer, tags.buffer as ArrayBuffer, nums.buffer as ArrayBuffer] };
}

/** The one empty row every unpacked grid shares, frozen as the reader's is. */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** The grids a {@link packGrids} packing holds. */
export function unpackGrids(packed: PackedGrids): SheetGrid[] {
  const { heads, strings, lengths, tags, nums } = packed;
  let at = 0;
  let line = 0;
  const take = (): CellValue[] => {
    const length = lengths[line++];
    if (length === SHARED_EMPTY) return EMPTY_ROW;
    let holes = false;
    for (let k = 0; k < length; k++) if (tags[at + k] === Tag.Hole) holes = true;
    const row: CellValue[] = holes ? new Array<CellValue>(length) : [];
    for (let k = 0; k < length; k++, at++) {
      let v: CellValue | undefined;
      switch (tags[at]) {
        case Tag.Hole:
          continue;
        case Tag.Null:
          v = null;
          break;
        case Tag.String:
          v = strings[nums[at]];
          break;
        case Tag.Number:
          v = nums[at];
          break;
        case Tag.True:
          v = true;
          break;
        case Tag.False:
          v = false;
          break;
        case Tag.Date:
          v = new Date(nums[at]);
          break;
        default:
          v = undefined;
      }
      if (holes) row[k] = v as CellValue;
      else row.push(v as CellValue);
    }
    return row;
  };
  return heads.map((h) => {
    const values: CellValue[][] = new Array(h.height);
    for (let i = 0; i < h.height; i++) values[i] = take();
    if (!h.formats) {
      line += h.height;
      return { file: h.file, sheet: h.sheet, firstRow: h.firstRow, firstColumn: h.firstColumn, values };
    }
    const numberFormats = new Array<(string | null)[]>(h.height);
    for (let i = 0; i < h.height; i++) numberFormats[i] = take() as (string | null)[];
    return { file: h.file, sheet: h.sheet, firstRow: h.firstRow, firstColumn: h.firstColumn, values, numberFormats };
  });
}
