/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SizeClassPanel } from '../../src/taskpane/components/SizeClassPanel';
import { INDUSTRIES, SIZE_LIMITS, classify } from '../../src/domain/sizeClass';

function show() {
  render(
    <FluentProvider theme={webLightTheme}>
      <SizeClassPanel />
    </FluentProvider>,
  );
}

const box = (name: RegExp) => screen.getByRole('textbox', { name });

async function pick(user: ReturnType<typeof userEvent.setup>, industry: string) {
  await user.click(screen.getByRole('combobox', { name: '所属行业' }));
  await user.click(await screen.findByRole('option', { name: industry }));
}

test('invalid input gets a message, and no answer is given from it', async () => {
  const user = userEvent.setup();
  show();
  await pick(user, '工业');
  await user.type(box(/从业人员/), 'abc');
  expect(screen.getByText('请输入数字，例如 300 或 1,200.5')).toBeTruthy();
  expect(box(/从业人员/).getAttribute('aria-invalid')).toBe('true');
  await user.clear(box(/从业人员/));
  await user.type(box(/从业人员/), '-5');
  expect(screen.getByText('不能为负数')).toBeTruthy();
  await user.type(box(/营业收入/), '2000');
  expect(screen.queryByTestId('size-answer')).toBeNull();
  await user.clear(box(/从业人员/));
  await user.type(box(/从业人员/), '1,000');
  expect(screen.queryByText('不能为负数')).toBeNull();
  expect(screen.getByTestId('size-answer')).toBeTruthy();
});

test('the panel says which industries use 资产总额, and what the chosen one uses', async () => {
  const user = userEvent.setup();
  show();
  const usingAssets = INDUSTRIES.filter((i) => Object.values(SIZE_LIMITS[i]).flat().some((l) => l.figure === 'assets'));
  expect(usingAssets.length).toBeGreaterThan(0);
  expect(screen.getByTestId('assets-note').textContent).toBe(`资产总额只在${usingAssets.join('、')}的划型中使用（工信部联企业〔2011〕300号），其他行业不必填写。`);
  await pick(user, '建筑业');
  expect(screen.getByText('本行业按营业收入和资产总额划型。')).toBeTruthy();
  expect(screen.getByText('本行业划型不使用此项')).toBeTruthy();
  await pick(user, '工业');
  expect(screen.getByText('本行业按从业人员和营业收入划型。')).toBeTruthy();
});

test('the result and its reason are on separate lines', async () => {
  const user = userEvent.setup();
  show();
  await pick(user, '工业');
  await user.type(box(/从业人员/), '300');
  await user.type(box(/营业收入/), '2000');
  const answer = screen.getByTestId('size-answer');
  const lines = Array.from(answer.querySelectorAll('p'));
  expect(lines.map((l) => l.textContent)).toEqual(['划型结果：中型', `判断依据（工业）：${(classify('工业', { employees: 300, revenue: 2000 }) as { reason: string }).reason.replace('工业：', '')}`]);
  expect(answer.textContent).not.toMatch(/中型工业/);
});
