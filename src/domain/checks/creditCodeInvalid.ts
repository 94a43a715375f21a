import { checkCreditCode } from '../creditCode';
import { cellText } from '../submission';
import type { Check } from './check';

/** A 统一社会信用代码 failing GB 32100's check is reported, but the row still counts (early pilot codes fail yet are real). */
const check: Check = {
  meta: {
    id: 'credit-code-invalid',
    clause: 'GB 32100-2015 统一社会信用代码校验规则',
    severity: 'warning',
    title: '信用代码校验不通过',
    messages: {
      invalid: '「{{enterprise}}」的统一社会信用代码「{{code}}」校验不通过：{{reason}}。该行仍计入，请核实',
    },
  },
  run({ submission, report }) {
    for (const table of submission.tables) {
      if (!table.columns.creditCode) continue;
      for (const row of table.rows) {
        const cell = row.cells.creditCode;
        const code = cellText(cell);
        if (!code || !cell) continue;
        const result = checkCreditCode(code);
        if (result.valid) continue;
        report({ cell }, 'invalid', { enterprise: cellText(row.cells.enterprise) || '该行', code, reason: result.reason ?? '' });
      }
    }
  },
};
export default check;
