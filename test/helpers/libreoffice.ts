/**
 * LibreOffice headless, one fresh profile per run (two runs sharing a profile block each other).
 * `recalculate` makes it recompute every formula when it loads a workbook, rather than trusting the
 * cached results (its default for .xlsx), by seeding the profile's OOXMLRecalcMode setting.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** LibreOffice and poppler are installed by .ci/run; a machine without them skips such tests outside CI. */
export const withLibreOffice: jest.It = (SOFFICE || process.env.CI ? globalThis.test : globalThis.test?.skip) as jest.It;

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Convert `file` with LibreOffice into `outDir` (e.g. `pdf`, `xlsx`); returns the converted file's path.
 *
 * @param recalculate recompute every formula on load
 */
export function convert(file: string, format: string, outDir: string, options: { recalculate?: boolean } = {}): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  if (options.recalculate) {
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  }
  mkdirSync(outDir, { recursive: true });
  execFileSync(SOFFICE ?? 'soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file], {
    stdio: 'ignore',
    timeout: 240_000,
  });
  const out = path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.${format.split(':')[0]}`);
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
