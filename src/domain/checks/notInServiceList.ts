import { cellText } from '../submission';
import type { TableKind } from '../tableSpecs';
import type { Check } from './check';

const KINDS: TableKind[] = ['4-2-1-3', '4-2-1-6', '4-2-1-8'];

/** Orders, surveys and innovative enterprises must be among the served enterprises of 附表4-2-1-2. */
const check: Check = {
  meta: {
    id: 'not-in-service-list',
    clause: '附表4-2-1-2 填表说明“服务企业名单包括参加活动和一对一服务过的全部企业”',
    severity: 'error',
    title: '不在服务企业名单中',
    messages: {
      notListed: '{{table}}中的「{{enterprise}}」不在附表4-2-1-2 服务企业名单中',
    },
  },
  run({ submission, report }) {
    if (submission.ofKind('4-2-1-2').length === 0) return; // table-missing says it once
    for (const kind of KINDS) {
      for (const table of submission.ofKind(kind)) {
        for (const row of table.rows) {
          const name = cellText(row.cells.enterprise);
          if (!name) continue;
          if (submission.serviceList.enterpriseOf(row)) continue;
          report({ table, row, field: 'enterprise' }, 'notListed', { table: table.spec.name, enterprise: name });
        }
      }
    }
  },
};
export default check;
