/**
 * Bytes that are UTF-8 or, failing that, GB18030: what a Chinese Windows writes when it does not
 * write UTF-8 (its ANSI code page is GBK, which GB18030 contains). Used for CSV contents and for
 * file names unpacked from a zip made on such a machine, so neither turns into replacement marks.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

export function utf8OrGb18030(bytes: Uint8Array): { text: string; utf8: boolean } {
  try {
    return { text: utf8.decode(bytes), utf8: true };
  } catch {
    return { text: gb18030.decode(bytes), utf8: false };
  }
}
