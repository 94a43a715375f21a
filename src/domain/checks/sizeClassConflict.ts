import { declaredSizes } from '../enterpriseSize';
import { SIZE_CLASSES } from '../sizeClassWord';
import type { Check } from './check';

/** One enterprise declared different size classes on different orders. */
const check: Check = {
  meta: {
    id: 'size-class-conflict',
    clause: '附表4-2-1-3 填表说明“企业划型填写大型、中型、小型、微型”：一家企业只有一个划型；门槛4、门槛9',
    severity: 'warning',
    title: '同一企业划型不一致',
    messages: {
      conflict: '「{{enterprise}}」在附表4-2-1-3 中的企业划型不一致：{{classes}}。一家企业只有一个划型，请核实；{{effect}}',
    },
  },
  run({ submission, report }) {
    for (const d of declaredSizes(submission).values()) {
      if (d.classes.size < 2) continue;
      const all = [...d.classes.values()].flat();
      const first = all.reduce((a, b) => (a.table === b.table ? (b.row.row < a.row.row ? b : a) : a));
      // Rows are named by their sheet too when the orders are in more than one table.
      const many = new Set(all.map((r) => r.table)).size > 1;
      const listed = SIZE_CLASSES.filter((s) => d.classes.has(s))
        .map((s) => `${s}（${d.classes.get(s)!.map((r) => `${many ? `「${r.table.sheet}」` : ''}第${r.row.row}行`).join('、')}）`)
        .join('，');
      report(
        { table: first.table, row: first.row, field: 'sizeClass' },
        'conflict',
        {
          enterprise: d.enterprise.name,
          classes: listed,
          effect: d.classes.has('大型') ? '只要有订单申报为中小企业，该企业仍计入京津冀中小企业家数' : '各订单按各自申报的划型计入中小企业收入',
        },
      );
    }
  },
};
export default check;
