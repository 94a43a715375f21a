/**
 * One XML part of a workbook, parsed by saxes as it inflates. Elements and attributes are named
 * without their prefix, so transitional (`x:`-prefixed or not) and Strict OOXML read alike: both use
 * the same local names, only the namespace URIs differ.
 */
import { SaxesParser } from 'saxes';
import { Unreadable } from './problem';
import type { ZipArchive, ZipEntry } from './zip';

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  /** Character data (text and CDATA), possibly in several pieces. */
  text?(text: string): void;
}

const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** Attributes by local name; `xmlns` declarations dropped. */
function localAttributes(raw: Record<string, string>): Attributes {
  const out: Attributes = {};
  for (const key in raw) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out[localName(key)] = raw[key];
  }
  return out;
}

/**
 * Parse one part, calling the handlers as its elements arrive.
 * @throws Unreadable when the part is not well-formed XML (its reason names the part)
 */
export function parsePart(archive: ZipArchive, entry: ZipEntry, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), localAttributes(tag.attributes as Record<string, string>)));
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  archive.inflateText(entry, (text) => {
    if (failure) return;
    parser.write(text);
  });
  if (!failure) parser.close();
  if (failure) throw new Unreadable(`「${entry.name}」不是有效的 XML（${failure.message.split('\n')[0]}），文件已损坏`);
}
