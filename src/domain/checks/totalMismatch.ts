import type { RecognizedTable, SummaryRow } from '../recognize';
import type { FieldKey } from '../tableSpecs';
import { numberOf } from '../submission';
import type { Check, CheckContext } from './check';

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

function compareSum(ctx: CheckContext, table: RecognizedTable, summary: SummaryRow, field: FieldKey, digits: number, unit: string): void {
  const cell = summary.cells[field];
  const stated = numberOf(cell);
  if (!cell || stated === undefined) return;
  let computed = 0;
  for (const row of table.rows) computed += numberOf(row.cells[field]) ?? 0;
  const tolerance = digits === 0 ? 0.5 : 0.5 * 10 ** -digits;
  if (Math.abs(stated - computed) > tolerance) {
    const label = table.columns[field]?.field.label ?? field;
    ctx.report({ cell }, 'sum', { table: table.spec.name, row: summary.label, column: label, stated: round(stated, digits), unit, computed: round(computed, digits) });
  }
}

/** 合计 and 平均满意度 rows must agree with the rows above them. */
const check: Check = {
  meta: {
    id: 'total-mismatch',
    clause: '附表4-2-1-5“合计”行；附表4-2-1-6“平均满意度”行；附表4-2-1-3 合计',
    severity: 'warning',
    title: '合计或平均值不符',
    messages: {
      sum: '{{table}}「{{row}}」行的{{column}}为 {{stated}}{{unit}}，按明细行计算应为 {{computed}}{{unit}}',
      average: '平均满意度填写为 {{stated}}%，按 {{surveys}} 条调查计算应为 {{computed}}%',
    },
  },
  run(ctx) {
    for (const table of ctx.submission.tables) {
      for (const summary of table.summaryRows) {
        if (table.kind === '4-2-1-5') {
          compareSum(ctx, table, summary, 'enterprises', 0, '家');
          compareSum(ctx, table, summary, 'people', 0, '人');
        } else if (table.kind === '4-2-1-3') {
          compareSum(ctx, table, summary, 'amount', 2, '万元');
        } else if (table.kind === '4-2-1-6') {
          const cell = summary.cells.satisfaction;
          // The average may sit in the satisfaction column or anywhere else on the row.
          const stated = numberOf(cell);
          if (!cell || stated === undefined) continue;
          const values = table.rows.map((r) => numberOf(r.cells.satisfaction)).filter((v): v is number => v !== undefined);
          if (values.length === 0) continue;
          const computed = values.reduce((a, b) => a + b, 0) / values.length;
          if (Math.abs(stated - computed) > 0.05) {
            ctx.report({ cell }, 'average', { stated: round(stated, 2), surveys: values.length, computed: round(computed, 2) });
          }
        }
      }
    }
  },
};
export default check;
