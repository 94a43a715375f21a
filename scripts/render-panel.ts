/**
 * docs/images/panel-printed-1.png and -2.png: the 合议表 of the three reviewers' copies the tests merge
 * (test/helpers/panelCopies.ts), printed to PDF by LibreOffice headless with its own profile
 * (test/helpers/libreoffice.ts), its first two pages (thresholds; indicators, comments and
 * entries) turned into PNGs by pdftoppm.
 *
 *   npx tsx scripts/render-panel.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { mergeReviewFiles, writePanelWorkbook } from '../src/workbook/file/reviewCopies';
import { threeCopies } from '../test/helpers/panelCopies';
import { convert } from '../test/helpers/libreoffice';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'panel-image-'));
  const xlsx = path.join(dir, '测试平台-合议表.xlsx');
  writeFileSync(xlsx, await writePanelWorkbook(await mergeReviewFiles(await threeCopies())));
  const pdf = convert(xlsx, 'pdf', dir);
  for (const page of [1, 2]) {
    const out = path.resolve(__dirname, '..', 'docs', 'images', `panel-printed-${page}`);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
    console.log(`已写出 ${path.relative(process.cwd(), `${out}.png`)}`);
  }
}

void main();
