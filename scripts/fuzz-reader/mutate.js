// The reader fuzzer's random cases: generate(kind, index, seed) -> { bytes, name, desc }, the same
// bytes for the same three on every run (given the same seeds, see seeds.js).
//   byte    a seed .xlsx/.ods with bytes flipped, set, cut, copied, deleted or inserted, often in the
//           central directory and end record, where no CRC guards anything
//   xml     a seed .xlsx unzipped, one to three of its parts (workbook, relationships, styles, shared
//           strings, worksheets, content types) mutated as XML text, re-encoded, re-zipped; now and
//           then a part deleted, renamed, emptied, swapped or stored
//   csv     random, badly encoded, quoted, wide, tall, BOM and magic-number text named .csv
//   legacy  an .ods's content.xml/styles/manifest mutated as XML (repeats and spans above all), or an
//           .xls/.et/.ods with bytes mutated (the compound-file signature kept most of the time)
'use strict';

const { strFromU8, strToU8, unzipSync } = require('fflate');
const { rng } = require('./rng');
const { loadSeeds, zipFixed } = require('./seeds');

let cache;
/** The seeds, read once per process, grouped as the generators use them. */
function seedSet() {
  if (!cache) {
    const seeds = loadSeeds();
    const names = Object.keys(seeds);
    const byExt = (re) => names.filter((f) => re.test(f));
    cache = {
      seeds,
      // The sample's 64-byte 损坏的附件.xlsx is no zip at all: nothing to unzip.
      xlsx: byExt(/\.xlsx$/i).filter((f) => seeds[f].length > 100),
      zipped: byExt(/\.(xlsx|ods)$/i),
      ole: byExt(/\.(xls|et)$/i),
      ods: byExt(/\.ods$/i),
      csv: byExt(/\.csv$/i),
      unzipped: new Map(),
    };
  }
  return cache;
}

/** A fresh copy of a seed's entries ({ name: bytes }), unzipped once. */
function unzipSeed(name) {
  const set = seedSet();
  if (!set.unzipped.has(name)) set.unzipped.set(name, unzipSync(set.seeds[name]));
  return { ...set.unzipped.get(name) };
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ── Bytes ───────────────────────────────────────────────────────────────────────────────────

const BYTE_OPS = ['flip', 'flip', 'flip', 'set', 'trunc', 'dup', 'del', 'ins', 'cd16', 'cd32', 'cdflip'];

function byteMutate(r, data, count) {
  let d = Uint8Array.from(data);
  const ops = [];
  for (let k = 0; k < count && d.length > 0; k++) {
    const op = r.pick(BYTE_OPS);
    ops.push(op);
    const n = d.length;
    switch (op) {
      case 'flip':
        d[r.int(n)] ^= 1 << r.int(8);
        break;
      case 'set':
        d[r.int(n)] = r.pick([0, 0xff, 0x7f, 0x80, 0x01, 0x50, 0x4b]);
        break;
      case 'trunc':
        d = d.slice(0, r.int(n));
        break;
      case 'dup': {
        const a = r.int(n);
        const chunk = d.slice(a, a + r.range(1, Math.min(4096, n - a)));
        const at = r.int(n);
        d = concat(d.slice(0, at), chunk, d.slice(at));
        break;
      }
      case 'del': {
        const a = r.int(n);
        d = concat(d.slice(0, a), d.slice(a + r.range(1, Math.min(4096, n - a))));
        break;
      }
      case 'ins': {
        const at = r.int(n);
        d = concat(d.slice(0, at), r.bytes(r.range(1, 64)), d.slice(at));
        break;
      }
      default: {
        // The last quarter: the central directory and end record, where no CRC protects anything.
        const lo = Math.floor(n * 0.75);
        const i = lo + r.int(n - lo);
        if (op === 'cdflip') {
          d[i] ^= 1 << r.int(8);
          break;
        }
        const v = r.pick([0, 1, 0xffff, 0xfffe, 0x7fff, 0xffffffff, 0x7fffffff, 0x80000000, n, n - 1, n + 1, 46, 22, 30]);
        const width = op === 'cd16' ? 2 : 4;
        for (let b = 0; b < width && i + b < d.length; b++) d[i + b] = (v >>> (8 * b)) & 0xff;
      }
    }
  }
  return { d, ops };
}

// ── XML ─────────────────────────────────────────────────────────────────────────────────────

const LONG = 'A'.repeat(10000);
const NUMS = ['0', '-1', '1', '2', '-0', '1.5', '0.5', '1e3', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '0x1F', '  3', '3 ', '2147483648', '4294967296', '9007199254740993', '1048576', '1048577', '16384', '16385', '99999999999999999999', '', 'abc', '１２', '&#0;', '&#xD800;', '&amp;#0;', '&#x10FFFF;', '&lt;', LONG, '9'.repeat(400), '164', '14', '22', '49', '-164', '3.99'];
const REFS = ['A1', 'XFD1048576', 'XFE1', 'A1048577', 'A0', 'A-1', 'A1.5', 'A1e3', 'AAAA1', '$A$1', 'a1', '1', 'A', 'IV', 'ZZZ99999999', 'A1:XFD1048576', 'B3:A1', 'A 1', 'A0x10', '', 'Ａ1', 'A1:A1', 'XFD1'];
const TYPES = ['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', '', 'S', 'x', 'N', 'bool'];
const MERGES = ['A1:XFD1048576', 'B3:A1', 'A1', 'A0:B2', 'XFE1:A1', '$A$1:$B$2', 'A1:A1', 'ZZZZ1:A1', ' A1:B2 ', 'a1:b2', '1:1', 'A:A', 'A1:B', 'A1048576:XFD1', 'C5:A1', ''];
const TARGETS = ['../../../x.xml', '/xl/worksheets/sheet1.xml', 'worksheets/../worksheets/sheet1.xml', '%2E%2E/x', 'http://example.invalid/x.xml', 'worksheets\\sheet1.xml', 'sharedStrings.xml', 'workbook.xml', 'styles.xml', '', 'WORKSHEETS/SHEET1.XML', '/', '.', '..', 'worksheets/sheet1.xml#x', 'worksheets/sheet%31.xml', '%', 'worksheets/sheet99.xml', 'C:\\x.xml', 'file:///etc/passwd', 'worksheets//sheet1.xml', '/xl/workbook.xml', 'workbook.bin', '../xl/worksheets/sheet1.xml'];
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELTYPES = [`${REL}/worksheet`, `${REL}/chartsheet`, `${REL}/dialogsheet`, `${REL}/styles`, `${REL}/sharedStrings`, `${REL}/officeDocument`, 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet', '', 'worksheet', '/'];
const TEXTS = ['_x0000_', '_xD800_', '_xDFFF_', '_x005F_x0041_', '_xFFFF_', '_x000D__x000A_', '_xZZZZ_', '_x', '&#0;', '&#xD800;', '&#xFFFE;', '&amp;#0;', '&#1114112;', '&#x110000;', '&foo;', '&lt;&gt;', '<![CDATA[a<b]]>', '<![CDATA[', ']]>', '\uFEFF', '\u0000', '\u0001', '\uD800', '\uFFFE', 'x'.repeat(100000), '中文', '<!-- c -->', '<!--', '<?pi x?>', '&#x9;&#xA;&#xD;'];
const JUNK = ['<', '>', '&', ']]>', '<!--', '<![CDATA[x', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b"><!ENTITY c "&a;&a;&a;">]>', '&a;', '\u0000', '\uFFFE', '\uD800', '\uFEFF', '</x>', '<x', '<x y="1" y="2"/>', '<a:b xmlns:a="u"/>', '<:x/>', '<x:/>', '"', "'", '=', '<x y=z/>'];
const ATTR_NAMES = ['r', 's', 't', 'numFmtId', 'ref', 'Target', 'Id', 'r:id', 'name', 'state', 'date1904', 'TargetMode', 'Type', 'sheetId', 'count', 'uniqueCount', 'formatCode', 'ContentType', 'PartName', 'xfId', 'spans', 'ht'];
const DOCTYPES = ['<!DOCTYPE x [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">', '<!DOCTYPE x>', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'];
const CELL_VALUES = ['', '0', '-1', '1e309', 'NaN', '1e-400', '2958465.99999', '2958466', '-0.5', '60', '99999999', 'abc', '9'.repeat(400), '1048577', '1', '0x10', ' 5 ', '&#0;', '_x0000_'];

function valueFor(r, attr) {
  switch (attr) {
    case 'r':
      return r.chance(0.5) ? r.pick(REFS) : r.pick(NUMS);
    case 'ref':
      return r.pick(MERGES.concat(REFS));
    case 't':
      return r.pick(TYPES);
    case 'Target':
      return r.pick(TARGETS);
    case 'Type':
      return r.pick(RELTYPES);
    case 'TargetMode':
      return r.pick(['External', 'Internal', '', 'external']);
    case 'date1904':
      return r.pick(['1', 'true', 'TRUE', '0', 'false', 'yes', '', '2', ' 1']);
    case 'state':
      return r.pick(['visible', 'hidden', 'veryHidden', 'VeryHidden', '', 'x']);
    case 'name':
      return r.pick(['名单', 'Sheet1', '', '&lt;&gt;', 'a/b', '"', LONG, '&#0;']);
    case 'Id':
    case 'r:id':
      return r.pick(['rId1', 'rId2', 'rId3', '', 'rId999', '__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    case 'formatCode':
      return r.pick(['yyyy-mm-dd', '0.00', '@', '', '[Red]0', '"年"', '[h]:mm', 'General', '[$-804]yyyy"年"', '"d"0', '\\d0', 'm/d/yy h:mm', '[[[', '"""', LONG]);
    default:
      return r.pick(NUMS);
  }
}

const esc = (v) => v.replace(/"/g, '&quot;');
const TAG_RE = /<[^<>]*>/g;

function allMatches(re, s, cap = 5000) {
  const out = [];
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(s)) && out.length < cap) out.push(m);
  return out;
}

/** [start, end) of the element a tag opens (its closing tag included when there is one). */
function elementSpan(s, tag) {
  const t = tag[0];
  const start = tag.index;
  if (t.endsWith('/>') || t.startsWith('</') || t.startsWith('<?') || t.startsWith('<!')) return [start, start + t.length];
  const name = /^<([^\s/>]+)/.exec(t)?.[1];
  const close = name ? s.indexOf(`</${name}>`, start) : -1;
  return close < 0 ? [start, start + t.length] : [start, close + name.length + 3];
}

const splice = (s, at, end, text) => s.slice(0, at) + text + s.slice(end);

/** A random attribute's value replaced (the first match of `re`, or every one now and then). */
function setAttr(r, s, re, valueOf) {
  const found = allMatches(re, s);
  if (!found.length) return null;
  const m = r.pick(found);
  return splice(s, m.index, m.index + m[0].length, `${m[1]}${m[2]}="${esc(valueOf(m[2]))}"`);
}

const XML_OPS = {
  delTag(r, s) {
    const tags = allMatches(TAG_RE, s);
    if (!tags.length) return s;
    const m = r.pick(tags);
    return splice(s, m.index, m.index + m[0].length, '');
  },
  delElement(r, s) {
    const tags = allMatches(TAG_RE, s);
    if (!tags.length) return s;
    const [a, b] = elementSpan(s, r.pick(tags));
    return splice(s, a, b, '');
  },
  dupElement(r, s) {
    const tags = allMatches(TAG_RE, s);
    if (!tags.length) return s;
    const [a, b] = elementSpan(s, r.pick(tags));
    return splice(s, b, b, s.slice(a, b).repeat(r.pick([1, 1, 2, 10, 100])));
  },
  moveElement(r, s) {
    const tags = allMatches(TAG_RE, s);
    if (tags.length < 2) return s;
    const [a, b] = elementSpan(s, r.pick(tags));
    const rest = splice(s, a, b, '');
    const others = allMatches(TAG_RE, rest);
    if (!others.length) return rest;
    const at = r.pick(others).index;
    return splice(rest, at, at, s.slice(a, b));
  },
  swapTags(r, s) {
    const tags = allMatches(TAG_RE, s);
    if (tags.length < 2) return s;
    let [a, b] = [r.pick(tags), r.pick(tags)];
    if (a.index > b.index) [a, b] = [b, a];
    if (a.index === b.index) return s;
    return s.slice(0, a.index) + b[0] + s.slice(a.index + a[0].length, b.index) + a[0] + s.slice(b.index + b[0].length);
  },
  attrValue(r, s) {
    return setAttr(r, s, /(\s)([A-Za-z_:][\w:.-]*)="([^"]*)"/g, (name) => valueFor(r, name)) ?? s;
  },
  namedAttr(r, s) {
    const name = r.pick(ATTR_NAMES);
    const re = new RegExp(`(\\s)(${name.replace(':', '\\:')})="([^"]*)"`, 'g');
    if (!allMatches(re, s, 1).length) return XML_OPS.attrValue(r, s);
    if (r.chance(0.3)) return s.replace(re, (_, space, n) => `${space}${n}="${esc(valueFor(r, name))}"`);
    return setAttr(r, s, re, () => valueFor(r, name));
  },
  delAttr(r, s) {
    const attrs = allMatches(/\s[A-Za-z_:][\w:.-]*="[^"]*"/g, s);
    if (!attrs.length) return s;
    const m = r.pick(attrs);
    return splice(s, m.index, m.index + m[0].length, '');
  },
  addAttr(r, s) {
    const tags = allMatches(/<([A-Za-z][\w:.-]*)(\s|\/?>)/g, s);
    if (!tags.length) return s;
    const m = r.pick(tags);
    const name = r.pick(ATTR_NAMES.concat(['__proto__', 'xmlns', 'xmlns:r', 'r:r', 'x:s']));
    const at = m.index + 1 + m[1].length;
    return splice(s, at, at, ` ${name}="${esc(valueFor(r, name))}"`);
  },
  text(r, s) {
    const texts = allMatches(/>([^<]*)</g, s);
    if (!texts.length) return s;
    const m = r.pick(texts);
    const t = r.pick(TEXTS);
    return splice(s, m.index + 1, m.index + 1 + m[1].length, r.chance(0.5) ? t : m[1] + t);
  },
  junk(r, s) {
    const at = r.int(s.length + 1);
    return splice(s, at, at, r.pick(JUNK));
  },
  nest(r, s) {
    const tags = allMatches(TAG_RE, s);
    if (!tags.length) return s;
    const m = r.pick(tags);
    const at = m.index + m[0].length;
    const n = r.pick([100, 1000, 20000, 100000]);
    const name = r.pick(['x', 'r', 't', 'is', 'si', 'v', 'c', 'row']);
    return splice(s, at, at, `<${name}>`.repeat(n) + (r.chance(0.7) ? `</${name}>`.repeat(n) : ''));
  },
  truncate(r, s) {
    return s.slice(0, r.int(s.length));
  },
  unclose(r, s) {
    const closes = allMatches(/<\/[^>]+>/g, s);
    if (!closes.length) return s;
    const m = r.pick(closes);
    return splice(s, m.index, m.index + m[0].length, '');
  },
  doctype(r, s) {
    const i = s.indexOf('?>');
    const at = i >= 0 ? i + 2 : 0;
    let out = splice(s, at, at, r.pick(DOCTYPES));
    if (r.chance(0.5)) {
      const texts = allMatches(/>([^<]*)</g, out);
      if (texts.length) {
        const m = r.pick(texts);
        out = splice(out, m.index + 1, m.index + 1, r.pick(['&c;', '&e;', '&a;']));
      }
    }
    return out;
  },
  cells(r, s) {
    const i = s.indexOf('</sheetData>');
    if (i < 0) return s;
    let added = '';
    for (let k = 0, n = r.pick([1, 3, 10]); k < n; k++) {
      const attrs = [];
      if (r.chance(0.8)) attrs.push(`r="${esc(r.pick(REFS))}"`);
      if (r.chance(0.5)) attrs.push(`s="${esc(r.pick(NUMS))}"`);
      if (r.chance(0.7)) attrs.push(`t="${r.pick(TYPES)}"`);
      const body = r.pick([`<v>${r.pick(CELL_VALUES)}</v>`, `<is><t>${r.pick(TEXTS)}</t></is>`, '<is><r><t>a</t></r><rPh><t>b</t></rPh></is>', '<f>SUM(A1)</f><v>3</v>', '', '<v/>', '<v><![CDATA[7]]></v>', '<is><rPh><rPh><t>z</t></rPh></rPh><t>y</t></is>']);
      const cell = `<c ${attrs.join(' ')}>${body}</c>`;
      added += r.chance(0.5) ? `<row r="${esc(r.pick(NUMS))}">${cell}</row>` : cell;
    }
    return splice(s, i, i, added);
  },
  merges(r, s) {
    const i = s.indexOf('</sheetData>');
    if (i < 0) return s;
    const n = r.pick([1, 2, 5, 50]);
    const refs = Array.from({ length: n }, () => `<mergeCell ref="${esc(r.pick(MERGES))}"/>`).join('');
    const block = r.chance(0.8) ? `<mergeCells count="${n}">${refs}</mergeCells>` : refs;
    // After sheetData, where it belongs, or before it now and then.
    const at = r.chance(0.7) ? i + '</sheetData>'.length : s.indexOf('<sheetData') >= 0 ? s.indexOf('<sheetData') : i;
    return splice(s, at, at, block);
  },
  sheets(r, s) {
    const found = allMatches(/<sheet\s[^>]*\/>/g, s);
    if (!found.length) return s;
    const m = r.pick(found);
    switch (r.int(5)) {
      case 0:
        return s.replace(m[0], m[0].repeat(r.pick([2, 5, 1000])));
      case 1:
        return s.replace(/<sheet\s([^>]*?)name="[^"]*"/g, '<sheet $1name="同名"');
      case 2:
        return s.replace(/r:id="[^"]*"/g, `r:id="${r.pick(['rId1', 'rId2', 'rId999', ''])}"`);
      case 3:
        return s.replace(m[0], '');
      default:
        return s.replace(/<sheets>/, '<sheets><sheet name="新" sheetId="99" r:id="rId1"/>');
    }
  },
  workbookPr(r, s) {
    const v = r.pick(['1', 'true', 'TRUE', '0', 'false', '', 'yes']);
    if (/<workbookPr[\s/>]/.test(s)) return s.replace(/<workbookPr/, `<workbookPr date1904="${v}"`);
    return s.replace(/<sheets>/, `<workbookPr date1904="${v}"/><sheets>`);
  },
  styles(r, s) {
    switch (r.int(4)) {
      case 0:
        return s.replace(/<numFmts[^>]*>/, (t) => `${t}<numFmt numFmtId="${esc(r.pick(NUMS))}" formatCode="${esc(valueFor(r, 'formatCode'))}"/>`);
      case 1:
        return s.replace(/<xf\s/g, () => `<xf numFmtId="${esc(r.pick(NUMS))}" `);
      case 2:
        return s.replace(/<cellXfs[^>]*>[\s\S]*?<\/cellXfs>/, (t) => t.repeat(r.pick([2, 3])));
      default:
        return s.replace(/<\/styleSheet>/, `<cellXfs><xf numFmtId="${esc(r.pick(NUMS))}"/><cellXfs><xf/></cellXfs></cellXfs></styleSheet>`);
    }
  },
  sst(r, s) {
    const t = r.pick(TEXTS);
    const item = r.pick([`<si><t>${t}</t></si>`, `<si><r><t>${t}</t></r><r><t>b</t></r></si>`, `<si><rPh><t>${t}</t></rPh><t>k</t></si>`, '<si/>', '<si><t/></si>', `<si><si><t>${t}</t></si></si>`, '<t>orphan</t>', `<si><t xml:space="preserve">  ${t}  </t></si>`]);
    const i = r.chance(0.5) ? s.indexOf('<si>') : s.lastIndexOf('</sst>');
    return i < 0 ? s : splice(s, i, i, item.repeat(r.pick([1, 1, 5])));
  },
  rels(r, s) {
    const found = allMatches(/<Relationship\s[^>]*\/>/g, s);
    if (!found.length) return s;
    const m = r.pick(found);
    const target = () => `Target="${esc(r.pick(TARGETS))}"`;
    switch (r.int(5)) {
      case 0:
        return s.replace(m[0], m[0].replace(/Target="[^"]*"/, target()));
      case 1:
        return s.replace(m[0], m[0].replace(/Type="[^"]*"/, `Type="${esc(r.pick(RELTYPES))}"`));
      case 2:
        return s.replace(m[0], m[0] + m[0].replace(/Target="[^"]*"/, target()));
      case 3:
        return s.replace(m[0], m[0].replace('/>', ' TargetMode="External"/>'));
      default:
        return s.replace(m[0], '');
    }
  },
  odsRepeat(r, s) {
    const which = r.pick(['number-columns-repeated', 'number-rows-repeated', 'number-columns-spanned', 'number-rows-spanned']);
    const v = r.pick(['0', '-1', '2', '100', '1000', 'NaN', '1e3', '16385', '1048577', '']);
    const tag = which.includes('rows-rep') ? 'table:table-row' : 'table:table-cell';
    const found = allMatches(new RegExp(`<${tag}(\\s|>)`, 'g'), s);
    if (!found.length) return s;
    const at = r.pick(found).index + tag.length + 1;
    return splice(s, at, at, ` table:${which}="${v}"`);
  },
};

const GENERIC_OPS = ['delTag', 'delElement', 'dupElement', 'moveElement', 'swapTags', 'attrValue', 'namedAttr', 'namedAttr', 'delAttr', 'addAttr', 'text', 'junk', 'nest', 'truncate', 'unclose', 'doctype'];
const PART_OPS = [
  [/worksheets\//i, ['cells', 'cells', 'cells', 'merges', 'merges', 'namedAttr']],
  [/workbook\.xml$/i, ['sheets', 'sheets', 'workbookPr']],
  [/\.rels$/i, ['rels', 'rels', 'rels']],
  [/styles\.xml$/i, ['styles', 'styles']],
  [/sharedStrings/i, ['sst', 'sst']],
  [/content\.xml$/i, ['odsRepeat', 'odsRepeat']],
];

/** The XML mutations for a part: the generic ones, and those aimed at what the part holds. */
function opsFor(part) {
  const aimed = PART_OPS.find(([re]) => re.test(part));
  return aimed ? GENERIC_OPS.concat(aimed[1]) : GENERIC_OPS;
}

const PREFERRED_PART = /workbook\.xml$|workbook\.xml\.rels$|\[Content_Types\]|sharedStrings|styles\.xml|worksheets\/[^/]+\.xml$|_rels\/\.rels$/i;

function pickPart(r, files) {
  const names = Object.keys(files).filter((n) => /\.(xml|rels)$/i.test(n));
  const preferred = names.filter((n) => PREFERRED_PART.test(n));
  return r.chance(0.9) && preferred.length ? r.pick(preferred) : r.pick(names);
}

function mutateText(r, s, part, count) {
  const ops = opsFor(part);
  const done = [];
  for (let k = 0; k < count; k++) {
    const op = r.pick(ops);
    s = XML_OPS[op](r, s);
    done.push(op);
  }
  return { s, done };
}

/** The part's text as bytes: UTF-8 mostly, else with a BOM, as UTF-16 (now and then of odd length), or with a bad UTF-8 sequence. */
function encodeText(r, s) {
  const mode = r.pick(['utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'bom8', 'utf16le', 'utf16be', 'badutf8']);
  if (mode === 'utf8') return strToU8(s);
  if (mode === 'bom8') return concat(new Uint8Array([0xef, 0xbb, 0xbf]), strToU8(s));
  if (mode === 'badutf8') {
    const b = strToU8(s);
    const at = r.int(b.length + 1);
    return concat(b.slice(0, at), new Uint8Array(r.pick([[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8]])), b.slice(at));
  }
  const le = Buffer.from(s, 'utf16le');
  if (mode === 'utf16le') return concat(new Uint8Array([0xff, 0xfe]), le);
  const be = Buffer.from(le).swap16();
  const out = concat(new Uint8Array([0xfe, 0xff]), be);
  return r.chance(0.2) ? out.slice(0, out.length - 1) : out;
}

/** A change to the package rather than a part's text; returns its description and, for 'stored', level 0. */
function partMutate(r, files) {
  const names = Object.keys(files);
  const op = r.pick(['delete', 'rename-case', 'leading-slash', 'backslash', 'stored', 'add-mimetype', 'empty', 'swap-contents', 'add-bin']);
  const name = r.pick(names.filter((n) => /\.(xml|rels)$/i.test(n)));
  const rename = (to) => {
    const v = files[name];
    delete files[name];
    files[to] = v;
  };
  let level;
  switch (op) {
    case 'delete':
      delete files[name];
      break;
    case 'rename-case':
      rename(r.chance(0.5) ? name.toUpperCase() : name.replace(/xml/g, 'XmL'));
      break;
    case 'leading-slash':
      rename(`/${name}`);
      break;
    case 'backslash':
      rename(name.replace(/\//g, '\\'));
      break;
    case 'stored':
      level = 0;
      break;
    case 'add-mimetype':
      files.mimetype = strToU8(r.pick(['application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.text', ' application/vnd.oasis.opendocument.spreadsheet\n', '']));
      if (r.chance(0.5)) delete files['xl/workbook.xml'];
      break;
    case 'empty':
      files[name] = new Uint8Array(0);
      break;
    case 'swap-contents': {
      const other = r.pick(names);
      [files[name], files[other]] = [files[other], files[name]];
      break;
    }
    default:
      files['xl/workbook.bin'] = new Uint8Array([1, 2, 3]);
      if (r.chance(0.5)) delete files['xl/workbook.xml'];
  }
  return { desc: `${op}:${name}`, level };
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

function genCsv(r) {
  const { seeds, csv } = seedSet();
  const kind = r.pick(['random', 'random', 'badutf8', 'quoted', 'lonequote', 'cr', 'seed', 'wide', 'tall', 'bom16', 'magic']);
  const enc = { encode: strToU8 };
  let b;
  switch (kind) {
    case 'random':
      b = r.bytes(r.range(0, 5000));
      break;
    case 'badutf8': {
      const parts = [];
      for (let i = 0; i < 200; i++) parts.push(r.chance(0.7) ? enc.encode(r.pick(['a', '中', ',', '\n', '"', '名单', '\r'])) : new Uint8Array(r.pick([[0xc3], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0x81, 0x30], [0xa1]])));
      b = concat(...parts);
      break;
    }
    case 'quoted':
      b = enc.encode(`a,"${'x'.repeat(r.pick([10, 100000, 900000]))}",b\n"c""d",e`);
      break;
    case 'lonequote':
      b = enc.encode(r.pick(['"', 'a,"b', '"a"b"c,d', 'a,b"c"', '"\n\n\n', '""""""', '"a""']).repeat(r.pick([1, 10, 10000])));
      break;
    case 'cr':
      b = enc.encode(Array.from({ length: r.range(1, 2000) }, (_, i) => `r${i},${i}`).join(r.pick(['\r', '\r\r\n', '\n\r', '\r\n'])));
      break;
    case 'seed':
      b = byteMutate(r, seeds[r.pick(csv)], r.range(1, 6)).d;
      break;
    case 'wide':
      b = enc.encode(`${','.repeat(r.pick([16383, 16384, 20000]))}x\ny`);
      break;
    case 'tall':
      b = enc.encode(`${r.pick(['\n', '\r', '\r\n']).repeat(r.pick([1048575, 1048576, 300000]))}x`);
      break;
    case 'bom16': {
      const t = Buffer.from(r.pick(['名单,金额\n甲,1', 'a'.repeat(3), '\uD800,x']), 'utf16le');
      b = concat(new Uint8Array([0xff, 0xfe]), r.chance(0.3) ? t.subarray(0, t.length - 1) : t);
      if (r.chance(0.3)) {
        const be = Buffer.from(b.subarray(2));
        if (be.length % 2 === 0) be.swap16();
        b = concat(new Uint8Array([0xfe, 0xff]), be);
      }
      break;
    }
    default:
      // Another format's first bytes (zip, OLE, PDF, XML) before random ones.
      b = concat(new Uint8Array(r.pick([[0xef, 0xbb, 0xbf], [], [0x50, 0x4b], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0x25, 0x50, 0x44, 0x46], [0x3c, 0x3f, 0x78, 0x6d]])), r.bytes(r.range(0, 300)));
  }
  return { bytes: b, name: '名单.csv', desc: `csv:${kind}` };
}

// ── Cases ───────────────────────────────────────────────────────────────────────────────────

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const nameFor = (seed) => (/\.ods$/i.test(seed) ? '表格.ods' : /\.et$/i.test(seed) ? '表格.et' : /\.xls$/i.test(seed) ? '表格.xls' : '附表.xlsx');

const GENERATORS = {
  byte(r) {
    const set = seedSet();
    const seed = r.chance(0.8) ? r.pick(set.xlsx) : r.pick(set.zipped);
    const { d, ops } = byteMutate(r, set.seeds[seed], r.pick([1, 1, 2, 3, 5, 10]));
    return { bytes: d, name: nameFor(seed), desc: `byte:${seed}:${ops.join(',')}` };
  },
  xml(r) {
    const seed = r.pick(seedSet().xlsx);
    const files = unzipSeed(seed);
    const descs = [];
    let level;
    if (r.chance(0.12)) {
      const p = partMutate(r, files);
      descs.push(p.desc);
      level = p.level;
    }
    for (let p = 0, parts = r.pick([1, 1, 1, 2, 3]); p < parts; p++) {
      const part = pickPart(r, files);
      if (!part) break;
      const { s, done } = mutateText(r, strFromU8(files[part]), part, r.pick([1, 1, 2, 3, 4]));
      descs.push(...done.map((op) => `${op}@${part}`));
      files[part] = encodeText(r, s);
    }
    return { bytes: zipFixed(files, level ?? (() => (r.chance(0.1) ? 0 : 6))), name: '附表.xlsx', desc: `xml:${seed}:${descs.join(',')}` };
  },
  csv: genCsv,
  legacy(r) {
    const set = seedSet();
    if (r.chance(0.35)) {
      const seed = r.pick(set.ods);
      const files = unzipSeed(seed);
      const part = r.pick(['content.xml', 'content.xml', 'styles.xml', 'META-INF/manifest.xml', 'mimetype']);
      const { s, done } = mutateText(r, strFromU8(files[part]), part, r.pick([1, 2, 3]));
      files[part] = strToU8(s);
      // The mimetype stays first and stored, as OpenDocument wants (fflate keeps the order given).
      const ordered = { mimetype: files.mimetype, ...files };
      return { bytes: zipFixed(ordered, (name) => (name === 'mimetype' ? 0 : 6)), name: '表格.ods', desc: `legacy-ods:${seed}:${part}:${done.join(',')}` };
    }
    const seed = r.chance(0.2) ? r.pick(set.ods) : r.pick(set.ole);
    const { d, ops } = byteMutate(r, set.seeds[seed], r.pick([1, 1, 2, 4, 8, 20]));
    // Keep the compound-file signature most of the time, so that the file is read as one.
    if (!/\.ods$/i.test(seed) && r.chance(0.8)) d.set(OLE_SIGNATURE.slice(0, Math.min(8, d.length)), 0);
    return { bytes: d, name: nameFor(seed), desc: `legacy-bytes:${seed}:${ops.join(',')}` };
  },
};

const RANDOM_KINDS = Object.keys(GENERATORS);

/** Case `index` of `kind` under the run's `seed`: { bytes, name (what the reader is told), desc }. */
function generate(kind, index, seed) {
  return GENERATORS[kind](rng(`${seed}/${kind}#${index}`));
}

module.exports = { generate, RANDOM_KINDS, seedSet };
