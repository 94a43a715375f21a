/**
 * 载入示例: the shipped sample submission (samples/星河中小企业公共服务平台/, one file deliberately
 * broken), copied next to review.html by the build and fetched from the same origin.
 */
import type { SampleBundle } from '../components/ReviewApp';

export interface SampleManifest {
  /** Folder of the files relative to the page, e.g. `samples/星河中小企业公共服务平台`. */
  dir: string;
  files: string[];
  platform: string;
  category: string;
}

// Replaced at build time by webpack's DefinePlugin (webpack.config.js).
declare const __SAMPLE__: SampleManifest | undefined;

/** The sample the build copied, or null (in tests, or a build without it). */
export const SAMPLE: SampleManifest | null = typeof __SAMPLE__ === 'undefined' ? null : __SAMPLE__;

/** Fetch the sample's files from the page's own origin. */
export async function fetchSample(manifest: SampleManifest, fetchImpl: typeof fetch = fetch): Promise<SampleBundle> {
  const files = await Promise.all(
    manifest.files.map(async (name) => {
      const url = `${manifest.dir.split('/').map(encodeURIComponent).join('/')}/${encodeURIComponent(name)}`;
      const response = await fetchImpl(url);
      if (!response.ok) throw new Error(`示例文件「${name}」下载失败（HTTP ${response.status}），请确认已运行 npm start 或 npm run build。`);
      return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
  return { platform: { name: manifest.platform, category: manifest.category, unit: null, district: null }, files };
}
