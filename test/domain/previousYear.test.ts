/**
 * 8.4(2) and 二.13(2) from last year's submission. The guide: 「（2）上一年度新增北京市订单企业数量」
 * (8.4), with its material 「（2）不含免费服务，提供2023和2024年度服务北京市企业名单，以及相应的合同和发票」,
 * and the form's 「（2）上一年度新增北京市订单企业（不含免费服务）数量」 and 「（2）2023年度——
 * 资产总额（万元）… 订单合同数」 (附件4-2【二】13).
 */
import { readDeclaredJson } from '../../src/domain/declared';
import { isPaidOrder } from '../../src/domain/previousYear';
import { reviewSubmission, type SubmittedFile } from '../../src/domain/review';
import { readWorkbook } from '../../src/workbook/file/reader';
import { EXPECTED, EXPECTED_2023, YEAR_2023, YEAR_2024 } from '../helpers/twoYears';
import { xlsx, type SheetFixture } from '../helpers/submission';

async function files(sheets: SheetFixture[], file: string): Promise<SubmittedFile[]> {
  return [{ file, grids: await readWorkbook(await xlsx(sheets), file) }];
}

const platform = { name: '测试数字化平台', category: '数字化应用' };

describe('「不含免费服务」: a paid order is one whose amount reads as more than 0', () => {
  test.each([
    [10, true],
    [0.01, true],
    [0, false],
    [-3, false],
    [undefined, false], // 「免费」, 「面议」 or blank: no amount, no proof of payment
  ])('amount %p → paid %p', (amount, paid) => expect(isPaidOrder(amount)).toBe(paid));
});

describe('「上一年度新增北京市订单企业（不含免费服务）数量」', () => {
  test('the two-year pair: exactly 3 new 北京 firms (乙 丙 卯), stated by hand', async () => {
    const report = reviewSubmission({ files: await files(YEAR_2024, '2024.xlsx'), platform, previous: { files: await files(YEAR_2023, '2023.xlsx'), source: '2023年度' } });
    expect(report.indicators.newBeijingOrderEnterprises).toBe(3);
    const prev = report.previousYear!;
    expect(prev.year).toBe(2023);
    expect(prev.source).toBe('2023年度');
    expect(prev.newFirms.map((f) => f.name)).toEqual(EXPECTED.newFirms);
    expect(prev.beijingPaidOrderEnterprises).toBe(EXPECTED.beijingPaid);
    expect(prev.returning).toBe(EXPECTED.returning);
    expect(prev.returningFromOutside).toBe(EXPECTED.returningFromOutside);
    // Each new firm names its paid orders and the first one's place.
    expect(prev.newFirms[0]).toEqual({ name: '北京乙信息技术有限公司', creditCode: null, orders: 1, amount: 8, file: '2024.xlsx', sheet: '订单', row: 4 });
    // Last year counted by the same rules, for its own year.
    expect(prev.indicators).toMatchObject({
      serviceEnterprises: EXPECTED_2023.serviceEnterprises,
      jjjEnterprises: EXPECTED_2023.jjjEnterprises,
      byRegion: { 北京: EXPECTED_2023.beijing },
      orders: EXPECTED_2023.orders,
      smeRevenueShare: EXPECTED_2023.smeRevenueShare,
    });
  });

  test('without last year the count is unknown (null), not 0', async () => {
    const report = reviewSubmission({ files: await files(YEAR_2024, '2024.xlsx'), platform });
    expect(report.indicators.newBeijingOrderEnterprises).toBeNull();
    expect(report.previousYear).toBeUndefined();
  });

  test('every firm returning: 0 new; last year empty: every 北京 paid-order firm is new', async () => {
    const same = reviewSubmission({ files: await files(YEAR_2024, '2024.xlsx'), platform, year: 2024, previous: { files: await files(shiftYear(YEAR_2024), 'x.xlsx') } });
    // 壬 辰 子 had no paid order this year; their rows moved a year back change nothing.
    expect(same.indicators.newBeijingOrderEnterprises).toBe(0);
    const none = reviewSubmission({ files: await files(YEAR_2024, '2024.xlsx'), platform, previous: { files: await files([YEAR_2023[0]], 'list-only.xlsx') } });
    expect(none.indicators.newBeijingOrderEnterprises).toBe(EXPECTED.beijingPaid);
  });
});

describe('二.13(2) 2023年度 and 三.4(2) paired with last year', () => {
  const declared = readDeclaredJson(
    {
      items: {
        '三.4(2)': 3,
        '二.13(2).资产总额': 500,
        '2023年度营业收入': 800,
        '二.13(2).服务中小企业收入': 600,
        '二.13(2).占比': 75,
        '二.13(2).京津冀': 8,
        '2023年度服务京津冀企业家数中北京企业家数': 6,
        '二.13(2).订单合同数': 7,
        '二.13(1).资产总额': 900,
      },
    },
    'declared.json',
  );

  test('with --previous: verified from 2023; the two mismatches reported', async () => {
    const report = reviewSubmission({ files: await files(YEAR_2024, '2024.xlsx'), platform, declared, previous: { files: await files(YEAR_2023, '2023.xlsx') } });
    const byId = Object.fromEntries(report.declared.map((d) => [d.id, d]));
    expect(byId['三.4(2)']).toMatchObject({ declared: 3, verified: 3, status: 'match' });
    expect(byId['二.13(2).资产总额']).toMatchObject({ declared: 500, verified: null, status: 'unverified' });
    expect(byId['二.13(2).营业收入']).toMatchObject({ declared: 800, status: 'unverified' });
    expect(byId['二.13(2).服务中小企业收入']).toMatchObject({ declared: 600, status: 'unverified' });
    // 100% from the order list against 75% declared: beyond 5 points.
    expect(byId['二.13(2).占比']).toMatchObject({ declared: 75, verified: 100, status: 'mismatch' });
    expect(byId['二.13(2).京津冀']).toMatchObject({ declared: 8, verified: 8, status: 'match' });
    expect(byId['二.13(2).北京']).toMatchObject({ declared: 6, verified: 7, status: 'mismatch' });
    expect(byId['二.13(2).订单合同数']).toMatchObject({ declared: 7, verified: 7, status: 'match' });
    // A year-less label still names the review year's item.
    expect(byId['二.13(1).资产总额']).toMatchObject({ declared: 900 });
    const mismatches = report.findings.filter((f) => f.check === 'declared-mismatch').map((f) => f.data.item);
    expect(mismatches).toEqual(expect.arrayContaining(['2023年度服务京津冀企业家数中北京企业家数', '2023年度为中小企业提供服务的营业收入占营业总收入的比重']));
    // 600 ÷ 800 = 75%: consistent with itself.
    expect(report.findings.filter((f) => f.check === 'declared-inconsistent')).toEqual([]);
  });

  test('without --previous: unverified, nothing reported', async () => {
    const report = reviewSubmission({ files: await files(YEAR_2024, '2024.xlsx'), platform, declared });
    for (const id of ['三.4(2)', '二.13(2).京津冀', '二.13(2).北京', '二.13(2).订单合同数', '二.13(2).占比']) {
      expect(report.declared.find((d) => d.id === id)?.status).toBe('unverified');
    }
    expect(report.findings.filter((f) => f.check === 'declared-mismatch')).toEqual([]);
  });
});

/** The same sheets with every 2024 date moved to 2023. */
function shiftYear(sheets: SheetFixture[]): SheetFixture[] {
  return sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((v) => (typeof v === 'string' && /^2024-/.test(v) ? v.replace(/^2024/, '2023') : v))) }));
}
