import { CHECK_RESULTS, SAMPLE_COLS, layoutSampleSheet, sampleKey, type LayoutCell, type SheetLayout } from '../../../src/workbook/layout';
import { expectOnePageWide, makeOrderReport, makeReport } from './fixtures';

const HEADER = 6;

function cell(layout: SheetLayout, r: number, c: number): LayoutCell | undefined {
  return layout.cells.find((x) => x.row === r && x.col === c);
}

function values(layout: SheetLayout, r: number): unknown[] {
  return [2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => cell(layout, r, c)?.value ?? null);
}

describe('enterprise sample', () => {
  const report = makeReport();
  const layout = layoutSampleSheet(report);

  test('rule and seed above the table', () => {
    expect(cell(layout, 2, SAMPLE_COLS.enterprise)?.value).toBe(report.sampleRule.description);
    expect(String(cell(layout, 3, SAMPLE_COLS.enterprise)?.value)).toMatch(/随机抽取 1 个，随机种子 7/);
    expect(String(cell(layout, 1, SAMPLE_COLS.rank)?.value)).toMatch(/3 家企业，金额合计 212\.85 万元/);
  });

  test('one row per enterprise with empty 核验 columns for the auditor', () => {
    expect(values(layout, HEADER)).toEqual(['排名', '企业名称', '金额（万元）', '订单数', '合同号', '抽样方式', '合同核验', '发票核验', '备注']);
    expect(values(layout, HEADER + 1)).toEqual([1, '北京甲科技有限公司', 120.5, 2, 'HT-1、HT-2', '按金额', null, null, null]);
    expect(values(layout, HEADER + 3)[5]).toBe('随机');
    expect(cell(layout, HEADER + 1, SAMPLE_COLS.amount)?.numFmt).toBe('#,##0.00');
    expect(cell(layout, HEADER + 1, SAMPLE_COLS.contract)?.fill).toBe('FFFFF2CC');
  });

  test('drop-downs on 合同核验 and 发票核验; frozen header, filter, print set-up', () => {
    expect(layout.dataValidations).toEqual([{ range: 'H7:I9', options: [...CHECK_RESULTS], prompt: expect.any(String) }]);
    expect(CHECK_RESULTS).toEqual(['已核验', '不符', '缺失', '待核']);
    expect(layout.freeze).toEqual({ row: HEADER, col: SAMPLE_COLS.enterprise });
    expect(layout.autoFilter).toBe('A6:J9');
    expect(layout.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4' });
    expectOnePageWide(layout);
  });

  test('enterprise names and contract numbers that look like formulas stay text', () => {
    expect(cell(layout, HEADER + 2, SAMPLE_COLS.enterprise)).toMatchObject({ value: '=HYPERLINK("http://x","y")', text: true });
    expect(cell(layout, HEADER + 2, SAMPLE_COLS.fifth)).toMatchObject({ value: '+1', text: true });
    expect(cell(layout, HEADER + 3, SAMPLE_COLS.enterprise)).toMatchObject({ value: '@SUM(A1)', text: true });
    // The row key is a JSON mark, never a formula.
    expect(String(cell(layout, HEADER + 2, 1)?.value).startsWith('{')).toBe(true);
  });

  test('carried 核验 results and 备注 by enterprise name', () => {
    const key = sampleKey(report.sample[0]);
    expect(key).toBe('e:北京甲科技有限公司');
    const l = layoutSampleSheet(report, { inputs: { 抽查样本: { [key]: { contract: '已核验', note: '=发票缺页' } } } });
    expect(values(l, HEADER + 1).slice(6)).toEqual(['已核验', null, '=发票缺页']);
    expect(cell(l, HEADER + 1, SAMPLE_COLS.note)?.text).toBe(true);
  });
});

describe('order sample', () => {
  const report = makeOrderReport();
  const layout = layoutSampleSheet(report, { copied: [{ file: 'b.xlsx', sheet: '名单', name: '4-2-1-3 名单' }] });

  test('columns adapt: 合同号 and 来源行 linking to the copied sheet', () => {
    expect(values(layout, HEADER)).toEqual(['排名', '企业名称', '金额（万元）', '合同号', '来源行', '抽样方式', '合同核验', '发票核验', '备注']);
    expect(values(layout, HEADER + 1).slice(0, 5)).toEqual([1, '北京甲科技有限公司', 50, 'HT-9', 'b.xlsx / 名单 第4行']);
    expect(cell(layout, HEADER + 1, SAMPLE_COLS.fifth)?.hyperlink).toEqual({ sheet: '4-2-1-3 名单', cell: 'A4' });
    expect(cell(layout, HEADER + 2, SAMPLE_COLS.fourth)).toMatchObject({ value: '=1+1', text: true });
    expect(String(cell(layout, 1, SAMPLE_COLS.rank)?.value)).toMatch(/2 笔订单/);
    expect(String(cell(layout, 3, SAMPLE_COLS.enterprise)?.value)).toMatch(/无/);
  });

  test('keyed by contract, file, sheet and row', () => {
    expect(sampleKey(report.sample[1])).toBe('o:=1+1|b.xlsx|名单|6');
  });
});

test('an empty sample says why', () => {
  const l = layoutSampleSheet(makeReport({ sample: [] }));
  expect(String(cell(l, HEADER + 1, SAMPLE_COLS.rank)?.value)).toMatch(/没有可抽查的订单/);
  expect(l.dataValidations).toEqual([]);
});
