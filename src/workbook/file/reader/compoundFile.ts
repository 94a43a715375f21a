/**
 * The OLE compound file (MS-CFB) that holds an .xls or .et, checked before SheetJS reads it.
 * SheetJS trusts the file's own pointers: a directory whose entries point back at each other sent
 * it into an endless loop that V8 ends by aborting the whole process, and one flipped bit in the
 * summary-information stream made it allocate until the heap ran out. Neither can be caught, so the
 * directory is walked here first, every pointer bounded and every entry met once, and the two
 * property-set streams (document properties, which the review never reads) are hidden from SheetJS.
 */
import { Unreadable } from './problem';

const FREE = 0xffffffff; // NOSTREAM / FREESECT
const END_OF_CHAIN = 0xfffffffe;

export interface DirectoryEntry {
  name: string;
  /** 0 unused, 1 storage, 2 stream, 5 root. */
  type: number;
  /** Where the entry's 128 bytes are in the file. */
  offset: number;
}

const u16 = (d: Uint8Array, at: number): number => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number): number => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;

const DAMAGED = '文件的内部目录已损坏（复合文档结构不完整或互相矛盾），无法读取';

/**
 * The directory of a compound file, every entry reachable once from the root.
 * @throws Unreadable when the header, the sector chains or the directory tree do not hold together
 */
export function readCompoundDirectory(data: Uint8Array): DirectoryEntry[] {
  if (data.length < 512 || u16(data, 28) !== 0xfffe) throw new Unreadable(DAMAGED);
  const shift = u16(data, 30);
  if (shift !== 9 && shift !== 12) throw new Unreadable(DAMAGED);
  const size = 1 << shift;
  const sectors = Math.ceil((data.length - size) / size);
  const at = (sector: number): number => (sector + 1) * size;
  const inFile = (sector: number): boolean => sector < sectors;

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatCount = u32(data, 44);
  if (fatCount > sectors) throw new Unreadable(DAMAGED);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(data, 76 + 4 * i));
  let difat = u32(data, 68);
  for (let hops = 0; fatSectors.length < fatCount; hops++) {
    if (!inFile(difat) || hops > sectors) throw new Unreadable(DAMAGED);
    const base = at(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(data, base + 4 * i));
    difat = u32(data, base + size - 4);
  }
  if (fatSectors.some((s) => !inFile(s))) throw new Unreadable(DAMAGED);
  const next = (sector: number): number => {
    const index = sector * 4;
    const fatSector = fatSectors[Math.floor(index / size)];
    return fatSector === undefined ? FREE : u32(data, at(fatSector) + (index % size));
  };

  // The directory's chain of sectors: in the file, ending, never coming back on itself.
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let s = u32(data, 48); s !== END_OF_CHAIN; s = next(s)) {
    if (!inFile(s) || seen.has(s)) throw new Unreadable(DAMAGED);
    seen.add(s);
    chain.push(s);
  }
  const entries: (DirectoryEntry & { left: number; right: number; child: number })[] = [];
  for (const s of chain) {
    for (let k = 0; k < size / 128; k++) {
      const offset = at(s) + 128 * k;
      if (offset + 128 > data.length) break;
      const nameBytes = Math.min(u16(data, offset + 64), 64);
      let name = '';
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(u16(data, offset + i));
      entries.push({ name, type: data[offset + 66], offset, left: u32(data, offset + 68), right: u32(data, offset + 72), child: u32(data, offset + 76) });
    }
  }
  if (entries.length === 0 || entries[0].type !== 5) throw new Unreadable(DAMAGED);

  // Every sibling and child pointer in range, and no entry reached twice: a tree, not a loop.
  const reached = new Uint8Array(entries.length);
  const pending = [0];
  reached[0] = 1;
  const reach = (i: number): void => {
    if (i === FREE) return;
    if (i >= entries.length || reached[i]) throw new Unreadable(DAMAGED);
    reached[i] = 1;
    pending.push(i);
  };
  while (pending.length > 0) {
    const e = entries[pending.pop()!];
    reach(e.left);
    reach(e.right);
    reach(e.child);
  }
  // An entry in use that the tree never reaches is a loop of its own (SheetJS walks every entry).
  for (let i = 0; i < entries.length; i++) if (!reached[i] && entries[i].type !== 0) throw new Unreadable(DAMAGED);
  return entries.filter((_, i) => reached[i]).map(({ name, type, offset }) => ({ name, type, offset }));
}

/** Document properties: SheetJS parses them whatever it is asked, and the review never reads them. */
const PROPERTY_SETS = new Set(['\u0005SummaryInformation', '\u0005DocumentSummaryInformation']);

/**
 * A copy of the file for SheetJS, its property-set streams renamed out of SheetJS's sight (the
 * first character of each name changed in the directory). The submitted bytes are not touched.
 */
export function withoutPropertySets(data: Uint8Array, entries: readonly DirectoryEntry[]): Uint8Array {
  const hidden = entries.filter((e) => e.type === 2 && PROPERTY_SETS.has(e.name));
  if (hidden.length === 0) return data;
  // Not data.slice(): on a Node Buffer that is a view of the same bytes.
  const copy = new Uint8Array(data);
  for (const e of hidden) copy[e.offset] = 0x78; // 'x': \u0005SummaryInformation → xSummaryInformation
  return copy;
}
