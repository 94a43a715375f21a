import { cellText } from '../submission';
import type { Check } from './check';

/** 附表4-2-1-2 lists every served enterprise once: a later row naming an earlier enterprise is a duplicate. */
const check: Check = {
  meta: {
    id: 'duplicate-enterprise',
    clause: '门槛条件4（服务企业名单“全部企业，不重复”）；附表4-2-1-2 填表说明“不能有重复”',
    severity: 'error',
    title: '服务企业重复',
    messages: {
      duplicate: '「{{enterprise}}」与{{firstTable}}第{{firstRow}}行「{{firstName}}」重复：{{how}}。重复行不重复计数',
    },
  },
  run({ submission, report }) {
    for (const d of submission.serviceList.duplicates) {
      const name = cellText(d.row.cells.enterprise);
      const how =
        d.by === 'name'
          ? name === d.first.name
            ? '名称相同'
            : '名称只在全角半角、括号或空格上不同，实为同一企业'
          : `统一社会信用代码相同（${d.first.creditCode}）`;
      report({ table: d.table, row: d.row, field: d.by === 'name' ? 'enterprise' : 'creditCode' }, 'duplicate', {
        enterprise: name,
        firstTable: d.first.table.spec.name,
        firstRow: d.first.row.row,
        firstName: d.first.name,
        how,
      });
    }
  },
};
export default check;
