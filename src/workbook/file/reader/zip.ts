/**
 * The zip container of an .xlsx: its central directory, and each part inflated by fflate with a
 * running byte limit (a zip bomb is stopped while it inflates), its CRC and size checked, and its
 * text decoded as whole UTF-8 (a character split between two inflated chunks is carried over).
 *
 * Only the central directory is trusted for names, sizes and CRCs, as in every mainstream unzipper;
 * part names are compared without regard to ASCII case, as OPC requires.
 */
import { Inflate } from 'fflate';
import { Unreadable } from './problem';


export interface ZipEntry {
  /** The name as stored, with `\` read as `/`. */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Most bytes all parts read from one file may inflate to. */
  maxInflatedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxInflatedBytes: 500 * 1024 * 1024 };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (d: Uint8Array, at: number): number => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number): number => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
/** A little-endian 64-bit size; sizes beyond 2^53 cannot be a real part of a file held in memory. */
const u64 = (d: Uint8Array, at: number): number => u32(d, at) + u32(d, at + 4) * 2 ** 32;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, as zip uses), continued from `crc` over `data`, in JavaScript (browsers). */
export function crc32Js(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Node's own zlib.crc32 (the same CRC, in C) where the runtime offers it, reached without an
 * import so that browser bundles do not carry zlib.
 */
const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined = (() => {
  try {
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    const zlib = get?.('node:zlib') as { crc32?: (data: Uint8Array, value?: number) => number } | undefined;
    return typeof zlib?.crc32 === 'function' ? zlib.crc32 : undefined;
  } catch {
    return undefined;
  }
})();

/** CRC-32 (ISO-HDLC, as zip uses), continued from `crc` over `data`. */
export const crc32: (data: Uint8Array, crc?: number) => number = nativeCrc32 ? (data, crc = 0) => nativeCrc32(data, crc) : crc32Js;

const utf8 = new TextDecoder('utf-8');

/** The end-of-central-directory record: at most 64 KB of comment after it. */
function findEocd(data: Uint8Array): number {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (data[i] === 0x50 && u32(data, i) === EOCD) return i;
  }
  return -1;
}

/** Every entry of the central directory, in its order. */
export function readCentralDirectory(data: Uint8Array): ZipEntry[] {
  const eocd = findEocd(data);
  if (eocd < 0) throw new Unreadable('不是有效的 .xlsx 文件：找不到压缩包目录（文件不完整或已损坏）');
  let count = u16(data, eocd + 10);
  let offset = u32(data, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(data, locator) !== ZIP64_LOCATOR) throw new Unreadable('不是有效的 .xlsx 文件：ZIP64 目录缺失');
    const z = u64(data, locator + 8);
    if (z + 56 > data.length || u32(data, z) !== ZIP64_EOCD) throw new Unreadable('不是有效的 .xlsx 文件：ZIP64 目录损坏');
    count = u64(data, z + 32);
    offset = u64(data, z + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== CENTRAL) throw new Unreadable('不是有效的 .xlsx 文件：压缩包目录损坏');
    const flags = u16(data, at + 8);
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    let compressedSize = u32(data, at + 20);
    let size = u32(data, at + 24);
    let localHeaderOffset = u32(data, at + 42);
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    // Zip64 extra field: the saturated values follow, in this order.
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = u16(data, x);
      const len = u16(data, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (size === 0xffffffff) {
          size = u64(data, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(data, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(data, p);
      }
      x += 4 + len;
    }
    entries.push({
      name: utf8.decode(nameBytes).replace(/\\/g, '/'),
      method: u16(data, at + 10),
      flags,
      crc: u32(data, at + 16),
      compressedSize,
      size,
      localHeaderOffset,
    });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** A zip archive held in memory, with a byte budget shared by every part read from it. */
export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.entries = readCentralDirectory(data);
    for (const e of this.entries) {
      const key = e.name.replace(/^\/+/, '').toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, e);
    }
  }

  /** The entry of a part name (`xl/workbook.xml`, with or without a leading `/`), any ASCII case. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /**
   * Inflate one entry, handing its bytes to `onChunk` as they come. The byte limit is checked after
   * every chunk; the CRC and size once the entry ends (a mismatch throws, so a caller that parsed
   * as it went discards what it made).
   */
  inflate(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    const { data } = this;
    if (entry.flags & 1) throw new Unreadable(`压缩包中的「${entry.name}」已加密，无法读取`);
    const at = entry.localHeaderOffset;
    if (at + 30 > data.length || u32(data, at) !== LOCAL) throw new Unreadable(`压缩包中的「${entry.name}」位置损坏`);
    const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
    const end = start + entry.compressedSize;
    if (end > data.length) throw new Unreadable(`压缩包中的「${entry.name}」不完整（文件被截断）`);
    let crc = 0;
    let size = 0;
    const take = (chunk: Uint8Array): void => {
      if (chunk.length === 0) return;
      size += chunk.length;
      this.inflated += chunk.length;
      if (this.inflated > this.limits.maxInflatedBytes) {
        throw new Unreadable(`解压后超过 ${Math.round(this.limits.maxInflatedBytes / 1024 / 1024)} MB 上限，可能是恶意构造的压缩文件（压缩炸弹），已停止读取`);
      }
      crc = crc32(chunk, crc);
      onChunk(chunk);
    };
    if (entry.method === 0) {
      // Stored: hand it over in slices, as inflation would.
      for (let p = start; p < end; p += 1 << 16) take(data.subarray(p, Math.min(end, p + (1 << 16))));
    } else if (entry.method === 8) {
      let ended = false;
      const inflater = new Inflate((chunk, final) => {
        take(chunk);
        if (final) ended = true;
      });
      try {
        // Small slices bound what one push can produce (deflate expands at most about 1000-fold).
        for (let p = start; p < end && !ended; p += 1 << 14) inflater.push(data.subarray(p, Math.min(end, p + (1 << 14))), p + (1 << 14) >= end);
        if (start === end) inflater.push(new Uint8Array(0), true);
      } catch (err) {
        // fflate's own errors carry a numeric code; anything else came from the reader's callback.
        if (err instanceof Error && typeof (err as { code?: unknown }).code === 'number') {
          throw new Unreadable(`压缩包中的「${entry.name}」数据损坏，无法解压`);
        }
        throw err;
      }
      if (!ended) throw new Unreadable(`压缩包中的「${entry.name}」数据不完整，无法解压`);
    } else {
      throw new Unreadable(`压缩包中的「${entry.name}」使用了不支持的压缩方式（${entry.method}），请在 Excel 中重新保存为 .xlsx`);
    }
    if (size !== entry.size || crc !== entry.crc) {
      throw new Unreadable(`压缩包中的「${entry.name}」校验失败（CRC 或长度不符），文件已损坏`);
    }
  }

  /**
   * Inflate one entry as text, handing it over in pieces that never split a character.
   * UTF-8 unless the part starts with a UTF-16 byte-order mark (XML allows both).
   */
  inflateText(entry: ZipEntry, onText: (text: string) => void): void {
    let decoder: TextDecoder | undefined;
    this.inflate(entry, (chunk) => {
      if (!decoder) {
        const label = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
        decoder = new TextDecoder(label);
      }
      const text = decoder.decode(chunk, { stream: true });
      if (text) onText(text);
    });
    const rest = decoder?.decode();
    if (rest) onText(rest);
  }
}
