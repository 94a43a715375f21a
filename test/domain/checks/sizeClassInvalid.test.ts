import { checkTester, table } from '../../helpers/submission';

const orders = (classes: unknown[]) => ({
  'a.xlsx': [table('4-2-1-3', classes.map((c, i) => [i + 1, `北京${i}公司`, 'x', c, 10, '2024-03-01', `HT${i}`]), { name: '订单' })],
});

checkTester('size-class-invalid', {
  valid: [{ name: 'the four classes, with and without 企业', files: orders(['大型', '中型企业', ' 小型 ', '微型']) }],
  invalid: [
    {
      name: 'blank, 小微, 中小型',
      files: orders([null, '小微', '中小型']),
      findings: [{ at: '订单!D2', messageId: 'blank' }, { at: '订单!D3', messageId: 'unknownClass', data: { text: '小微' } }, { at: '订单!D4' }],
    },
  ],
});
