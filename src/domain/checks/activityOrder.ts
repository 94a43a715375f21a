import { outOfOrderRows } from '../regionOrder';
import type { DateParts, TableRow } from '../recognize';
import { cellText } from '../submission';
import type { Check } from './check';

/** 附表4-2-1-5 is filled in date order; the fewest activities whose moving restores it are reported. */
const check: Check = {
  meta: {
    id: 'activity-order',
    clause: '附表4-2-1-5 填表说明“按日期顺序填写”',
    severity: 'warning',
    title: '活动未按日期排序',
    messages: {
      outOfOrder: '活动「{{activity}}」（{{date}}）未按日期顺序排列',
    },
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-5')) {
      const dated: { row: TableRow; date: DateParts }[] = [];
      for (const row of table.rows) {
        const p = row.cells.date?.parsed;
        if (p?.state === 'ok' && typeof p.value === 'object') dated.push({ row, date: p.value });
      }
      const ranks = dated.map((d) => d.date.y * 10000 + d.date.m * 100 + d.date.d);
      for (const i of outOfOrderRows(ranks)) {
        const { row, date } = dated[i];
        report({ table, row, field: 'date' }, 'outOfOrder', { activity: cellText(row.cells.activity), date: date.iso });
      }
    }
  },
};
export default check;
