/** @jest-environment jsdom */
// The review screen's state on its own: busy with its stage, notices, errors and the result.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReviewReport } from '../../src/domain/report';
import { scoreReview, scoredItems } from '../../src/domain/scoring';
import { paneScoring, useReview } from '../../src/taskpane/hooks/useReview';
import type { ReviewPort } from '../../src/taskpane/review/ports';
import { DEFAULT_RUBRIC } from '../../src/workbook/layout/rubric';
import { reviewFiles, table } from '../helpers/submission';

let report: ReviewReport;
beforeAll(async () => {
  report = await reviewFiles({ '名单.xlsx': [table('4-2-1-2', [[1, '北京甲科技有限公司', '91110108MA00000001', '北京']], { name: '名单' })] }, { rubric: DEFAULT_RUBRIC });
});

/** A port whose steps the test releases one by one. */
function fakePort(overrides: Partial<ReviewPort> = {}): ReviewPort & { writes: ReviewReport[] } {
  const writes: ReviewReport[] = [];
  let held: string[] = [];
  return {
    kind: 'standalone',
    writes,
    fileNames: () => held,
    clearFiles: () => {
      held = [];
    },
    addFiles: async (files) => {
      held = [...held, ...files.map((f) => f.name)];
      return { message: `已添加 ${files.length} 个文件`, problems: [] };
    },
    read: async () => ({ files: [] }),
    review: async (_options, onStage) => {
      onStage?.('check');
      return report;
    },
    writeReview: async (r) => {
      writes.push(r);
      return '已下载';
    },
    ...overrides,
  };
}

const options = { platform: { name: '测试平台', category: '技术创新' } };

test('start: busy through 读取 and 检查, then the result scored by the domain', async () => {
  const stages: (string | null)[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const port = fakePort({
    review: async (_o, onStage) => {
      onStage?.('check');
      await gate;
      return report;
    },
  });
  const { result } = renderHook(() => useReview(port, async () => undefined));
  let started!: Promise<void>;
  act(() => {
    started = result.current.start(options);
  });
  await waitFor(() => expect(result.current.busy?.stage).toBe('check'));
  stages.push(result.current.busy?.stage ?? null);
  expect(result.current.ready).toBe(false);
  await act(async () => {
    release();
    await started;
  });
  expect(result.current.busy).toBeNull();
  expect(result.current.error).toBeNull();
  expect(result.current.result?.report).toBe(report);
  const domain = scoreReview(report.indicators, report.thresholds, '技术创新', DEFAULT_RUBRIC);
  expect(result.current.result?.scoring).toMatchObject({ verdict: domain.verdict, total: domain.total, maxTotal: domain.max, consequence: domain.consequence });
  expect(result.current.result?.scoring.indicators).toMatchObject(scoredItems(report.indicators, '技术创新', DEFAULT_RUBRIC));
  expect(stages).toEqual(['check']);
});

test('a failing action shows its message, ends busy, and can be dismissed', async () => {
  const port = fakePort({ review: async () => Promise.reject(new Error('无法读取「坏.xlsx」')) });
  const { result } = renderHook(() => useReview(port, async () => undefined));
  await act(() => result.current.start(options));
  expect(result.current.error).toBe('无法读取「坏.xlsx」');
  expect(result.current.busy).toBeNull();
  expect(result.current.result).toBeNull();
  act(() => result.current.dismissError());
  expect(result.current.error).toBeNull();
});

test('files: a partial import warns with its problems and forgets the result; clearing empties the list', async () => {
  const port = fakePort({ addFiles: async () => ({ message: '', problems: ['「坏.xlsx」无法读取'] }) });
  const { result } = renderHook(() => useReview(port, async () => undefined));
  await act(() => result.current.start(options));
  expect(result.current.result).not.toBeNull();
  await act(() => result.current.addFiles(async () => [{ name: '坏.xlsx', bytes: new Uint8Array() }]));
  expect(result.current.notice).toEqual({ intent: 'warning', text: '部分文件未能导入：', details: ['「坏.xlsx」无法读取'] });
  expect(result.current.result).toBeNull();
  act(() => result.current.clearFiles());
  expect(result.current.files).toEqual([]);
});

test('files: notes on the files taken (values only) are listed under a success notice', async () => {
  const port = fakePort({ addFiles: async () => ({ message: '已导入 1 个文件的 2 张工作表。', problems: [], notes: ['「a.xlsx」只复制了数值'] }) });
  const { result } = renderHook(() => useReview(port, async () => undefined));
  await act(() => result.current.addFiles(async () => [{ name: 'a.xlsx', bytes: new Uint8Array() }]));
  expect(result.current.notice).toEqual({ intent: 'success', text: '已导入 1 个文件的 2 张工作表。', details: ['「a.xlsx」只复制了数值'] });
});

test('write: only with a result; its message sits by the result', async () => {
  const port = fakePort();
  const { result } = renderHook(() => useReview(port, async () => undefined));
  await act(() => result.current.write());
  expect(port.writes).toEqual([]);
  await act(() => result.current.start(options));
  await act(() => result.current.write());
  expect(port.writes).toEqual([report]);
  expect(result.current.notice).toEqual({ intent: 'success', text: '已下载', near: 'result' });
});

test('the pane shows the report’s own scoring when it has one', () => {
  const scoring = paneScoring({ ...report, scoring: { ...report.scoring!, verdict: '合格', total: 88 } });
  expect([scoring.verdict, scoring.total]).toEqual(['合格', 88]);
});
