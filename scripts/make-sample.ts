/**
 * Writes the shipped sample submission:
 *
 *   npx tsx scripts/make-sample.ts [outDir]        (npm run sample)
 *
 * → <outDir>/星河中小企业公共服务平台/              the platform's attachment files (messy, with
 *                                                   every checked problem planted, one broken file,
 *                                                   some tables in one workbook, others one file each)
 * → <outDir>/星河中小企业公共服务平台.planted.json  the manifest of what was planted where; kept
 *                                                   outside the folder so a review of it doesn't see it
 *
 * outDir defaults to the repository's samples/. The platform folder is replaced on each run; the
 * output is byte-for-byte the same every time.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { compareDeclared } from '../src/domain/declared';
import { reviewSubmission } from '../src/domain/review';
import { declaredTemplate } from '../src/workbook/file/declaredTemplate';
import { loadSubmission } from '../src/workbook/file/submissionFiles';
import { normalizeZipTimestamps, writeSubmission, type PlantedItem, type SubmissionManifest, type SubmissionOptions } from './submission';

export const SAMPLE_PLATFORM = '星河中小企业公共服务平台';

export const SAMPLE_OPTIONS: SubmissionOptions = {
  seed: 20240915,
  messy: true,
  planted: true,
  includeBroken: true,
  layout: 'mixed',
  platformName: SAMPLE_PLATFORM,
  year: 2024,
};

export async function makeSample(outDir: string): Promise<{ dir: string; manifestPath: string; manifest: SubmissionManifest }> {
  const dir = path.join(outDir, SAMPLE_PLATFORM);
  await fs.rm(dir, { recursive: true, force: true });
  const manifest = await writeSubmission(dir, SAMPLE_OPTIONS);
  manifest.planted.push(...(await writeDeclared(dir)));
  const manifestPath = path.join(outDir, `${SAMPLE_PLATFORM}.planted.json`);
  await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return { dir, manifestPath, manifest };
}

/** Figures the tables cannot verify, as the platform typed them. */
const UNVERIFIED: Record<string, number> = {
  '一.9': 46,
  '一.10': 32,
  '一.12': 15,
  '二.4': 27,
  '二.6': 860,
  '二.8': 22.5,
  '二.13(1).资产总额': 1286.4,
  '二.13(1).营业收入': 3562.8,
  '二.13(1).服务中小企业收入': 3011.2,
};
/** The item whose declared figure is planted wrong, and by how much. */
const PLANTED_DECLARED = { id: '二.9', off: 3 };

/** A problem planted in the 申报数据 sheet (not in an attachment table). */
function declaredPlant(check: string, row: number | null, value: unknown, description: string): PlantedItem {
  return { check, table: null, file: '申报数据.xlsx', sheet: '申报数据', row, column: row === null ? null : 4, cell: row === null ? null : `D${row}`, value, related: [], extraRow: false, description } as unknown as PlantedItem;
}

/**
 * A filled 申报数据 sheet: what the review verifies, declared as verified, except one planted
 * over-declaration; the figures the tables cannot verify as typed above. Two more problems are
 * planted by the figures themselves: the fictional platform's name is not in 附件4-1
 * (platform-name-invalid), and the declared SME revenue share is the order list's, not
 * 服务中小企业收入 ÷ 营业收入 (declared-inconsistent).
 */
async function writeDeclared(dir: string): Promise<PlantedItem[]> {
  const { files } = await loadSubmission([dir]);
  const report = reviewSubmission({ files, platform: { name: SAMPLE_PLATFORM, category: '技术创新' } });
  // The declared figures are what the review verifies (with the guide's counting rules).
  const verified = new Map(compareDeclared(null, report.indicators, '技术创新').map((c) => [c.id, c.verified]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await declaredTemplate()).buffer as ArrayBuffer);
  const stamp = new Date(Date.UTC(2025, 2, 15));
  wb.created = stamp;
  wb.modified = stamp;
  const ws = wb.getWorksheet('申报数据')!;
  let planted: PlantedItem | null = null;
  const more: PlantedItem[] = [declaredPlant('platform-name-invalid', null, SAMPLE_PLATFORM, `${SAMPLE_PLATFORM} is fictional: not in the 附件4-1 roster`)];
  ws.eachRow((row, n) => {
    const id = String(row.getCell(1).value ?? '');
    const cell = row.getCell(4);
    if (id === '一.类别') cell.value = '技术创新';
    else if (id === '一.1') cell.value = '北京星河企业服务有限公司';
    else if (id === '一.2') cell.value = SAMPLE_PLATFORM;
    else if (id === '一.3') cell.value = '海淀区';
    else if (id in UNVERIFIED) cell.value = UNVERIFIED[id];
    else if (verified.get(id) !== undefined && verified.get(id) !== null) {
      const v = verified.get(id)!;
      cell.value = id === PLANTED_DECLARED.id ? v + PLANTED_DECLARED.off : v;
      if (id === '二.13(1).占比') {
        const computed = (UNVERIFIED['二.13(1).服务中小企业收入'] / UNVERIFIED['二.13(1).营业收入']) * 100;
        if (Math.abs(computed - v) > 0.5) more.push(declaredPlant('declared-inconsistent', n, v, `declared share ${v}% (the order list's) against 服务中小企业收入 ÷ 营业收入 = ${computed.toFixed(2)}%`));
      }
      if (id === PLANTED_DECLARED.id) {
        planted = {
          check: 'declared-mismatch',
          table: null,
          file: '申报数据.xlsx',
          sheet: '申报数据',
          row: n,
          column: 4,
          cell: `D${n}`,
          value: v + PLANTED_DECLARED.off,
          related: [],
          extraRow: false,
          description: `上年度组织服务活动次数 declared ${v + PLANTED_DECLARED.off}, the activity ledger shows ${v} in the year`,
        } as unknown as PlantedItem;
      }
    }
  });
  const file = path.join(dir, '申报数据.xlsx');
  await wb.xlsx.writeFile(file);
  await normalizeZipTimestamps(file, stamp);
  if (!planted) throw new Error('the planted declared item was not written');
  if (!more.some((p) => p.check === 'declared-inconsistent')) throw new Error('the declared share happened to agree with its amounts: nothing planted');
  return [planted, ...more];
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(__dirname, '..', 'samples');
  const { dir, manifestPath, manifest } = await makeSample(outDir);
  console.log(`Wrote ${manifest.files.length} files to ${dir}`);
  for (const f of manifest.files) {
    console.log(`  ${f.file}${f.readable ? `  [${f.sheets.map((s, i) => `${s}=附表${f.tables[i]}`).join(', ')}]` : '  (unreadable)'}`);
  }
  const counts = new Map<string, number>();
  for (const p of manifest.planted) counts.set(p.check, (counts.get(p.check) ?? 0) + 1);
  console.log(`Planted ${manifest.planted.length} problems: ${[...counts].map(([k, n]) => `${k}×${n}`).join(', ')}`);
  console.log(`Manifest: ${manifestPath}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
