/** @jest-environment jsdom */
// The result panel: the verdict says why, the score is the computable part while items are manual,
// thresholds and indicators show their figures in the 评分表's units.
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReviewReport, Threshold } from '../../src/domain/report';
import { ResultView } from '../../src/taskpane/components/ResultView';
import { paneScoring } from '../../src/taskpane/hooks/paneScoring';
import { DEFAULT_RUBRIC } from '../../src/workbook/layout/rubric';
import { sampleReport } from './sampleReport';

let sample: ReviewReport;
beforeAll(async () => {
  sample = await sampleReport();
});

function show(report: ReviewReport) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ResultView report={report} scoring={paneScoring(report)} />
    </FluentProvider>,
  );
}

/** The sample with some thresholds' conclusions changed; the scoring is decided again. */
function withStatuses(statuses: Record<string, Threshold['status']>, report = sample): ReviewReport {
  return { ...report, scoring: null, thresholds: report.thresholds.map((t) => ({ ...t, status: statuses[t.id] ?? t.status })) };
}

const techItems = () => [...DEFAULT_RUBRIC.items, ...DEFAULT_RUBRIC.categories['技术创新'].items];

describe('the verdict says why', () => {
  test('待定: the thresholds still to check and how many indicators are manual; the score is the computable part', () => {
    show(sample);
    expect(screen.getByTestId('verdict').textContent).toBe('待定');
    const pending = sample.thresholds.filter((t) => t.status === 'manual').map((t) => t.id);
    expect(pending).toEqual(['T1', 'T2', 'T3', 'T6', 'T7', 'T10']);
    const manual = techItems().filter((i) => i.indicator === 'manual');
    const computableMax = techItems().filter((i) => i.indicator !== 'manual').reduce((s, i) => s + i.max, 0);
    expect(screen.getByTestId('verdict-reason').textContent).toBe(`T1、T2、T3、T6、T7、T10 待核；${manual.length} 项指标需人工核定`);
    expect(screen.getByTestId('score').textContent).toBe(`系统可计算部分 ${sample.scoring!.total} / ${computableMax}`);
    expect(screen.queryByText(/^得分 /)).toBeNull();
    expect(screen.getByText(new RegExp(`另有 ${manual.length} 项指标（共 ${manual.reduce((s, i) => s + i.max, 0)} 分）需人工核定`))).toBeTruthy();
    expect(screen.getByRole('status', { name: /评价结论：待定，T1、T2/ })).toBeTruthy();
  });

  test('不合格: names the thresholds not met', () => {
    show(withStatuses({ T5: 'fail', T8: 'fail' }));
    expect(screen.getByTestId('verdict').textContent).toBe('不合格');
    expect(screen.getByTestId('verdict-reason').textContent).toBe('T5、T8 不符合');
  });

  test('不合格 by the score, 合格 and the plain 得分 when nothing is manual', () => {
    const allPass = Object.fromEntries(sample.thresholds.map((t) => [t.id, 'pass' as const]));
    show(withStatuses(allPass));
    expect(screen.getByTestId('verdict').textContent).toBe('不合格');
    expect(screen.getByTestId('verdict-reason').textContent).toMatch(/^系统可计算部分 [\d.]+ 分，低于合格分数线 80 分；\d+ 项指标需人工核定$/);

    const scoring = paneScoring(withStatuses(allPass));
    const full = { ...scoring, verdict: '合格' as const, manualCount: 0, total: 86, reason: '' };
    render(
      <FluentProvider theme={webLightTheme}>
        <ResultView report={sample} scoring={{ ...full, reason: '门槛条件全部符合，得分不低于 80 分' }} />
      </FluentProvider>,
    );
    expect(screen.getAllByTestId('score')[1].textContent).toBe(`得分 86 / ${scoring.maxTotal}`);
  });
});

describe('figures in their units', () => {
  test('thresholds: 核定, 要求 and 申报 with units; T9 and T11 as percentages', () => {
    show(sample);
    const t4 = sample.thresholds.find((t) => t.id === 'T4')!;
    expect(screen.getByTestId('threshold-T4').textContent).toMatch(new RegExp(`^核定 ${t4.value} 家　要求 ${t4.required} 家`));
    const t9 = sample.thresholds.find((t) => t.id === 'T9')!;
    expect(screen.getByTestId('threshold-T9').textContent).toMatch(new RegExp(`^核定 ${(t9.value! * 100).toFixed(1)}%　要求 ${t9.required! * 100}%`));
    const t11 = sample.thresholds.find((t) => t.id === 'T11')!;
    expect(screen.getByTestId('threshold-T11').textContent).toMatch(new RegExp(`^核定 ${t11.value!.toFixed(2)}%　要求 ${t11.required}%`));
    expect(screen.getByTestId('threshold-T8').textContent).toMatch(/^核定 \d+ 人\u3000要求 \d+ 人/);
    // The sample declares 二.3 (集聚专业服务机构数量), which stands beside T5.
    const declared = sample.declared.find((d) => d.id === '二.3')!.declared;
    expect(screen.getByTestId('threshold-T5').textContent).toContain(`申报 ${declared} 家`);
  });

  test('indicator bars show the verified figure beside the points', () => {
    show(sample);
    const chart = screen.getByTestId('indicator-chart');
    const row6 = within(chart).getByRole('listitem', { name: /^6 / });
    expect(within(row6).getByText(new RegExp(`^${sample.indicators.jjjEnterprises} 家\\s[\\d.]+ / 15 分$`))).toBeTruthy();
    const manualRow = within(chart).getByRole('listitem', { name: /^1 / });
    expect(within(manualRow).getByText('人工核定')).toBeTruthy();
  });
});
