// One platform's review as every entry point runs it: read through a port, this tool's own sheets
// left out, platform resolved, reviewed with every setting, written through a port.
import type { SubmittedFile } from '../../src/domain/review';
import { readWorkbook } from '../../src/workbook/file/reader';
import { DEFAULT_RUBRIC } from '../../src/workbook/layout/rubric';
import { jobOf, reviewPlatform } from '../../src/workbook/reviewPlatform';
import { reviewFiles, table, xlsx } from '../helpers/submission';

const list = table('4-2-1-2', [[1, '北京甲科技有限公司', '检测', '北京']], { name: '名单' });

async function files(): Promise<SubmittedFile[]> {
  return [{ file: 'a.xlsx', grids: await readWorkbook(await xlsx([list]), 'a.xlsx') }];
}

test('reads once, reports the 检查 stage before reviewing, writes what it reviewed; the report is the one every entry point gets', async () => {
  const steps: string[] = [];
  const outcome = await reviewPlatform(
    { given: { category: '技术创新', platformName: '测试平台' }, settings: { year: 2024, manufacturing: false, staffRule: 'both' }, rubric: DEFAULT_RUBRIC },
    {
      read: async () => {
        steps.push('read');
        return files();
      },
      onStage: async () => {
        steps.push('check');
      },
      write: async (report, { platform }) => {
        steps.push(`write ${platform.category}`);
        return report.platform.name;
      },
    },
  );
  expect(steps).toEqual(['read', 'check', 'write 技术创新']);
  expect(outcome.written).toBe('测试平台');
  const direct = await reviewFiles({ 'a.xlsx': [list] }, { platform: { name: '测试平台', category: '技术创新' }, staffRule: 'both', rubric: DEFAULT_RUBRIC });
  expect(outcome.report).toEqual(direct);
});

test('without a category nothing is reviewed or written, and the caller says why', async () => {
  let wrote = false;
  const outcome = await reviewPlatform({ given: {}, settings: { year: 2024, manufacturing: false } }, { read: files, write: async () => (wrote = true) });
  expect(outcome.report).toBeUndefined();
  expect(wrote).toBe(false);
});

test('a review workbook among the files contributes its copied sheets only', async () => {
  const review = await xlsx([{ name: '评分表', rows: [['x']] }, { name: '问题清单', rows: [['y']] }, list]);
  const outcome = await reviewPlatform(jobOf({ platform: { name: null, category: '技术创新' }, rubric: DEFAULT_RUBRIC }), {
    read: async () => [{ file: 'r.xlsx', grids: await readWorkbook(review, 'r.xlsx') }],
  });
  expect(outcome.files[0].grids?.map((g) => g.sheet)).toEqual(['名单']);
  expect(outcome.report?.tables.map((t) => t.sheet)).toEqual(['名单']);
});
