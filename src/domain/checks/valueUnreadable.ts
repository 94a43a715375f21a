import type { FieldKey } from '../tableSpecs';
import { cellText } from '../submission';
import type { Check } from './check';

/** An amount, date, percentage or count that cannot be read is named, since it then counts as missing. */
const check: Check = {
  meta: {
    id: 'value-unreadable',
    clause: '附件4-2-1 各附表（金额、日期、百分比、数量列）',
    severity: 'warning',
    title: '数值无法识别',
    messages: {
      unreadable: '{{table}}「{{column}}」的值「{{text}}」无法识别：{{reason}}',
    },
  },
  run({ submission, report }) {
    for (const table of submission.tables) {
      for (const row of table.rows) {
        for (const name in row.cells) {
          const key = name as FieldKey;
          const cell = row.cells[key];
          if (!cell?.parsed || cell.parsed.state !== 'error') continue;
          const label = table.columns[key]?.field.label ?? key;
          report({ cell }, 'unreadable', { table: table.spec.name, column: label, text: cellText(cell) || String(cell.value), reason: cell.parsed.reason });
        }
      }
    }
  },
};
export default check;
