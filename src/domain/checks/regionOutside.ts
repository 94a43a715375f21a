import type { Check } from './check';

/** Enterprises outside 京津冀 are listed but do not count toward 门槛4 and 指标6. */
const check: Check = {
  meta: {
    id: 'region-outside',
    clause: '门槛条件4、评分指标6（服务京津冀中小企业家数）',
    severity: 'info',
    title: '京津冀以外企业',
    messages: {
      outside: '「{{enterprise}}」不在京津冀地区，不计入服务京津冀中小企业家数',
    },
  },
  run({ submission, report }) {
    for (const e of submission.serviceList.enterprises) {
      if (e.region !== '其他') continue;
      report(
        { table: e.table, row: e.row, field: e.regionBasis === 'province' ? 'province' : 'enterprise' },
        'outside',
        { enterprise: e.name },
      );
    }
  },
};
export default check;
