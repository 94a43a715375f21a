import { chineseMessage, hasEnglish } from '../../src/taskpane/review/chineseErrors';
import { messageOf } from '../../src/taskpane/review/ports';
import { readWorkbook } from '../../src/workbook/file/reader';

describe('English details become Chinese reasons', () => {
  test.each([
    ['无法读取「a.xlsx」：文件已损坏，无法读取（Corrupted zip: can\'t find end of central directory）', '无法读取「a.xlsx」：文件已损坏，无法读取（压缩包不完整或已损坏）'],
    ['无法读取「a.xlsx」：文件已损坏，无法读取（FILE_ENDED）', '无法读取「a.xlsx」：文件已损坏，无法读取（文件不完整，读到中途就结束了）'],
    ['.xls 文件已损坏或格式不受支持，无法读取(Unsupported file 0x12)', '.xls 文件已损坏或格式不受支持，无法读取（文件格式不受支持）'],
    ['读取工作簿失败（InvalidOperation：This operation is not allowed in cell-edit mode.）。请确认工作簿未处于单元格编辑状态，然后重试。', '读取工作簿失败（Excel 当前不允许此操作：工作簿正处于单元格编辑状态）。请确认工作簿未处于单元格编辑状态，然后重试。'],
    ['导入平台材料失败（ItemNotFound）。', '导入平台材料失败（找不到要操作的对象）。'],
    ['Failed to fetch', '出现了意外错误（网络请求失败）'],
    ['审核未完成：后台读取出错（Something odd）', '审核未完成：后台读取出错（具体原因无法识别）'],
  ])('%s', (english, chinese) => {
    expect(chineseMessage(english)).toBe(chinese);
    expect(hasEnglish(chineseMessage(english))).toBe(false);
  });

  test('Chinese messages, file names, paths and product names are kept as they are', () => {
    for (const text of [
      '无法读取「Report 2024.xlsx」：文件为空（0 字节）',
      '「名单.csv」未导入：不是 Excel 文件（.xlsx、.xls、.et、.ods 或 .csv）',
      '当前 Excel 支持 ExcelApi 1.13。',
      '示例文件「a.xlsx」下载失败（HTTP 404）',
    ]) {
      expect(chineseMessage(text)).toBe(text);
    }
  });

  test('a file the reader cannot read: the pane’s message is the reader’s Chinese reason', async () => {
    const truncated = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    const error = await readWorkbook(truncated, '截断.xlsx').catch((e: unknown) => e);
    const message = messageOf(error);
    expect(message).toMatch(/^无法读取「截断\.xlsx」：/);
    expect(hasEnglish(message)).toBe(false);
  });
});
