/** @jest-environment jsdom */
// Every state of the pane, scanned for English: any visible text, aria-label, title, placeholder or
// alt with an ASCII English word fails, apart from file names, paths and product names.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { deserialize, serialize } from 'v8';
import { App } from '../../src/taskpane/App';
import { ReviewApp } from '../../src/taskpane/components/ReviewApp';
import type { OfficeLike, OfficeReadyInfo } from '../../src/taskpane/host';
import { createExcelPort } from '../../src/taskpane/review/excelPort';
import { createStandalonePort } from '../../src/taskpane/review/standalonePort';
import { createMemoryExcel } from '../workbook/office/memoryExcel';
import { sampleFiles } from './sampleReport';

jest.setTimeout(60_000);

if (typeof globalThis.structuredClone !== 'function') {
  Reflect.set(globalThis, 'structuredClone', (value: unknown) => deserialize(serialize(value)));
}

/**
 * Product names and API set names; and the abbreviations the guide itself uses in its roster
 * (小水智能AIOT…, 知呱呱AI+…, …一站式CRO…) and threshold text (网站、APP、小程序).
 */
const ALLOWED_WORDS = new Set(['Excel', 'ExcelApi', 'Office', 'Windows', 'Mac', 'Word', 'WPS', 'HTTP', 'AI', 'AIOT', 'CRO', 'APP']);
/** Quoted 「…」 is the submission's own text (its files, sheets, enterprises, what was typed). */
const QUOTED = /「[^「」]*」/g;
const FILE_NAME = /[^\s「」“”（）()，。：；、]*\.(?:xlsx|xlsm|xls|et|ods|csv|xml|html|js)(?![A-Za-z])/gi;
const PATH = /~?\/[\w./-]+/g;
const WORD = /(?<![A-Za-z\d])[A-Za-z]{2,}(?![A-Za-z\d])/g;
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-description', 'aria-roledescription'];

/** Every English word the page shows or tells a screen reader, with where it was found. */
function englishOnPage(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('script, style')) continue;
    texts.push(n.textContent ?? '');
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const a of ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v) texts.push(`[${a}] ${v}`);
    }
  }
  const found: string[] = [];
  for (const t of texts) {
    const cleaned = t.replace(/^\[[\w-]+\] /, '').replace(QUOTED, ' ').replace(FILE_NAME, ' ').replace(PATH, ' ');
    const words = (cleaned.match(WORD) ?? []).filter((w) => !ALLOWED_WORDS.has(w));
    if (words.length) found.push(`${words.join(' ')}  ←  ${t.trim().slice(0, 120)}`);
  }
  return found;
}

function expectNoEnglish(state: string) {
  expect({ state, english: englishOnPage() }).toEqual({ state, english: [] });
}

const light = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Excel');
});

test('the scanner finds English (it can fail)', () => {
  light(
    <div>
      <span>共 3 条</span>
      <button aria-label="Clear selection" />
    </div>,
  );
  expect(englishOnPage()).toEqual(['Clear selection  ←  [aria-label] Clear selection']);
});

test('outside Excel: office.js missing, another host, and the connecting state after the timeout', async () => {
  const first = render(<App />);
  await screen.findByText('当前未在 Excel 中运行');
  expectNoEnglish('office.js did not load');
  first.unmount();

  const word = render(<App office={{ onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }) }} />);
  await screen.findByText(/当前宿主为 Word/);
  expectNoEnglish('Word');
  word.unmount();

  jest.useFakeTimers();
  try {
    render(<App office={{ onReady: () => new Promise<OfficeReadyInfo>(() => undefined) }} />);
    expectNoEnglish('connecting');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(3100);
    });
    expect(screen.getByText('当前未在 Excel 中运行')).toBeTruthy();
    expectNoEnglish('connecting after the timeout');
  } finally {
    jest.useRealTimers();
  }
});

test('in Excel: idle, imported, reviewed, filtered, written, an error', async () => {
  const user = userEvent.setup();
  const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }]);
  Reflect.set(globalThis, 'Excel', { run: excel.run });
  const office: OfficeLike = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: { requirements: { isSetSupported: (_n: string, v?: string) => Number(v?.split('.')[1]) <= 12 } },
  };
  render(<App office={office} createPort={(host) => createExcelPort(host.excelApi)} />);
  await screen.findByText('当前 Excel 支持 ExcelApi 1.12。');
  expectNoEnglish('idle');

  await user.click(screen.getByRole('combobox', { name: /平台（附件4-1 名录）/ }));
  await screen.findAllByRole('option');
  expectNoEnglish('roster open');
  await user.keyboard('{Escape}');

  await user.upload(screen.getByTestId('file-input') as HTMLInputElement, sampleFiles().map((f) => new File([f.bytes as BlobPart], f.name)));
  await screen.findByText(/已导入 \d+ 个文件的 \d+ 张工作表/, {}, { timeout: 30_000 });
  expectNoEnglish('imported');

  await user.click(screen.getByRole('combobox', { name: /服务类别/ }));
  await user.click(await screen.findByRole('option', { name: '技术创新' }));
  await user.click(screen.getByRole('button', { name: /开始审核/ }));
  await screen.findByTestId('verdict', {}, { timeout: 30_000 });
  expectNoEnglish('reviewed');

  const findings = screen.getByRole('region', { name: '问题清单' });
  for (const header of within(findings).getAllByRole('button', { name: /（\d+）$/ })) {
    if (header.getAttribute('aria-expanded') !== 'true') await user.click(header);
  }
  await user.click(within(findings).getByRole('combobox', { name: '附表' }));
  await screen.findAllByRole('option');
  expectNoEnglish('every group open, table filter open');
  await user.click(screen.getByRole('option', { name: /申报数据/ }));
  expectNoEnglish('filtered');

  await user.click(screen.getByRole('button', { name: /写入审核表/ }));
  await screen.findByText(/已写入评分表/, {}, { timeout: 30_000 });
  expectNoEnglish('written');
});

test('an error with an English detail from Office is shown in Chinese', async () => {
  const user = userEvent.setup();
  const port = createExcelPort({ highest: '1.13', insertWorksheetsFromBase64: true }, async () => {
    throw Object.assign(new Error('This operation is not allowed in cell-edit mode.'), { code: 'InvalidOperation' });
  });
  light(<ReviewApp mode="excel" port={port} host={{ kind: 'excel', platform: 'PC', excelApi: { highest: '1.13', insertWorksheetsFromBase64: true }, dark: false }} />);
  await user.click(screen.getByRole('combobox', { name: /服务类别/ }));
  await user.click(await screen.findByRole('option', { name: '综合咨询' }));
  await user.click(screen.getByRole('button', { name: /开始审核/ }));
  await screen.findByRole('alert');
  expectNoEnglish('error');
});

test('划型测算: invalid input, a result, a missing figure', async () => {
  const user = userEvent.setup();
  light(<ReviewApp mode="standalone" port={createStandalonePort(() => undefined)} />);
  await user.click(screen.getByRole('combobox', { name: '所属行业' }));
  await screen.findAllByRole('option');
  expectNoEnglish('industry list open');
  await user.click(screen.getByRole('option', { name: '建筑业' }));
  await user.type(screen.getByRole('textbox', { name: /营业收入/ }), 'abc');
  await user.type(screen.getByRole('textbox', { name: /从业人员/ }), '-5');
  expectNoEnglish('invalid input');
  await user.clear(screen.getByRole('textbox', { name: /营业收入/ }));
  await user.type(screen.getByRole('textbox', { name: /营业收入/ }), '500');
  expectNoEnglish('missing figure');
  await user.type(screen.getByRole('textbox', { name: /资产总额/ }), '400');
  expectNoEnglish('result');
});

test('standalone page: sample loaded, reviewed (the broken file’s reason in Chinese), downloaded', async () => {
  const user = userEvent.setup();
  const port = createStandalonePort(() => undefined);
  light(
    <ReviewApp
      mode="standalone"
      port={port}
      loadSample={async () => ({ platform: { name: '星河中小企业公共服务平台', category: '技术创新', unit: null, district: null }, files: sampleFiles() })}
    />,
  );
  expectNoEnglish('standalone idle');
  await user.click(screen.getByRole('button', { name: /载入示例/ }));
  await screen.findByText(/已选择 \d+ 个文件/);
  expectNoEnglish('sample loaded');
  await user.click(screen.getByRole('button', { name: /开始审核/ }));
  await screen.findByTestId('verdict', {}, { timeout: 30_000 });
  const findings = screen.getByRole('region', { name: '问题清单' });
  for (const header of within(findings).getAllByRole('button', { name: /（\d+）$/ })) {
    if (header.getAttribute('aria-expanded') !== 'true') await user.click(header);
  }
  expectNoEnglish('standalone reviewed');
  await user.click(screen.getByRole('button', { name: /下载审核工作簿/ }));
  await waitFor(() => expect(document.body.textContent).toMatch(/已生成并下载/), { timeout: 30_000 });
  expectNoEnglish('downloaded');
});
