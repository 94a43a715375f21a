/**
 * What a printed page holds, read from a PDF that LibreOffice rendered: the words on each page (from
 * poppler's `pdftotext -bbox`) and the font sizes each page's text is drawn at (from the `Tf`
 * operators of its content streams, which LibreOffice writes with the printed size, scaling applied).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** The page's words in reading order, as poppler finds them. */
  words: { text: string; x: number; y: number }[];
  /** Every font size (points) the page's text is drawn at. */
  fontSizes: number[];
}

/** The page's text as one string, words joined without spaces (CJK headings are split into words). */
export const pageText = (page: PdfPage) => page.words.map((w) => w.text).join('');

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function wordsByPage(file: string): PdfPage['words'][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      Array.from(page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g), (m) => ({
        text: unescapeXml(m[3]),
        x: Number(m[1]),
        y: Number(m[2]),
      })),
    );
}

/** The font sizes of each page, in page order, from the page tree and content streams. */
function fontSizesByPage(file: string): number[][] {
  const pdf = readFileSync(file);
  const text = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = (m.index ?? 0) + m[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const end = text.indexOf('endstream', start);
    objects.set(Number(m[1]), { dict: body.slice(0, at), stream: pdf.subarray(start, end) });
  }
  const refs = (s: string) => Array.from(s.matchAll(/(\d+) 0 R/g), (m) => Number(m[1]));
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages/.test(o.dict) && !/\/Parent/.test(o.dict));
  if (!root) throw new Error('PDF has no page tree');
  const pages: string[] = [];
  const walk = (dict: string) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    for (const id of refs(kids?.[1] ?? '')) {
      const kid = objects.get(id)?.dict ?? '';
      if (/\/Type\s*\/Pages/.test(kid)) walk(kid);
      else pages.push(kid);
    }
  };
  walk(root.dict);
  return pages.map((page) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    const sizes: number[] = [];
    for (const id of refs(contents)) {
      const o = objects.get(id);
      if (!o?.stream) continue;
      const data = /\/FlateDecode/.test(o.dict) ? inflateSync(o.stream).toString('latin1') : o.stream.toString('latin1');
      for (const m of data.matchAll(/([\d.]+)\s+Tf\b/g)) sizes.push(Number(m[1]));
    }
    return sizes;
  });
}

/** Read a PDF's pages: words and font sizes. Needs poppler-utils (`pdftotext`). */
export function readPdf(file: string): PdfPage[] {
  const words = wordsByPage(file);
  const sizes = fontSizesByPage(file);
  if (words.length !== sizes.length) throw new Error(`pdftotext found ${words.length} pages, the page tree ${sizes.length}`);
  return words.map((w, i) => ({ number: i + 1, words: w, fontSizes: sizes[i] }));
}
