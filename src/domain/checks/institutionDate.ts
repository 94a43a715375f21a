import { cellText } from '../submission';
import type { Check } from './check';

/** 附表4-2-1-7: an agreement without a date is void; one signed after the review year was not in force in it. */
const check: Check = {
  meta: {
    id: 'institution-date',
    clause: '门槛条件5；附表4-2-1-7 填表说明“须有落款日期，否则视为无效”',
    severity: 'error',
    title: '合作协议日期无效',
  },
  run({ submission, report }) {
    const year = submission.options.year;
    for (const table of submission.ofKind('4-2-1-7')) {
      for (const row of table.rows) {
        const name = cellText(row.cells.institution) || `第${row.row}行`;
        const cell = row.cells.signDate;
        const p = cell?.parsed;
        if (!cell || !p || p.state === 'blank') {
          report({ table, row, field: 'signDate' }, `合作机构「${name}」没有签订协议时间，视为无效，不计入`);
        } else if (p.state === 'error') {
          report({ cell }, `合作机构「${name}」的签订协议时间「${cellText(cell)}」无法识别，视为无效，不计入`);
        } else if (typeof p.value === 'object' && p.value.y > year) {
          report({ cell }, `合作机构「${name}」的协议签订于 ${p.value.iso}，晚于${year}年度，不计入`);
        }
      }
    }
  },
};
export default check;
