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
import { writeSubmission, type SubmissionManifest, type SubmissionOptions } from './submission';

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
  const manifestPath = path.join(outDir, `${SAMPLE_PLATFORM}.planted.json`);
  await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return { dir, manifestPath, manifest };
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
