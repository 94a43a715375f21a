import {
  detectHost,
  isDarkColor,
  probeExcelApi,
  readOfficeGlobal,
  watchHost,
  type HostInfo,
  type OfficeLike,
} from '../../src/taskpane/host';

const excel = (isSetSupported: (name: string, version?: string) => boolean, theme?: string): OfficeLike => ({
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: { requirements: { isSetSupported }, officeTheme: theme ? { bodyBackgroundColor: theme } : null },
});

describe('detectHost', () => {
  test('no Office global', async () => {
    await expect(detectHost(undefined)).resolves.toEqual({ kind: 'outside', reason: 'no-office', hostName: null });
    await expect(detectHost({})).resolves.toMatchObject({ kind: 'outside', reason: 'no-office' });
  });

  test('host null, another host, and a rejecting or throwing onReady are all outside Excel', async () => {
    await expect(detectHost({ onReady: () => Promise.resolve({ host: null, platform: null }) })).resolves.toEqual({
      kind: 'outside',
      reason: 'not-excel',
      hostName: null,
    });
    await expect(detectHost({ onReady: () => Promise.resolve({ host: 'Word' }) })).resolves.toEqual({
      kind: 'outside',
      reason: 'not-excel',
      hostName: 'Word',
    });
    await expect(detectHost({ onReady: () => Promise.reject(new Error('boom')) })).resolves.toMatchObject({
      kind: 'outside',
      reason: 'not-excel',
    });
    await expect(
      detectHost({
        onReady: () => {
          throw new Error('boom');
        },
      }),
    ).resolves.toMatchObject({ kind: 'outside', reason: 'not-excel' });
  });

  test('onReady that never resolves times out', async () => {
    const started = Date.now();
    await expect(detectHost({ onReady: () => new Promise(() => undefined) }, { timeoutMs: 50 })).resolves.toEqual({
      kind: 'outside',
      reason: 'timeout',
      hostName: null,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('Excel: probes ExcelApi sets and the theme', async () => {
    const info = await detectHost(excel((name, v) => name === 'ExcelApi' && Number(v?.split('.')[1]) <= 14, '#262626'));
    expect(info).toEqual({
      kind: 'excel',
      platform: 'OfficeOnline',
      excelApi: { highest: '1.14', insertWorksheetsFromBase64: true },
      dark: true,
    });
  });

  test('Excel 2019 (ExcelApi 1.8): no insertWorksheetsFromBase64, light theme', async () => {
    const info = await detectHost(excel((name, v) => name === 'ExcelApi' && Number(v?.split('.')[1]) <= 8, '#FFFFFF'));
    expect(info).toMatchObject({ kind: 'excel', excelApi: { highest: '1.8', insertWorksheetsFromBase64: false }, dark: false });
  });
});

describe('watchHost', () => {
  const collect = () => {
    const seen: HostInfo[] = [];
    return { seen, push: (info: HostInfo) => seen.push(info) };
  };

  test('a prompt onReady answers once, without a timeout notice', async () => {
    const { seen, push } = collect();
    watchHost(excel(() => true), push, { timeoutMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    expect(seen.map((s) => s.kind)).toEqual(['excel']);
  });

  test('a late onReady: the timeout first, then Excel', async () => {
    let ready: (info: { host: string }) => void = () => undefined;
    const { seen, push } = collect();
    watchHost({ onReady: () => new Promise((resolve) => (ready = resolve)), context: { requirements: { isSetSupported: () => true } } }, push, { timeoutMs: 10 });
    await new Promise((r) => setTimeout(r, 40));
    expect(seen).toEqual([{ kind: 'outside', reason: 'timeout', hostName: null }]);
    ready({ host: 'Excel' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ kind: 'excel', excelApi: { insertWorksheetsFromBase64: true } });
  });

  test('no Office global, and stopping: nothing more is told after stop', async () => {
    const none = collect();
    watchHost(undefined, none.push);
    await Promise.resolve();
    expect(none.seen).toEqual([{ kind: 'outside', reason: 'no-office', hostName: null }]);
    let ready: (info: { host: string }) => void = () => undefined;
    const stopped = collect();
    const stop = watchHost({ onReady: () => new Promise((resolve) => (ready = resolve)) }, stopped.push, { timeoutMs: 10 });
    stop();
    ready({ host: 'Excel' });
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped.seen).toEqual([]);
  });
});

describe('probeExcelApi', () => {
  test('missing or throwing isSetSupported means nothing is supported', () => {
    expect(probeExcelApi({})).toEqual({ highest: null, insertWorksheetsFromBase64: false });
    expect(
      probeExcelApi({
        context: {
          requirements: {
            isSetSupported: () => {
              throw new Error('no');
            },
          },
        },
      }),
    ).toEqual({ highest: null, insertWorksheetsFromBase64: false });
  });
});

test('isDarkColor', () => {
  expect(isDarkColor('#000000')).toBe(true);
  expect(isDarkColor('#1f1f1f')).toBe(true);
  expect(isDarkColor('#333')).toBe(true);
  expect(isDarkColor('#FFFFFF')).toBe(false);
  expect(isDarkColor('#E6E6E6')).toBe(false);
  expect(isDarkColor('not a colour')).toBe(false);
  expect(isDarkColor(undefined)).toBe(false);
});

test('readOfficeGlobal is undefined without office.js', () => {
  expect(readOfficeGlobal()).toBeUndefined();
});
