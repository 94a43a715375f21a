/** @jest-environment jsdom */
// The findings panel: table filter over the tables that have findings, a count that follows the
// filters, groups that stay open, and the 问题清单's order.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkInfo } from '../../src/domain/checks';
import type { ReviewReport } from '../../src/domain/report';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { layoutFindingsSheet, FINDINGS_COLS } from '../../src/workbook/layout/findingsSheet';
import type { CopiedSheet } from '../../src/workbook/layout/types';
import { sampleReport } from './sampleReport';

jest.setTimeout(30_000);

let sample: ReviewReport;
beforeAll(async () => {
  sample = await sampleReport();
});

function show(props: Partial<Parameters<typeof FindingsList>[0]> = {}) {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList report={sample} {...props} />
    </FluentProvider>,
  );
}

const groupHeaders = () => screen.getAllByRole('button', { name: /（\d+）$/ });

async function choose(user: ReturnType<typeof userEvent.setup>, filter: string, option: string | RegExp) {
  await user.click(screen.getByRole('combobox', { name: filter }));
  await user.click(await screen.findByRole('option', { name: option }));
}

test('the table filter lists only tables with findings, in table-number order, then 申报数据 and the unreadable file', async () => {
  const user = userEvent.setup();
  show();
  const has = (file: string, sheet: string) => sample.findings.some((f) => f.file === file && f.sheet === sheet);
  const withFindings = sample.tables.filter((t) => has(t.file, t.sheet));
  // The sample's 附表4-2-1-4 has no findings: it must not be offered.
  expect(withFindings.length).toBeLessThan(sample.tables.length);
  const expected = [
    '全部',
    ...withFindings.sort((a, b) => a.kind.localeCompare(b.kind)).map((t) => `附表${t.kind}（${t.sheet}）`),
    '申报数据（申报数据）',
    '损坏的附件.xlsx（无法读取）',
  ];
  await user.click(screen.getByRole('combobox', { name: '附表' }));
  const options = within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
  expect(options).toEqual(expected);
});

test('the count follows the filters', async () => {
  const user = userEvent.setup();
  show();
  const count = () => screen.getByTestId('findings-count').textContent;
  const n = (pred: (f: ReviewReport['findings'][number]) => boolean) => sample.findings.filter(pred).length;
  expect(count()).toMatch(new RegExp(`^共 ${sample.findings.length} 条：`));
  await choose(user, '附表', '申报数据（申报数据）');
  const declared = n((f) => f.sheet === '申报数据');
  expect(declared).toBeGreaterThan(0);
  expect(count()).toMatch(new RegExp(`^共 ${declared} 条：.*（全部 ${sample.findings.length} 条）$`));
  await choose(user, '严重程度', '错误');
  expect(count()).toMatch(new RegExp(`^共 ${n((f) => f.sheet === '申报数据' && f.severity === 'error')} 条：错误 `));
  await choose(user, '附表', '损坏的附件.xlsx（无法读取）');
  expect(count()).toMatch(/^共 1 条：错误 1、警告 0、提示 0/);
  expect(screen.getByText(/找不到压缩包目录/)).toBeTruthy();
});

test('changing a filter keeps the open groups open and opens what it shows', async () => {
  const user = userEvent.setup();
  show();
  const dup = screen.getByRole('button', { name: /^服务企业重复（\d+）$/ });
  if (dup.getAttribute('aria-expanded') !== 'true') await user.click(dup);
  expect(dup.getAttribute('aria-expanded')).toBe('true');
  await choose(user, '严重程度', '错误');
  expect(screen.getByRole('button', { name: /^服务企业重复（\d+）$/ }).getAttribute('aria-expanded')).toBe('true');
  for (const header of groupHeaders()) expect(header.getAttribute('aria-expanded')).toBe('true');
  await choose(user, '附表', /^附表4-2-1-2/);
  expect(screen.getByRole('button', { name: /^服务企业重复（\d+）$/ }).getAttribute('aria-expanded')).toBe('true');
  // A group closed by hand stays closed until a filter shows it again.
  await user.click(screen.getByRole('button', { name: /^服务企业重复（\d+）$/ }));
  expect(screen.getByRole('button', { name: /^服务企业重复（\d+）$/ }).getAttribute('aria-expanded')).toBe('false');
});

test.each([
  ['the held files’ order (standalone)', undefined],
  ['the Excel port’s sheets, last file first', 'reversed'],
])('groups follow the 问题清单 sheet’s order: %s', (_name, how) => {
  const files = [...new Set(sample.findings.map((f) => f.file).filter((f): f is string => f !== null))].sort();
  let copied: CopiedSheet[] | undefined;
  if (how === 'reversed') {
    const sheets = [...new Map(sample.findings.filter((f) => f.file && f.sheet).map((f) => [`${f.file}|${f.sheet}`, { file: f.file!, sheet: f.sheet!, name: f.sheet! }])).values()];
    copied = sheets.sort((a, b) => files.indexOf(b.file) - files.indexOf(a.file));
  }
  show({ copied, files });
  // The order of checks down the 问题清单 the review workbook gets with the same sheets.
  const sheetCopied = copied ?? [...new Map([...sample.tables.map((t) => [t.file, t.sheet]), ...sample.findings.map((f) => [f.file, f.sheet])].filter(([f, s]) => f && s).map(([f, s]) => [`${f}|${s}`, { file: f!, sheet: s!, name: s! }])).values()].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
  const layout = layoutFindingsSheet(sample, sheetCopied);
  const checks = layout.cells
    .filter((c) => c.col === FINDINGS_COLS.check && c.row > 2)
    .sort((a, b) => a.row - b.row)
    .map((c) => /（([a-z-]+)）$/.exec(String(c.value))?.[1]);
  const expected = [...new Set(checks)].map((id) => checkInfo(id!).title);
  expect(groupHeaders().map((h) => h.textContent?.replace(/（\d+）$/, ''))).toEqual(expected);
  if (how === 'reversed') {
    // Reversing the sheets changes the order, so the test can tell the two apart.
    const plain = layoutFindingsSheet(sample, []).cells.filter((c) => c.col === FINDINGS_COLS.check && c.row > 2).sort((a, b) => a.row - b.row).map((c) => String(c.value));
    expect([...new Set(plain)].map((v) => checkInfo(/（([a-z-]+)）$/.exec(v)![1]).title)).not.toEqual(expected);
  }
});
