import { cellText } from '../submission';
import type { Check } from './check';

/** 附表4-2-1-7: an agreement without a date is void; one signed after the review year was not in force in it. */
const check: Check = {
  meta: {
    id: 'institution-date',
    clause: '门槛条件5；附表4-2-1-7 填表说明“须有落款日期，否则视为无效”',
    severity: 'error',
    title: '合作协议日期无效',
    messages: {
      noDate: '合作机构「{{institution}}」没有签订协议时间，视为无效，不计入',
      unreadableDate: '合作机构「{{institution}}」的签订协议时间「{{text}}」无法识别，视为无效，不计入',
      afterYear: '合作机构「{{institution}}」的协议签订于 {{date}}，晚于{{year}}年度，不计入',
    },
  },
  run({ submission, report }) {
    const year = submission.options.year;
    for (const table of submission.ofKind('4-2-1-7')) {
      for (const row of table.rows) {
        const name = cellText(row.cells.institution) || `第${row.row}行`;
        const cell = row.cells.signDate;
        const p = cell?.parsed;
        if (!cell || !p || p.state === 'blank') {
          report({ table, row, field: 'signDate' }, 'noDate', { institution: name });
        } else if (p.state === 'error') {
          report({ cell }, 'unreadableDate', { institution: name, text: cellText(cell) });
        } else if (typeof p.value === 'object' && p.value.y > year) {
          report({ cell }, 'afterYear', { institution: name, date: p.value.iso, year });
        }
      }
    }
  },
};
export default check;
