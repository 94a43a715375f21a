/** Office operations that fail say so in Chinese, with what to do. */

/** An operation failed; `message` is Chinese and says what to do. */
export class OfficeOperationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'OfficeOperationError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Office's error as a short detail: `ItemNotFound：…`. */
export function officeErrorDetail(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    const text = String(message ?? '') || '未知错误';
    return typeof code === 'string' && code && !text.includes(code) ? `${code}：${text}` : text;
  }
  return error === undefined || error === null ? '未知错误' : String(error);
}

export function fail(action: string, error: unknown, advice: string): OfficeOperationError {
  if (error instanceof OfficeOperationError) return error;
  return new OfficeOperationError(`${action}失败（${officeErrorDetail(error)}）。${advice}`, { cause: error });
}
