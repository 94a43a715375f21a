import { declaredSizeClass } from '../sizeClassWord';
import { cellText } from '../submission';
import type { Check } from './check';

/** 附表4-2-1-3 企业划型 must be one of 大型、中型、小型、微型; otherwise the order counts only in 门槛9's denominator. */
const check: Check = {
  meta: {
    id: 'size-class-invalid',
    clause: '附表4-2-1-3 填表说明“企业划型填写大型、中型、小型、微型”；门槛条件9',
    severity: 'error',
    title: '企业划型无效',
    messages: {
      noColumn: '订单列表没有“企业划型”列，「{{enterprise}}」的订单无法计入中小企业收入',
      unknownClass: '「{{enterprise}}」的企业划型「{{text}}」不是大型、中型、小型、微型之一，该订单只计入总收入，不计入中小企业收入',
      blank: '「{{enterprise}}」的企业划型未填写，该订单只计入总收入，不计入中小企业收入',
    },
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-3')) {
      for (const row of table.rows) {
        const text = cellText(row.cells.sizeClass);
        if (declaredSizeClass(text)) continue;
        const name = cellText(row.cells.enterprise) || '该订单';
        report(
          { table, row, field: table.columns.sizeClass ? 'sizeClass' : 'enterprise' },
          !table.columns.sizeClass ? 'noColumn' : text ? 'unknownClass' : 'blank',
          text ? { enterprise: name, text } : { enterprise: name },
        );
      }
    }
  },
};
export default check;
