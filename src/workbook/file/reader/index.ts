/**
 * The one reader of submitted files, for the command line, the batch workers, review.html and the
 * task pane's import alike: bytes in, the domain's grids out, or a Chinese reason naming the file.
 * No `fs` here, so the browser uses it as the CLI does.
 *
 * What a file is comes from its first bytes, not its name: a zip is SpreadsheetML (or
 * OpenDocument), an OLE compound file is Excel 97–2003 or WPS (or an encrypted workbook), and only
 * a file named .csv is read as text.
 */
import type { SheetGrid } from '../../../domain/grid';
import { WorkbookReadError } from '../../port';
import { readCompoundDirectory, withoutPropertySets } from './compoundFile';
import { readCsvGrids } from './csv';
import { readLegacyGrids } from './legacy';
import { checkOpenDocument } from './openDocument';
import { Unreadable } from './problem';
import { readXlsxGrids } from './xlsx';
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipLimits } from './zip';

export { Unreadable } from './problem';

/** File name endings the reader accepts (anything else is listed with a reason). */
export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv'] as const;

export interface ReadOptions {
  /** Most bytes a file's parts may inflate to (500 MB by default). */
  maxInflatedBytes?: number;
}

const startsWith = (data: Uint8Array, bytes: number[]): boolean => bytes.every((b, i) => data[i] === b);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

/** Whether an OLE compound file holds an encrypted OOXML package (its directory names the stream). */
function isEncryptedPackage(data: Uint8Array): boolean {
  // Directory entry names are UTF-16LE; the directory sits anywhere in the file.
  const name = 'EncryptedPackage';
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= data.length; i++) {
    if (data[i] !== first || data[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (data[i + 2 * k] !== name.charCodeAt(k) || data[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const extensionOf = (file: string): string => {
  const m = /\.[^./\\]+$/.exec(file);
  return m ? m[0].toLowerCase() : '';
};

/** The reason a file that is none of the formats read is refused, from its first bytes and name. */
function refusal(data: Uint8Array, ext: string): string {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return '实际是 PDF 文件，不是 Excel 表格';
  if (startsWith(data, [0x3c, 0x3f, 0x78, 0x6d]) || startsWith(data, [0xef, 0xbb, 0xbf, 0x3c])) return '是 XML 表格（如 Excel 2003 XML），请另存为 .xlsx 后重新提交';
  if (ext === '.xlsb') return '是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后重新提交';
  if (ext === '.numbers') return '是 Apple Numbers 文件，请导出为 .xlsx 后重新提交';
  const named = ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || ext === '.et' || ext === '.ods' ? ` ${ext}` : ' Excel';
  return `不是有效的${named} 文件（文件内容不是 Excel 工作簿，可能已损坏或扩展名有误）`;
}

async function gridsOf(data: Uint8Array, file: string, limits: ZipLimits): Promise<SheetGrid[]> {
  const ext = extensionOf(file);
  if (data.length === 0) throw new Unreadable('文件为空（0 字节）');
  if (startsWith(data, ZIP)) {
    const archive = new ZipArchive(data, limits);
    const mimetype = archive.entry('mimetype');
    if (mimetype && !archive.entry('xl/workbook.xml')) {
      let type = '';
      archive.inflateText(mimetype, (t) => (type += t));
      const kind = type.trim();
      // A spreadsheet or a spreadsheet template (.ots).
      if (kind.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
        checkOpenDocument(archive);
        return readLegacyGrids(data, file, 'OpenDocument 表格');
      }
      // Another OpenDocument, or one whose type line is damaged.
      const other = /^application\/vnd\.oasis\.opendocument\.(text|presentation|graphics)/.exec(kind)?.[1];
      if (other) throw new Unreadable(`是 OpenDocument ${{ text: '文字文档', presentation: '演示文稿', graphics: '图形' }[other]}，不是表格`);
      if (archive.entry('content.xml')) throw new Unreadable('是 OpenDocument 文件，但其类型说明（「mimetype」部分）已损坏，无法确定是否为表格，请在 WPS 或 LibreOffice 中重新保存');
    }
    return readXlsxGrids(data, file, limits);
  }
  if (startsWith(data, OLE)) {
    if (isEncryptedPackage(data)) throw new Unreadable('文件设有打开密码，请提交未加密的文件');
    const kind = ext === '.et' ? 'WPS 表格' : 'Excel 97-2003 ';
    let entries;
    try {
      entries = readCompoundDirectory(data);
    } catch (err) {
      if (err instanceof Unreadable) throw new Unreadable(`${kind}${err.reason}`);
      throw err;
    }
    return readLegacyGrids(withoutPropertySets(data, entries), file, kind);
  }
  if (ext === '.csv') return readCsvGrids(data, file);
  throw new Unreadable(refusal(data, ext));
}

/** Whether the bytes are a SpreadsheetML package (.xlsx, .xlsm), which Excel can insert as it is. */
export function isSpreadsheetMl(data: Uint8Array): boolean {
  if (!startsWith(data, ZIP)) return false;
  try {
    const archive = new ZipArchive(data);
    return !!archive.entry('xl/workbook.xml') || (!archive.entry('mimetype') && !archive.entry('xl/workbook.bin'));
  } catch {
    return false;
  }
}

/**
 * Read every worksheet of a submitted file, in tab order (very hidden sheets left out).
 *
 * @param data the file's bytes (never changed)
 * @param file the name to report in findings (the user's file name)
 * @throws WorkbookReadError with a Chinese reason naming the file
 * @example
 * const grids = await readWorkbook(bytes, '附表4-2-1-2.xlsx');
 */
export async function readWorkbook(data: Uint8Array | ArrayBuffer, file: string, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const limits: ZipLimits = { maxInflatedBytes: options.maxInflatedBytes ?? DEFAULT_ZIP_LIMITS.maxInflatedBytes };
  try {
    return await gridsOf(bytes, file, limits);
  } catch (err) {
    if (err instanceof Unreadable) throw new WorkbookReadError(file, `无法读取「${file}」：${err.reason}`);
    if (err instanceof RangeError && /memory|allocation|Invalid array length/i.test(err.message)) {
      throw new WorkbookReadError(file, `无法读取「${file}」：文件内容过大，超出可处理的范围`);
    }
    // Anything else is a failure no reason above foresaw, in English if it has words at all.
    throw new WorkbookReadError(file, `无法读取「${file}」：文件已损坏或含有无法识别的内容，无法读取`);
  }
}
