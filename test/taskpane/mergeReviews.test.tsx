/** @jest-environment jsdom */
/** 合并评审 in the task pane: picked copies merged and the 合议表 written into the workbook (strict in-memory Excel). */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { deserialize, serialize } from 'v8';
import { ReviewApp } from '../../src/taskpane/components/ReviewApp';
import { createExcelPort } from '../../src/taskpane/review/excelPort';
import { createStandalonePort } from '../../src/taskpane/review/standalonePort';
import { PANEL_MARK, PANEL_SHEET } from '../../src/workbook/layout/panelSheet';
import { createMemoryExcel } from '../workbook/office/memoryExcel';
import { baseWorkbook, threeCopies } from '../helpers/panelCopies';
import { makeReport } from '../workbook/layout/fixtures';

jest.setTimeout(60_000);

if (typeof globalThis.structuredClone !== 'function') {
  Reflect.set(globalThis, 'structuredClone', (value: unknown) => deserialize(serialize(value)));
}

function setUp() {
  const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }]);
  const port = createExcelPort({ highest: '1.13', insertWorksheetsFromBase64: true }, excel.run);
  render(
    <FluentProvider theme={webLightTheme}>
      <ReviewApp mode="excel" port={port} />
    </FluentProvider>,
  );
  return { excel, user: userEvent.setup() };
}

const asFiles = (list: { file: string; bytes: Uint8Array }[]) => list.map((f) => new File([f.bytes as BlobPart], f.file));

test('合并评审 writes the 合议表 into the open workbook and says what the panel must discuss', async () => {
  const { excel, user } = setUp();
  expect(screen.getByRole('region', { name: '合并评审' })).toBeTruthy();
  await user.upload(screen.getByTestId('merge-input') as HTMLInputElement, asFiles(await threeCopies()));
  expect(
    await screen.findByText('已将 3 位专家的审核工作簿合并写入“合议表”表：合议总分 80.84，合议结论“待定”；需合议事项 3 项（已标红）。', {}, { timeout: 30_000 }),
  ).toBeTruthy();
  expect(excel.sheets.map((s) => s.name)).toEqual([PANEL_SHEET, 'Sheet1']);
  expect(excel.cell(PANEL_SHEET, 'A1')?.value).toBe(PANEL_MARK);

  // Merged again: the add-in's 合议表 is replaced, not added to.
  await user.upload(screen.getByTestId('merge-input') as HTMLInputElement, asFiles(await threeCopies()));
  expect(await screen.findByText(/此前写入的合议表已替换为本次结果。/, {}, { timeout: 30_000 })).toBeTruthy();
  expect(excel.sheets.map((s) => s.name)).toEqual([PANEL_SHEET, 'Sheet1']);
});

test('one copy, or copies of two platforms, are refused in Chinese and nothing is written', async () => {
  const { excel, user } = setUp();
  const [one] = await threeCopies();
  await user.upload(screen.getByTestId('merge-input') as HTMLInputElement, asFiles([one]));
  expect((await screen.findByRole('alert')).textContent).toContain('请至少选择两位专家的审核工作簿（本次选择了 1 个）。');
  const other = { file: '另一平台-审核.xlsx', bytes: await baseWorkbook(makeReport({ platform: { name: '另一平台', category: '技术创新', unit: null, district: null } })) };
  await user.upload(screen.getByTestId('merge-input') as HTMLInputElement, asFiles([one, other]));
  expect((await screen.findByRole('alert', {}, { timeout: 30_000 })).textContent).toContain('「另一平台-审核.xlsx」与「测试平台-审核-张三.xlsx」不是同一平台的审核工作簿，不能合并');
  expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

test('the standalone page has no 合并评审 (it has no open workbook to write into)', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ReviewApp mode="standalone" port={createStandalonePort(() => undefined)} />
    </FluentProvider>,
  );
  expect(screen.queryByRole('region', { name: '合并评审' })).toBeNull();
});
