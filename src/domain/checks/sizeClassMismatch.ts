import { classify } from '../sizeClass';
import { declaredSizeClass } from '../sizeClassWord';
import { cellText, numberOf } from '../submission';
import type { Check } from './check';

/**
 * 附表4-2-1-3 with 所属行业 and size figures: the declared 企业划型 must agree with the class the
 * standard gives. Rows whose figures do not settle the class, whose industry is unknown, or whose
 * declared class is invalid (size-class-invalid reports that) are left alone.
 *
 * @example
 * // 所属行业 工业, 从业人员 300, 营业收入 2000万元, 企业划型 微型 →
 * // 「X公司」申报为微型，按所属行业和规模测算应为中型：工业：从业人员 300 人 < 1000 人…
 */
const check: Check = {
  meta: {
    id: 'size-class-mismatch',
    clause: '附表4-2-1-3 企业划型；工信部联企业〔2011〕300号',
    severity: 'warning',
    title: '企业划型与标准不符',
    messages: {
      mismatch: '「{{enterprise}}」申报为{{declared}}，按所属行业和规模测算应为{{computed}}：{{reason}}',
    },
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-3')) {
      const { columns } = table;
      if (!columns.industry || !(columns.employees || columns.revenue || columns.assets)) continue;
      for (const row of table.rows) {
        const declared = declaredSizeClass(cellText(row.cells.sizeClass));
        const industry = cellText(row.cells.industry);
        if (!declared || !industry) continue;
        const result = classify(industry, {
          employees: numberOf(row.cells.employees),
          revenue: numberOf(row.cells.revenue),
          assets: numberOf(row.cells.assets),
        });
        if (!result.ok || result.size === declared) continue;
        const name = cellText(row.cells.enterprise) || '该订单企业';
        report(
          { table, row, field: 'sizeClass' },
          'mismatch',
          { enterprise: name, declared, computed: result.size, reason: result.reason },
        );
      }
    }
  },
};
export default check;
