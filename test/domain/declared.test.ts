import { compareDeclared, DECLARED_ITEMS, findDeclaredItem, readDeclaredJson, readDeclaredSheet } from '../../src/domain/declared';
import type { SheetGrid } from '../../src/domain/grid';
import type { Indicators } from '../../src/domain/report';

const indicators = {
  qualifiedStaff: 9,
  cooperatingInstitutions: 6,
  serviceProducts: 8,
  innovativeEnterprises: {
    total: 3,
    byQualification: { 创新型中小企业: 1, 专精特新: 1, 国家小巨人: 1, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 },
    // 二.7 per qualification: the same firms under every qualification they hold.
    heldByQualification: { 创新型中小企业: 1, 专精特新: 1, 国家小巨人: 1, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 },
  },
  activities: 14,
  qualifyingActivities: 10,
  averageSatisfaction: 94.81,
  smeRevenueShare: 0.853,
  jjjEnterprises: 122,
  byRegion: { 北京: 98, 天津: 10, 河北: 14 },
  orders: 150,
  smeOrders: 140,
  jjjOrderEnterprises: 68,
  policyTalks: 3,
} as unknown as Indicators;

function grid(rows: unknown[][], sheet = '申报数据'): SheetGrid {
  return { file: 'a.xlsx', sheet, firstRow: 1, firstColumn: 1, values: rows as SheetGrid['values'] };
}

test('ids are unique and every verified item has a tolerance', () => {
  const ids = DECLARED_ITEMS.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const i of DECLARED_ITEMS) if (i.verify) expect(i.tolerance).toBeDefined();
});

test.each([
  ['二.9', '二.9'],
  ['上年度组织服务活动次数', '二.9'],
  ['9.上年度组织服务活动次数：', '二.9'],
  ['服务对象平均满意度（%）', '二.10'],
  ['2024年度服务京津冀企业家数', '二.13(1).京津冀'],
  ['不存在的项目', undefined],
])('findDeclaredItem(%s) → %s', (key, id) => expect(findDeclaredItem(key)?.id).toBe(id));

test('a sheet below a title, with 编号 lost: matched by 项目; text items; unknown rows', () => {
  const found = readDeclaredSheet([
    grid([['附表1'], []], '封面'),
    grid([
      ['2024年度申报数据'],
      ['序号', '项目', '申报值'],
      [null, '申报服务类别', '技术创新'],
      [null, '上年度组织服务活动次数', '14次'],
      [null, '服务对象平均满意度', '95%'],
      [null, '自编指标', 3],
    ]),
  ]);
  expect(found?.grid.sheet).toBe('申报数据');
  expect(found?.figures.texts['一.类别']).toBe('技术创新');
  expect(found?.figures.values['二.9']).toMatchObject({ value: 14, ref: { cell: 'C4' } });
  expect(found?.figures.values['二.10'].value).toBe(95);
  expect(found?.figures.unknown.map((u) => u.key)).toEqual(['自编指标']);
});

test('pairing: match within tolerance, mismatch beyond, unverified, missing; 8.x only for its category', () => {
  const figures = readDeclaredJson(
    { items: { '二.9': 14, '二.10': 95.2, '二.3': 5, '一.9': 40, '三.3(1)': 8, '三.1(2)': 99 } },
    'd.json',
  );
  const byId = Object.fromEntries(compareDeclared(figures, indicators, '技术创新').map((c) => [c.id, c]));
  expect(byId['二.9'].status).toBe('match');
  expect(byId['二.10'].status).toBe('match'); // 0.39 points within 0.5
  expect(byId['二.3']).toMatchObject({ status: 'mismatch', declared: 5, verified: 6 });
  expect(byId['一.9'].status).toBe('unverified');
  expect(byId['二.4'].status).toBe('missing');
  expect(byId['三.3(1)'].status).toBe('match');
  expect(byId['三.1(2)']).toBeUndefined(); // a 综合咨询 item, not for 技术创新
});

test('the SME revenue share is compared in percentage points with a wide tolerance', () => {
  const ok = compareDeclared(readDeclaredJson({ items: { '二.13(1).占比': '82%' } }, 'd.json'), indicators, '技术创新');
  expect(ok.find((c) => c.id === '二.13(1).占比')).toMatchObject({ status: 'match', verified: 85.3 });
  const off = compareDeclared(readDeclaredJson({ items: { '二.13(1).占比': 60 } }, 'd.json'), indicators, '技术创新');
  expect(off.find((c) => c.id === '二.13(1).占比')?.status).toBe('mismatch');
});

test('a JSON of the wrong shape is refused in Chinese', () => {
  expect(() => readDeclaredJson(null, 'd.json')).toThrow(/应是一个 JSON 对象/);
  expect(() => readDeclaredJson({ items: [1] }, 'd.json')).toThrow(/items/);
});
