/**
 * Error details in Chinese. What the pane reports is Chinese already where this project wrote it
 * (the reader's reasons, the Office adapter's advice); the details some of them carry in brackets
 * come from elsewhere (a zip library, the browser, Office) and are English: those are replaced by
 * a Chinese reason here, so nothing English reaches the reviewer.
 */

/** Office.js error codes (OfficeExtension.Error.code), in Chinese. */
const OFFICE_CODES: Record<string, string> = {
  AccessDenied: '没有权限执行此操作',
  ActivityLimitReached: 'Excel 的操作次数已达上限',
  ApiNotFound: '当前 Excel 不支持此功能',
  Conflict: '与其他操作冲突',
  GeneralException: 'Excel 内部错误',
  InsertDeleteConflict: '插入或删除的区域与其他内容冲突',
  InvalidArgument: '参数无效',
  InvalidBinding: '绑定无效',
  InvalidOperation: 'Excel 当前不允许此操作',
  InvalidOperationInCellEditMode: '工作簿正处于单元格编辑状态',
  InvalidReference: '引用无效',
  InvalidRequest: '请求无效',
  InvalidSelection: '选择的区域无效',
  ItemAlreadyExists: '同名的对象已存在',
  ItemNotFound: '找不到要操作的对象',
  NotImplemented: '当前 Excel 未实现此功能',
  RequestAborted: '请求被中止',
  RequestPayloadSizeLimitExceeded: '数据量超过 Excel 单次请求的上限',
  ResponsePayloadSizeLimitExceeded: '数据量超过 Excel 单次返回的上限',
  ServiceNotAvailable: 'Excel 服务暂时不可用',
  Unauthenticated: '未登录或登录已过期',
  UnsupportedOperation: '不支持此操作',
  UnsupportedSheet: '不支持此类工作表',
};

/** English details by what they say, most specific first. */
const DETAILS: [RegExp, string][] = [
  [/password|encrypt/i, '文件设有打开密码'],
  [/corrupted zip|end of central directory|is this a zip file|unexpected signature|zip64/i, '压缩包不完整或已损坏'],
  [/FILE_ENDED|unexpected end|unexpected EOF|end of (?:file|data|input|stream)|truncated/i, '文件不完整，读到中途就结束了'],
  [/crc32|crc mismatch|checksum/i, '压缩包中的数据校验失败'],
  [/invalid (?:zip|distance|block|stored|length|literal|code)|incorrect header check|invalid data|inflate|unknown compression/i, '压缩数据损坏'],
  [/memory|allocation|invalid array length|maximum call stack/i, '文件内容过大，超出可处理的范围'],
  [/NotReadableError|NotFoundError|could not be read|requested file|permission/i, '浏览器无法读取该文件，可能已被移动、删除或正被其他程序占用'],
  [/failed to fetch|network|load failed/i, '网络请求失败'],
  [/cell-?edit/i, '工作簿正处于单元格编辑状态'],
  [/protected/i, '工作簿或工作表受保护'],
  [/unsupported file|not supported|unsupported/i, '文件格式不受支持'],
  [/xml|sax|unexpected (?:token|character)|unclosed|malformed/i, '文件中的 XML 数据损坏'],
];

/** Words that may stay as they are: product and format names, and what is typed as it is. */
const KEPT_WORDS = /\b(?:ExcelApi|Excel|Office|WPS|Windows|Mac|Word|HTTP|CSV|XLSX|PDF|JSON)\b/g;
/** File names and paths are kept as they are. */
const NAMES = /[^\s「」“”（）()，。：；、]*\.(?:xlsx|xlsm|xls|et|ods|csv|xml|html|js|json)\b|[~.]?\/[\w./-]*/gi;

/** What is quoted 「…」 is the submission's own text (file, sheet, enterprise names): kept as it is. */
const QUOTED = /「[^「」]*」/g;
const WORD = /(?<![A-Za-z\d])[A-Za-z]{2,}(?![A-Za-z\d])/;

/** Whether `text` holds an English word (quoted names, file names, paths and product names aside). */
export function hasEnglish(text: string): boolean {
  return WORD.test(text.replace(QUOTED, ' ').replace(NAMES, ' ').replace(KEPT_WORDS, ' '));
}

/** A Chinese reason for an English detail (`InvalidOperation：This operation…`, `Corrupted zip…`). */
export function chineseDetail(detail: string): string {
  const code = /^\s*([A-Z][A-Za-z]+)\s*(?:[：:]|$)/.exec(detail)?.[1];
  if (code && OFFICE_CODES[code]) {
    const rest = detail.slice(detail.search(/[：:]/) + 1);
    const more = /[：:]/.test(detail) ? DETAILS.find(([re]) => re.test(rest))?.[1] : undefined;
    return more && more !== OFFICE_CODES[code] ? `${OFFICE_CODES[code]}：${more}` : OFFICE_CODES[code];
  }
  return DETAILS.find(([re]) => re.test(detail))?.[1] ?? '具体原因无法识别';
}

/**
 * The message with every English detail made Chinese: a bracketed one (「（Corrupted zip: …）」)
 * is replaced in place; a message wholly in English becomes its Chinese reason.
 *
 * @example
 * chineseMessage('无法读取「a.xlsx」：文件已损坏，无法读取（FILE_ENDED）') // '无法读取「a.xlsx」：文件已损坏，无法读取（文件不完整，读到中途就结束了）'
 */
export function chineseMessage(message: string): string {
  // Quoted names are left alone; only the text between them is looked at.
  return message
    .split(/(「[^「」]*」)/)
    .map((part) => (part.startsWith('「') ? part : chinesePart(part, /[\u4e00-\u9fff]/.test(message))))
    .join('');
}

function chinesePart(text: string, hasChinese: boolean): string {
  const bracketed = text.replace(/[（(]([^（）()]*)[）)]/g, (whole, inner: string) => (hasEnglish(inner) ? `（${chineseDetail(inner)}）` : whole));
  if (!hasEnglish(bracketed)) return bracketed;
  if (!hasChinese) return `出现了意外错误（${chineseDetail(bracketed)}）`;
  // Chinese with English outside brackets (`…失败：Some detail`): the English part goes.
  return bracketed.replace(/(?:[A-Za-z][\w'’-]*[\s,.:;!?-]*)+/g, (part) => (hasEnglish(part) ? `（${chineseDetail(part)}）` : part));
}
