/**
 * Comma-separated text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), in
 * UTF-8 with or without a byte-order mark, UTF-16 with one, or GB18030 (which covers GBK and GB2312,
 * what Excel saves as "CSV" on a Chinese Windows). Every field is text exactly as written; the
 * domain reads amounts, dates and percentages written as text.
 */
import type { SheetGrid } from '../../../domain/grid';
import { boundsReason, GridBuilder, SheetBoundsError } from './gridBuilder';
import { Unreadable } from './problem';
import { utf8OrGb18030 } from './text';

/** The text of a CSV file and the encoding it was read in. */
export function decodeCsv(data: Uint8Array): { text: string; encoding: string } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'UTF-8' };
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'UTF-16LE' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'UTF-16BE' };
  const { text, utf8 } = utf8OrGb18030(data);
  return { text, encoding: utf8 ? 'UTF-8' : 'GB18030' };
}

/** One sheet named after the file (as Excel names a CSV it opens). */
export function readCsvGrids(data: Uint8Array, file: string): SheetGrid[] {
  const { text } = decodeCsv(data);
  const base = file.split('/').pop() ?? file;
  const builder = new GridBuilder(file, base.replace(/\.csv$/i, '') || base);
  let row = 1;
  let column = 1;
  let field = '';
  let quoted = false;
  let started = false;
  const endField = (): void => {
    if (field !== '') {
      if (!started) builder.startRow(row);
      started = true;
      builder.add(column, field);
    }
    field = '';
    column++;
  };
  const endRecord = (): void => {
    endField();
    row++;
    column = 1;
    started = false;
  };
  try {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += ch;
      } else if (ch === '"' && field === '') quoted = true;
      else if (ch === ',') endField();
      else if (ch === '\n') endRecord();
      else if (ch === '\r') {
        if (text[i + 1] === '\n') i++;
        endRecord();
      } else field += ch;
    }
    if (field !== '' || column > 1) endField();
    return [builder.build()];
  } catch (err) {
    if (err instanceof SheetBoundsError) throw new Unreadable(boundsReason(err, null));
    throw err;
  }
}
