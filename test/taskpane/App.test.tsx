/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { OfficeLike, OfficeReadyInfo } from '../../src/taskpane/host';

/** Installs (or, with undefined, removes) a page-global `Office`, as office.js would. */
function setOfficeGlobal(office: OfficeLike | undefined): void {
  if (office === undefined) Reflect.deleteProperty(globalThis, 'Office');
  else Reflect.set(globalThis, 'Office', office);
}

/** A stand-in for the office.js `Office` global. */
function fakeOffice(
  ready: OfficeReadyInfo,
  supported: (name: string, version?: string) => boolean = () => true,
  theme?: string,
): OfficeLike {
  return {
    onReady: () => Promise.resolve(ready),
    context: {
      requirements: { isSetSupported: supported },
      officeTheme: theme ? { bodyBackgroundColor: theme } : undefined,
    },
  };
}

/** isSetSupported for an Excel whose highest ExcelApi set is `max` (minor version). */
function upTo(max: number) {
  return (name: string, version?: string) => name === 'ExcelApi' && Number(version?.split('.')[1] ?? 0) <= max;
}

afterEach(() => {
  setOfficeGlobal(undefined);
});

describe('task pane first screen outside Excel', () => {
  test('office.js did not load (no Office global): warning and sideload hint', async () => {
    expect(Reflect.get(globalThis, 'Office')).toBeUndefined();
    render(<App />);
    expect(await screen.findByText('当前未在 Excel 中运行')).toBeTruthy();
    expect(screen.getByText(/office\.js.*未能加载/)).toBeTruthy();
    expect(screen.getByText(/上传我的加载项/)).toBeTruthy();
    expect(screen.getByText(/wef/)).toBeTruthy();
    expect(screen.getByText(/共享文件夹/)).toBeTruthy();
    expect(screen.getAllByText(/manifest\.xml/).length).toBeGreaterThan(0);
    // The rest of the page still renders.
    expect(screen.getByRole('heading', { name: '示范平台审核助手' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /开始审核/ })).toBeTruthy();
  });

  test('Office.onReady resolves with host null (a plain browser)', async () => {
    setOfficeGlobal(fakeOffice({ host: null, platform: null }));
    render(<App />);
    expect(await screen.findByText('当前未在 Excel 中运行')).toBeTruthy();
    expect(screen.getByText(/没有在 Excel 中打开/)).toBeTruthy();
    expect(screen.getByText(/上传我的加载项/)).toBeTruthy();
  });

  test('another Office host (Word) is named', async () => {
    render(<App office={fakeOffice({ host: 'Word', platform: 'PC' })} />);
    expect(await screen.findByText('当前未在 Excel 中运行')).toBeTruthy();
    expect(screen.getByText(/当前宿主为 Word/)).toBeTruthy();
  });

  test('Office.onReady never resolves: after the timeout says so, and keeps saying it is connecting', async () => {
    jest.useFakeTimers();
    try {
      render(<App office={{ onReady: () => new Promise<OfficeReadyInfo>(() => undefined) }} />);
      expect(screen.getByText('正在连接 Excel…')).toBeTruthy();
      expect(screen.queryByText('当前未在 Excel 中运行')).toBeNull();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(3100);
      });
      expect(screen.getByText('当前未在 Excel 中运行')).toBeTruthy();
      expect(screen.getByText(/仍在继续连接/)).toBeTruthy();
      expect(screen.getByText('正在连接 Excel…')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  test('a late Office.onReady (after the timeout) switches the pane to Excel mode', async () => {
    jest.useFakeTimers();
    try {
      let ready: (info: OfficeReadyInfo) => void = () => undefined;
      const office: OfficeLike = {
        onReady: () => new Promise<OfficeReadyInfo>((resolve) => (ready = resolve)),
        context: { requirements: { isSetSupported: upTo(13) } },
      };
      render(<App office={office} />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(5000);
      });
      expect(screen.getByText('当前未在 Excel 中运行')).toBeTruthy();
      await act(async () => {
        ready({ host: 'Excel', platform: 'PC' });
        await jest.advanceTimersByTimeAsync(0);
      });
      expect(screen.getByText('当前 Excel 支持 ExcelApi 1.13。')).toBeTruthy();
      expect(screen.queryByText('当前未在 Excel 中运行')).toBeNull();
      expect(screen.queryByText('正在连接 Excel…')).toBeNull();
      expect(screen.getByRole('button', { name: /导入平台材料/ })).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

test('outside Excel the pane follows the browser’s dark scheme', async () => {
  const matchMedia = (query: string) => ({ matches: query.includes('dark'), addEventListener: () => undefined, removeEventListener: () => undefined });
  Reflect.set(window, 'matchMedia', matchMedia);
  try {
    render(<App />);
    await screen.findByText('当前未在 Excel 中运行');
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join('\n');
    expect(css).toMatch(/--colorNeutralBackground1:\s*#292929/i);
  } finally {
    Reflect.deleteProperty(window, 'matchMedia');
  }
});

describe('task pane first screen inside Excel', () => {
  test('shows the title, description and 开始审核, and no outside-Excel warning', async () => {
    setOfficeGlobal(fakeOffice({ host: 'Excel', platform: 'PC' }, upTo(17)));
    render(<App />);
    expect(await screen.findByText('当前 Excel 支持 ExcelApi 1.17。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '示范平台审核助手' })).toBeTruthy();
    expect(screen.getByText(/年度绩效评价材料/)).toBeTruthy();
    const start = screen.getByRole('button', { name: /开始审核/ });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText('当前未在 Excel 中运行')).toBeNull();
    expect(screen.queryByText(/上传我的加载项/)).toBeNull();
    expect(screen.queryByText(/不支持 ExcelApi 1\.13/)).toBeNull();
  });

  test('notes when ExcelApi 1.13 (insertWorksheetsFromBase64) is missing', async () => {
    render(<App office={fakeOffice({ host: 'Excel', platform: 'Mac' }, upTo(10))} />);
    expect(await screen.findByText(/不支持 ExcelApi 1\.13（直接插入工作表）/)).toBeTruthy();
    expect(screen.getByText('当前 Excel 支持 ExcelApi 1.10。')).toBeTruthy();
    expect(screen.queryByText('当前未在 Excel 中运行')).toBeNull();
  });

  test('dark Office theme switches Fluent to the dark theme', async () => {
    const { container } = render(
      <App office={fakeOffice({ host: 'Excel', platform: 'PC' }, upTo(17), '#1F1F1F')} />,
    );
    await screen.findByText('当前 Excel 支持 ExcelApi 1.17。');
    const provider = container.querySelector('.fui-FluentProvider') as HTMLElement;
    expect(provider).toBeTruthy();
    // webDarkTheme's neutral background 1 is #292929; the light theme's is #ffffff.
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join('\n');
    expect(css).toMatch(/--colorNeutralBackground1:\s*#292929/i);
  });
});
