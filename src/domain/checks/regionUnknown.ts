import { cellText } from '../submission';
import type { Check } from './check';

/** A region that cannot be told from 所属省市 or the name is not counted as 京津冀 until a reviewer says so. */
const check: Check = {
  meta: {
    id: 'region-unknown',
    clause: '附表4-2-1-2“所属省市”；门槛条件4',
    severity: 'warning',
    title: '所属省市无法识别',
    messages: {
      unreadable: '「{{enterprise}}」的所属省市「{{province}}」无法识别，暂不计入京津冀企业数，请核实',
      blank: '「{{enterprise}}」未填所属省市，名称中也看不出地区，暂不计入京津冀企业数，请核实',
    },
  },
  run({ submission, report }) {
    for (const e of submission.serviceList.enterprises) {
      if (e.region !== '未知') continue;
      const province = cellText(e.row.cells.province);
      report(
        { table: e.table, row: e.row, field: e.table.columns.province ? 'province' : 'enterprise' },
        province ? 'unreadable' : 'blank',
        province ? { enterprise: e.name, province } : { enterprise: e.name },
      );
    }
  },
};
export default check;
