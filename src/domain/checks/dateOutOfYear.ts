import type { RecognizedTable } from '../recognize';
import { cellText } from '../submission';
import type { Check, CheckContext } from './check';

function checkTable(ctx: CheckContext, table: RecognizedTable, what: string, year: number): void {
  if (!table.columns.date) {
    ctx.report({ table, field: 'date' }, 'noDateColumn', { table: table.spec.name, what, year });
    return;
  }
  for (const row of table.rows) {
    const cell = row.cells.date!;
    const p = cell.parsed;
    const name = cellText(row.cells.enterprise ?? row.cells.activity) || `第${row.row}行`;
    if (!p || p.state === 'blank') {
      ctx.report({ cell }, 'noDate', { name, what, year });
    } else if (p.state === 'ok' && typeof p.value === 'object' && p.value.y !== year) {
      ctx.report({ cell }, 'outOfYear', { name, what, date: p.value.iso, year });
    }
  }
}

/** Orders and activities count only when dated within the review year (上年度 = the review year). */
const check: Check = {
  meta: {
    id: 'date-out-of-year',
    clause: '评价指标“上年度”口径；附表4-2-1-3、附表4-2-1-5 填表说明',
    severity: 'error',
    title: '日期不在审核年度',
    messages: {
      noDateColumn: '{{table}}没有{{what}}时间列，无法确认是否属于{{year}}年度',
      noDate: '「{{name}}」未填{{what}}时间，无法确认属于{{year}}年度，不计入',
      outOfYear: '「{{name}}」的{{what}}时间 {{date}} 不在{{year}}年度内，不计入',
    },
  },
  run(ctx) {
    const year = ctx.submission.options.year;
    for (const t of ctx.submission.ofKind('4-2-1-3')) checkTable(ctx, t, '合同/订单', year);
    for (const t of ctx.submission.ofKind('4-2-1-5')) checkTable(ctx, t, '活动', year);
  },
};
export default check;
