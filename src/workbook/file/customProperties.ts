/**
 * Custom document properties (File › Info › Properties › Custom in Excel), which ExcelJS does not
 * write: the package gets a `docProps/custom.xml` part, its content type and its relationship.
 * Every other part is carried over unchanged.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** A property's value: text or yes/no. */
export type CustomPropertyValue = string | boolean;

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** The format id every custom property carries (ECMA-376 Part 1, §22.3.2.2). */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function customXml(props: Readonly<Record<string, CustomPropertyValue>>): string {
  const items = Object.entries(props).map(([name, value], i) => {
    const v = typeof value === 'boolean' ? `<vt:bool>${value}</vt:bool>` : `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr>`;
    return `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(name)}">${v}</property>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    items.join('') +
    '</Properties>'
  );
}

/**
 * The .xlsx package with these custom properties (replacing any it had).
 *
 * @example
 * withCustomProperties(bytes, { 评分细则为正式细则: false })
 */
export function withCustomProperties(xlsx: Uint8Array, props: Readonly<Record<string, CustomPropertyValue>>): Uint8Array {
  const parts = unzipSync(xlsx);
  const types = strFromU8(parts['[Content_Types].xml']);
  const rels = strFromU8(parts['_rels/.rels']);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) out[name] = [data, { level: 1 }];
  out[CUSTOM_PART] = [strToU8(customXml(props)), { level: 1 }];
  if (!types.includes(`PartName="/${CUSTOM_PART}"`)) {
    out['[Content_Types].xml'] = [strToU8(types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`)), { level: 1 }];
  }
  if (!rels.includes(CUSTOM_REL)) {
    const ids = Array.from(rels.matchAll(/Id="rId(\d+)"/g), (m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    out['_rels/.rels'] = [strToU8(rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`)), { level: 1 }];
  }
  return zipSync(out);
}

/** The custom properties of an .xlsx package, as written by {@link withCustomProperties} (for tests and re-reads). */
export function readCustomProperties(xlsx: Uint8Array): Record<string, CustomPropertyValue> {
  const part = unzipSync(xlsx, { filter: (f) => f.name === CUSTOM_PART })[CUSTOM_PART];
  if (!part) return {};
  const out: Record<string, CustomPropertyValue> = {};
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of strFromU8(part).matchAll(/<property [^>]*name="([^"]*)"[^>]*>\s*<vt:(bool|lpwstr)>([^<]*)<\/vt:\2>/g)) {
    out[unescape(m[1])] = m[2] === 'bool' ? m[3] === 'true' : unescape(m[3]);
  }
  return out;
}
