/** @jest-environment jsdom */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { deserialize, serialize } from 'v8';
import type { ReactElement } from 'react';
import { App } from '../../src/taskpane/App';
import { ReviewApp, type SampleBundle } from '../../src/taskpane/components/ReviewApp';
import type { OfficeLike } from '../../src/taskpane/host';
import { createExcelPort } from '../../src/taskpane/review/excelPort';
import type { ReviewPort, ReviewSource } from '../../src/taskpane/review/ports';
import { createStandalonePort } from '../../src/taskpane/review/standalonePort';
import type { SubmittedFile } from '../../src/domain/review';
import { REVIEW_SHEETS } from '../../src/workbook/layout/sheetNames';
import { createMemoryExcel } from '../workbook/office/memoryExcel';

jest.setTimeout(60_000);

// Browsers have structuredClone (the file writer uses it); jsdom's window does not.
if (typeof globalThis.structuredClone !== 'function') {
  Reflect.set(globalThis, 'structuredClone', (value: unknown) => deserialize(serialize(value)));
}

const SAMPLE_DIR = path.join(__dirname, '../../samples/星河中小企业公共服务平台');

function sampleFiles() {
  return readdirSync(SAMPLE_DIR)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SAMPLE_DIR, name))) }));
}

const loadSample = async (): Promise<SampleBundle> => ({
  platform: { name: '星河中小企业公共服务平台', category: '技术创新', unit: null, district: null },
  files: sampleFiles(),
});

function renderIn(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

/** A submission with a duplicate enterprise, so the review has findings with cells. */
function tinySubmission(): SubmittedFile[] {
  const rows: (string | number)[][] = [['序号', '服务企业名称', '服务内容', '所属省市']];
  for (let i = 1; i <= 120; i++) rows.push([i, `北京第${i}科技有限公司`, '政策咨询', '北京市']);
  rows.push([121, '北京第7科技有限公司', '政策咨询', '北京市']);
  return [{ file: '名单.xlsx', grids: [{ file: '名单.xlsx', sheet: '名单', firstRow: 1, firstColumn: 1, values: rows }] }];
}

function fakePort(overrides: Partial<ReviewPort> = {}): ReviewPort & { select: jest.Mock; writeReview: jest.Mock } {
  return {
    kind: 'excel',
    fileNames: () => [],
    addFiles: async () => ({ message: '已导入', problems: [] }),
    read: async () => ({ files: tinySubmission() }),
    writeReview: jest.fn(async () => '已写入'),
    clearMarks: async () => '已清除',
    select: jest.fn(async () => true),
    canSelect: () => true,
    ...overrides,
  } as ReviewPort & { select: jest.Mock; writeReview: jest.Mock };
}

async function chooseCategory(user: ReturnType<typeof userEvent.setup>, category: string) {
  await user.click(screen.getByRole('combobox', { name: /服务类别/ }));
  await user.click(await screen.findByRole('option', { name: category }));
}

describe('the review pane', () => {
  test('idle: platform picker over the roster fills the category; 开始审核 waits for it', async () => {
    const user = userEvent.setup();
    renderIn(<ReviewApp mode="excel" port={fakePort()} />);
    const start = screen.getByRole('button', { name: /开始审核/ });
    expect(start).toHaveProperty('disabled', true);
    expect(screen.getByText('请先选择平台或服务类别')).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: /平台（附件4-1 名录）/ });
    await user.type(picker, '创业会客厅');
    await user.click(await screen.findByRole('option', { name: /创业会客厅（创业辅导）/ }));
    expect((screen.getByRole('combobox', { name: /服务类别/ }) as HTMLButtonElement).textContent).toContain('创业辅导');
    expect(screen.getByText(/运营单位：北京中关村创业大街科技服务有限公司/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /开始审核/ })).toHaveProperty('disabled', false);
    expect(screen.getByRole('switch', { name: /生产制造环节/ })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: '审核年度' })).toHaveProperty('value', '2024');
  });

  test('reviewing: the progress bar names the stage, then the result shows', async () => {
    const user = userEvent.setup();
    let release: (source: ReviewSource) => void = () => undefined;
    const port = fakePort({ read: () => new Promise<ReviewSource>((resolve) => (release = resolve)) });
    let resume: () => void = () => undefined;
    const pause = () => new Promise<void>((resolve) => (resume = resolve));
    renderIn(<ReviewApp mode="excel" port={port} pause={pause} />);
    await chooseCategory(user, '综合咨询');
    await user.click(screen.getByRole('button', { name: /开始审核/ }));
    expect(screen.getByTestId('progress').getAttribute('data-stage')).toBe('read');
    expect(screen.getByText('读取：正在读取表格…')).toBeTruthy();
    expect(screen.getByRole('button', { name: /开始审核/ })).toHaveProperty('disabled', true);
    await act(async () => release({ files: tinySubmission() }));
    expect(screen.getByTestId('progress').getAttribute('data-stage')).toBe('check');
    expect(screen.getByText('检查：正在检查材料…')).toBeTruthy();
    await act(async () => resume());
    expect(await screen.findByTestId('verdict')).toBeTruthy();
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  test('result: verdict, thresholds, indicator chart and findings grouped by check; a click selects the cell', async () => {
    const user = userEvent.setup();
    const port = fakePort();
    renderIn(<ReviewApp mode="excel" port={port} />);
    await chooseCategory(user, '综合咨询');
    await user.click(screen.getByRole('button', { name: /开始审核/ }));
    const verdict = await screen.findByTestId('verdict');
    // No 附表4-2-1-7 and no staff table: T5 and T8 fail, so the verdict is 不合格 whatever the score.
    expect(verdict.textContent).toBe('不合格');
    const thresholds = screen.getByRole('region', { name: '门槛条件' });
    expect(within(thresholds).getByText(/上年度服务京津冀中小企业不少于100家/)).toBeTruthy();
    expect(within(thresholds).getAllByText('符合').length).toBeGreaterThan(0);
    const chart = screen.getByTestId('indicator-chart');
    expect(within(chart).getAllByRole('listitem').length).toBeGreaterThan(5);
    expect(within(chart).getAllByText('人工核定').length).toBeGreaterThan(0);

    const findings = screen.getByRole('region', { name: '问题清单' });
    const group = within(findings).getByRole('button', { name: /服务企业重复（\d+）/ });
    if (group.getAttribute('aria-expanded') !== 'true') await user.click(group);
    expect(group.getAttribute('aria-expanded')).toBe('true');
    const item = within(findings).getAllByRole('button', { name: /名单\.xlsx › 名单 › B122/ })[0];
    await user.click(item);
    expect(port.select).toHaveBeenCalledWith(expect.objectContaining({ check: 'duplicate-enterprise', cell: 'B122' }));

    // Filter by severity: only 提示 → the error group disappears.
    await user.click(within(findings).getByRole('combobox', { name: '严重程度' }));
    await user.click(await screen.findByRole('option', { name: '提示' }));
    expect(within(findings).queryByRole('button', { name: /服务企业重复/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: /写入审核表/ }));
    expect(await screen.findByText('已写入')).toBeTruthy();
    expect(port.writeReview).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: /清除标记/ }));
    expect(await screen.findByText('已清除')).toBeTruthy();
  });

  test('error: a failed read shows a message bar that says what to do, and can be dismissed', async () => {
    const user = userEvent.setup();
    const port = fakePort({ read: async () => Promise.reject(new Error('读取工作簿失败（InvalidOperation）。请确认工作簿未处于单元格编辑状态，然后重试“开始审核”。')) });
    renderIn(<ReviewApp mode="excel" port={port} />);
    await chooseCategory(user, '技术创新');
    await user.click(screen.getByRole('button', { name: /开始审核/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('操作未完成')).toBeTruthy();
    expect(within(alert).getByText(/请确认工作簿未处于单元格编辑状态/)).toBeTruthy();
    expect(screen.queryByTestId('verdict')).toBeNull();
    await user.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('划型测算 answers with the reason', async () => {
    const user = userEvent.setup();
    renderIn(<ReviewApp mode="excel" port={fakePort()} />);
    await user.click(screen.getByRole('combobox', { name: '所属行业' }));
    await user.click(await screen.findByRole('option', { name: '工业' }));
    await user.type(screen.getByRole('textbox', { name: '从业人员（人）' }), '300');
    await user.type(screen.getByRole('textbox', { name: '营业收入（万元）' }), '2000');
    expect(screen.getByText('划型结果：中型')).toBeTruthy();
    expect(screen.getByText(/^判断依据（工业）：从业人员 300 人 < 1000 人/)).toBeTruthy();
    await user.clear(screen.getByRole('textbox', { name: '营业收入（万元）' }));
    await user.clear(screen.getByRole('textbox', { name: '从业人员（人）' }));
    await user.type(screen.getByRole('textbox', { name: '从业人员（人）' }), '500');
    expect(screen.getByText(/缺少营业收入/)).toBeTruthy();
  });

  test('outside Excel: notice, link to the standalone page, no review', async () => {
    renderIn(<ReviewApp mode="outside" port={null} host={{ kind: 'outside', reason: 'no-office', hostName: null }} />);
    expect(screen.getByText('当前未在 Excel 中运行')).toBeTruthy();
    const link = screen.getByRole('link', { name: '独立审核页面（review.html）' });
    expect(link.getAttribute('href')).toBe('review.html');
    expect(screen.getByText(/勾选“显示在菜单中”/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /开始审核/ })).toHaveProperty('disabled', true);
  });
});

describe('standalone page', () => {
  test('载入示例 → review → verdict → download of the review workbook', async () => {
    const user = userEvent.setup();
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const port = createStandalonePort((name, bytes) => downloads.push({ name, bytes }));
    renderIn(<ReviewApp mode="standalone" port={port} loadSample={loadSample} />);
    expect(screen.getByRole('heading', { name: '示范平台审核助手（独立页面）' })).toBeTruthy();
    expect(screen.getByText('请先选择平台或服务类别')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /载入示例/ }));
    expect(await screen.findByText(`已选择 ${sampleFiles().length} 个文件`)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /平台（附件4-1 名录）/ })).toHaveProperty('value', '星河中小企业公共服务平台');
    await user.click(screen.getByRole('button', { name: /开始审核/ }));
    const verdict = await screen.findByTestId('verdict', {}, { timeout: 30_000 });
    expect(['合格', '不合格', '待定']).toContain(verdict.textContent);
    const findings = screen.getByRole('region', { name: '问题清单' });
    expect(within(findings).getByRole('button', { name: /文件无法读取（1）/ })).toBeTruthy();
    // No Excel: findings are shown, not clickable.
    expect(within(findings).queryAllByTitle('定位到单元格')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: /下载审核工作簿/ }));
    await waitFor(() => expect(document.body.textContent).toMatch(/已生成并下载|操作未完成/), { timeout: 30_000 });
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toBe('星河中小企业公共服务平台-审核.xlsx');
    expect(downloads[0].bytes.length).toBeGreaterThan(10_000);
    expect(screen.queryByRole('button', { name: /清除标记/ })).toBeNull();
  });

  test('picked files other than Excel files are refused with their name', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderIn(<ReviewApp mode="standalone" port={createStandalonePort(() => undefined)} />);
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    await user.upload(input, [new File(['x'], '说明.pdf', { type: 'application/pdf' })]);
    expect(await screen.findByText('「说明.pdf」未导入：不是 Excel 文件（.xlsx、.xls、.et、.ods 或 .csv）')).toBeTruthy();
  });
});

describe('task pane in Excel (in-memory workbook)', () => {
  afterEach(() => Reflect.deleteProperty(globalThis, 'Excel'));

  test('import → review → write: the review sheets appear in the workbook', async () => {
    const user = userEvent.setup();
    const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }], { api: '1.12' });
    Reflect.set(globalThis, 'Excel', { run: excel.run });
    const office: OfficeLike = {
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
      context: { requirements: { isSetSupported: excel.isSetSupported }, officeTheme: { bodyBackgroundColor: '#FFFFFF' } },
    };
    render(<App office={office} createPort={(host) => createExcelPort(host.excelApi)} />);
    await screen.findByText('当前 Excel 支持 ExcelApi 1.12。');
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const files = sampleFiles().map((f) => new File([f.bytes as BlobPart], f.name));
    await user.upload(input, files);
    await waitFor(() => expect(document.body.textContent).toMatch(/已导入|操作未完成/), { timeout: 30_000 });
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    expect(await screen.findByText(/已导入 \d+ 个文件的 \d+ 张工作表/, {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByText(/「损坏的附件\.xlsx」/)).toBeTruthy();
    // ExcelApi 1.12: every imported file is named as values only.
    expect(screen.getByText(/^「附表4-2-1-2_2024年度服务企业名单\.xlsx」只复制了数值/)).toBeTruthy();
    expect(screen.getAllByText(/只复制了数值/)).toHaveLength(sampleFiles().length - 1);
    await chooseCategory(user, '技术创新');
    await user.click(screen.getByRole('button', { name: /开始审核/ }));
    await screen.findByTestId('verdict', {}, { timeout: 30_000 });
    await user.click(screen.getByRole('button', { name: /写入审核表/ }));
    expect(await screen.findByText(/已写入评分表、评分细则、问题清单和抽查样本/, {}, { timeout: 30_000 })).toBeTruthy();
    expect(excel.sheets.slice(0, 4).map((s) => s.name)).toEqual(Object.values(REVIEW_SHEETS));
    const findings = screen.getByRole('region', { name: '问题清单' });
    // The first group (as in the 问题清单) is the unreadable file, which has no cell: open one that has.
    await user.click(within(findings).getByRole('button', { name: /^服务企业重复（\d+）$/ }));
    await user.click(within(findings).getAllByTitle('定位到单元格')[0]);
    await waitFor(() => expect(excel.selection).not.toBeNull());
  });
});
