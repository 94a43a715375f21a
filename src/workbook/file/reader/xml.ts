/**
 * One XML part of a workbook, parsed by saxes as it inflates. Elements and attributes are named
 * without their prefix, so transitional (`x:`-prefixed or not) and Strict OOXML read alike: both use
 * the same local names, only the namespace URIs differ.
 */
import { SaxesParser } from 'saxes';
import { Unreadable } from './problem';
import type { ZipArchive, ZipEntry } from './zip';

/**
 * An element's attributes as written, prefixes included (`r:id`). The handlers read the few
 * unprefixed ones they need directly, and {@link attribute} finds a prefixed one by its local name;
 * copying every element's attributes to strip prefixes would cost more than the parse itself.
 */
export type Attributes = Record<string, string>;

export interface XmlHandlers {
  /** An element opens; `name` without its prefix. */
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  /** Character data (text and CDATA), possibly in several pieces. */
  text?(text: string): void;
}

/** An attribute by its local name, whatever its prefix (`id` finds `r:id`). */
export function attribute(attributes: Attributes, local: string): string | undefined {
  const plain = attributes[local];
  if (plain !== undefined) return plain;
  for (const key in attributes) {
    const i = key.indexOf(':');
    if (i >= 0 && key.slice(i + 1) === local && key.slice(0, i) !== 'xmlns') return attributes[key];
  }
  return undefined;
}

/**
 * Element names without their prefix; a part uses a handful of names, so each is split once. Most
 * parts use no prefix at all: a name without a colon is its own local name, with no lookup (saxes
 * hands each tag a fresh string, whose hash a lookup would compute anew).
 */
function localNames(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    const i = name.indexOf(':');
    if (i < 0) return name;
    let local = cache.get(name);
    if (local === undefined) {
      local = name.slice(i + 1);
      cache.set(name, local);
    }
    return local;
  };
}

/** Nesting deeper than this is no spreadsheet's. */
const MAX_DEPTH = 256;

/**
 * Parse one part, calling the handlers as its elements arrive.
 * @throws Unreadable when the part is not well-formed XML (its reason names the part)
 */
export function parsePart(archive: ZipArchive, entry: ZipEntry, handlers: XmlHandlers): void {
  // No line and column tracking: a reviewer is told the part is broken, not where.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const localName = localNames();
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  // saxes keeps every open element: ten million that never close, in a 30 KB file, exhausted the
  // heap. No spreadsheet part nests deeper than a few dozen.
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw new Unreadable(`「${entry.name}」中的 XML 元素嵌套超过 ${MAX_DEPTH} 层，文件已损坏`);
    handlers.open(localName(tag.name), tag.attributes as Attributes);
  });
  const close = handlers.close;
  parser.on('closetag', (tag) => {
    depth--;
    close?.(localName(tag.name));
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  archive.inflateText(entry, (text) => {
    if (failure) return;
    parser.write(text);
  });
  if (!failure) parser.close();
  // saxes says what broke in English; the reviewer needs which part, and that the file is damaged.
  if (failure) throw new Unreadable(`「${entry.name}」不是有效的 XML，文件已损坏`);
}
