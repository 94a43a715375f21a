import { checkTester, table, type SheetFixture } from '../../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲公司', 'x', '北京'], [2, '天津乙公司', 'x', '天津'], [3, '上海丙公司', 'x', '上海']], { name: '名单' });
const survey = table('4-2-1-6', [[1, '北京甲公司', 'x', '张', '1', 90], [2, '天津乙公司', 'x', '李', '2', 95]], { name: '满意度' });
const declaredSheet = (rows: unknown[][]): SheetFixture => ({ name: '申报数据', rows: [['编号', '项目', '申报值', '单位'], ...rows] });

checkTester('declared-mismatch', {
  valid: [
    {
      name: 'figures that match, a percentage within 0.5 points, items the tables cannot verify',
      files: {
        'a.xlsx': [
          service,
          survey,
          declaredSheet([
            ['二.13(1).京津冀', '2024年度服务京津冀企业家数', 2, '家'],
            ['二.13(1).北京', '其中北京企业家数', '1家', '家'],
            ['二.10', '服务对象平均满意度', '92.8%', '%'],
            ['一.9', '单位从业人数', 50, '人'],
          ]),
        ],
      },
    },
    { name: 'nothing declared', files: { 'a.xlsx': [service] } },
  ],
  invalid: [
    {
      name: '服务京津冀企业家数 declared 130, verified 2; satisfaction 1 point off; found by label without an id',
      files: {
        'a.xlsx': [
          service,
          survey,
          { name: '申报数据', rows: [['项目', '申报值'], ['上年度服务京津冀企业家数（2024年度）', 130], ['服务对象平均满意度（%）', 93.5]] },
        ],
      },
      findings: [
        { at: '申报数据!B2', messageId: 'mismatch', data: { item: '2024年度服务京津冀企业家数', declared: '130', verified: '2', unit: '家' } },
        { at: '申报数据!B3', messageId: 'mismatch', data: { item: '服务对象平均满意度', declared: '93.5', verified: '92.5', direction: '多', difference: '1', differenceUnit: ' 个百分点' } },
      ],
    },
    {
      name: 'a declared count beyond the exact tolerance',
      files: { 'a.xlsx': [service, declaredSheet([['二.13(1).京津冀', '2024年度服务京津冀企业家数', 130, '家']])] },
      findings: [{ at: '申报数据!C2', messageId: 'mismatch', data: { declared: '130', verified: '2', direction: '多', difference: '128', tolerance: '须一致' } }],
    },
  ],
});
