/**
 * Host detection for the task pane: is the page running inside Excel, which ExcelApi sets does
 * that Excel support, and is its theme dark. The `Office` global is passed in as a parameter
 * (never read here) so that the logic runs, and is tested, without any globals; the page may
 * well have no `Office` at all when office.js failed to load.
 */

/** The slice of the office.js `Office` namespace that host detection uses. */
export interface OfficeLike {
  onReady?: (callback?: (info: OfficeReadyInfo) => unknown) => Promise<OfficeReadyInfo> | unknown;
  context?: {
    requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean };
    officeTheme?: { bodyBackgroundColor?: string } | null;
  } | null;
}

export interface OfficeReadyInfo {
  host: string | null;
  platform?: string | null;
}

/** Why the page counts as running outside Excel. */
export type OutsideReason =
  /** office.js did not load (no network, blocked), so there is no `Office` global. */
  | 'no-office'
  /** office.js loaded, but the page is not hosted by Excel (a plain browser, or another Office app). */
  | 'not-excel'
  /** Office.onReady has not resolved within the timeout (still listened to: see {@link watchHost}). */
  | 'timeout';

export interface ExcelApiSupport {
  /** Highest ExcelApi version among {@link EXCEL_API_VERSIONS} that the host supports, or null. */
  highest: string | null;
  /** Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13) is available. */
  insertWorksheetsFromBase64: boolean;
}

export type HostInfo =
  | { kind: 'excel'; platform: string | null; excelApi: ExcelApiSupport; dark: boolean }
  | { kind: 'outside'; reason: OutsideReason; hostName: string | null };

/** ExcelApi versions probed at run time, oldest first. 1.7 is the manifest's floor. */
export const EXCEL_API_VERSIONS = [
  '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20',
] as const;

/** ExcelApi version that brought Workbook.insertWorksheetsFromBase64. */
export const INSERT_WORKSHEETS_FROM_BASE64_VERSION = '1.13';

/** How long to wait for Office.onReady before saying the page may be outside Excel (it keeps listening). */
export const DEFAULT_READY_TIMEOUT_MS = 3000;

/** Whether the host supports `name` at `version`; false when the API is missing or throws. */
export function isSetSupported(office: OfficeLike, name: string, version: string): boolean {
  try {
    const check = office.context?.requirements?.isSetSupported;
    return typeof check === 'function' ? Boolean(check.call(office.context?.requirements, name, version)) : false;
  } catch {
    return false;
  }
}

export function probeExcelApi(office: OfficeLike): ExcelApiSupport {
  let highest: string | null = null;
  for (const version of EXCEL_API_VERSIONS) {
    if (isSetSupported(office, 'ExcelApi', version)) highest = version;
  }
  return {
    highest,
    insertWorksheetsFromBase64: isSetSupported(office, 'ExcelApi', INSERT_WORKSHEETS_FROM_BASE64_VERSION),
  };
}

/** True for a dark `#RRGGBB` (or `#RGB`) colour; false for light or unparsable input. */
export function isDarkColor(color: string | undefined | null): boolean {
  if (!color) return false;
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  // Relative luminance (sRGB, ITU-R BT.709 weights, gamma approximated).
  const lum = 0.2126 * r ** 2.2 + 0.7152 * g ** 2.2 + 0.0722 * b ** 2.2;
  return lum < 0.2;
}

/** Whether Office reports a dark theme (Office.context.officeTheme); false when unavailable. */
export function isOfficeThemeDark(office: OfficeLike): boolean {
  try {
    return isDarkColor(office.context?.officeTheme?.bodyBackgroundColor);
  } catch {
    return false;
  }
}

const TIMED_OUT = Symbol('timed-out');

/**
 * Works out where the page runs. Never rejects: any failure means "outside Excel".
 * @param office the `Office` global, or undefined when office.js did not load
 */
export async function detectHost(
  office: OfficeLike | undefined | null,
  options: { timeoutMs?: number } = {},
): Promise<HostInfo> {
  if (!office || typeof office.onReady !== 'function') {
    return { kind: 'outside', reason: 'no-office', hostName: null };
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  let info: OfficeReadyInfo | typeof TIMED_OUT | undefined;
  try {
    info = await Promise.race([readyInfo(office), timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (info === TIMED_OUT) return { kind: 'outside', reason: 'timeout', hostName: null };
  return hostOf(office, info);
}

/** What Office.onReady resolved with; undefined when it threw or rejected. */
async function readyInfo(office: OfficeLike): Promise<OfficeReadyInfo | undefined> {
  try {
    return (await Promise.resolve(office.onReady?.())) as OfficeReadyInfo | undefined;
  } catch {
    return undefined;
  }
}

/** The host an onReady answer describes. */
function hostOf(office: OfficeLike, info: OfficeReadyInfo | undefined): HostInfo {
  const hostName = info && typeof info.host === 'string' ? info.host : null;
  if (hostName !== 'Excel') return { kind: 'outside', reason: 'not-excel', hostName };
  return {
    kind: 'excel',
    platform: info && typeof info.platform === 'string' ? info.platform : null,
    excelApi: probeExcelApi(office),
    dark: isOfficeThemeDark(office),
  };
}

/**
 * Follows Office.onReady past the timeout: `onChange` gets `{ kind: 'outside', reason: 'timeout' }`
 * once `timeoutMs` passes without an answer, and then the real answer whenever onReady resolves
 * (a slow Excel still switches the pane to Excel mode). Answers at most twice; returns a function
 * that stops listening.
 * @param office the `Office` global, or undefined when office.js did not load
 */
export function watchHost(
  office: OfficeLike | undefined | null,
  onChange: (info: HostInfo) => void,
  options: { timeoutMs?: number } = {},
): () => void {
  let stopped = false;
  let answered = false;
  const tell = (info: HostInfo) => {
    if (!stopped) onChange(info);
  };
  if (!office || typeof office.onReady !== 'function') {
    queueMicrotask(() => tell({ kind: 'outside', reason: 'no-office', hostName: null }));
    return () => {
      stopped = true;
    };
  }
  const timer = setTimeout(() => {
    if (!answered) tell({ kind: 'outside', reason: 'timeout', hostName: null });
  }, options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
  void readyInfo(office).then((info) => {
    answered = true;
    clearTimeout(timer);
    tell(hostOf(office, info));
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The `Office` global if office.js loaded, else undefined. The one place that reads it. */
export function readOfficeGlobal(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
}
