/**
 * Makes the reader's fixtures from other writers, once, to be committed (test/fixtures/reader/):
 * a small submission written by ExcelJS (来源.xlsx), and LibreOffice's conversions of it to Excel
 * 97-2003 (.xls), OpenDocument (.ods), and back from .ods to .xlsx, as reviewers receive them; the
 * .xls again as a WPS .et (WPS saves .et in the same OLE/BIFF8 container); and CSVs of one sheet
 * in UTF-8 with a byte-order mark and in GB18030.
 *
 * Needs LibreOffice (Debian: libreoffice-calc). Usage: npx tsx scripts/make-reader-fixtures.ts
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const OUT = path.resolve(__dirname, '../test/fixtures/reader');

const LIST: (string | number | Date)[][] = [
  ['序号', '服务企业名称', '服务内容', '所属省市'],
  [1, '坤舆数联（北京）文化传媒有限公司', '参加“专精特新”政策宣讲会', '北京市'],
  [2, '保定柏金辰机械设备有限责任公司', '检验检测', '河北省'],
  [3, '天津市河北区𠀀𪚥精密仪器有限公司', '知识产权申请 😀', '天津市'],
  [4, 'ＡＢＣ（北京）科技有限公司', '=不是公式', '北京'],
];

const ORDERS: (string | number | Date)[][] = [
  ['序号', '服务企业名称', '企业划型', '合同/订单金额（万元）', '合同/订单时间', '占比'],
  [1, '坤舆数联（北京）文化传媒有限公司', '小型', 12.5, new Date(Date.UTC(2024, 4, 12)), 0.95],
  [2, '保定柏金辰机械设备有限责任公司', '微型', 3000, new Date(Date.UTC(2024, 11, 31)), 0.5],
];

async function source(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet('名单');
  list.getCell('A1').value = '附表4-2-1-2 2024年度服务企业名单';
  list.mergeCells('A1:D1');
  LIST.forEach((r, i) => list.getRow(i + 2).values = r);
  const orders = wb.addWorksheet('订单');
  ORDERS.forEach((r, i) => orders.getRow(i + 1).values = r);
  for (let r = 2; r <= ORDERS.length; r++) {
    orders.getCell(r, 4).numFmt = '#,##0.00';
    orders.getCell(r, 5).numFmt = 'yyyy-mm-dd';
    orders.getCell(r, 6).numFmt = '0%';
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

function soffice(profile: string, args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { stdio: 'inherit', timeout: 120_000 });
}

function csvOf(rows: (string | number | Date)[][]): string {
  const field = (v: string | number | Date) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'reader-fixtures-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  try {
    const src = path.join(work, '来源.xlsx');
    await source(src);
    soffice(profile, ['--convert-to', 'xls:MS Excel 97', '--outdir', work, src]);
    soffice(profile, ['--convert-to', 'ods', '--outdir', work, src]);
    const ods = path.join(work, '来源.ods');
    const back = path.join(work, 'back');
    mkdirSync(back);
    soffice(profile, ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', back, ods]);
    copyFileSync(src, path.join(OUT, '来源.xlsx'));
    renameSync(path.join(work, '来源.xls'), path.join(OUT, 'libreoffice.xls'));
    copyFileSync(path.join(OUT, 'libreoffice.xls'), path.join(OUT, 'wps.et'));
    renameSync(ods, path.join(OUT, 'libreoffice.ods'));
    renameSync(path.join(back, '来源.xlsx'), path.join(OUT, 'libreoffice-from-ods.xlsx'));
    const csv = csvOf(LIST);
    writeFileSync(path.join(OUT, '名单-utf8-bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    // GB18030 from the platform's own encoder (TextEncoder only writes UTF-8): Python's codec.
    const gb = execFileSync('/usr/bin/python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: csv });
    writeFileSync(path.join(OUT, '名单-gb18030.csv'), gb);
    console.log(`fixtures written to ${path.relative(process.cwd(), OUT)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
