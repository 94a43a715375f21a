import { looseNameKey, parentOfBranch } from '../enterpriseName';
import type { ServiceEnterprise } from '../submission';
import type { Check } from './check';

/**
 * Names that differ only in 有限公司/有限责任公司, or a parent and its 分公司, may be one enterprise.
 * They are reported for a reviewer to judge, never merged silently.
 */
const check: Check = {
  meta: {
    id: 'possible-duplicate-enterprise',
    clause: '门槛条件4（服务企业名单“全部企业，不重复”）',
    severity: 'warning',
    title: '疑似重复企业',
    messages: {
      companyForm: '「{{enterprise}}」与第{{firstRow}}行「{{firstName}}」仅“有限公司/有限责任公司”不同，疑似同一企业，请核实',
      branch: '「{{enterprise}}」是第{{parentRow}}行「{{parentName}}」的分公司，疑似重复计数，请核实是否应合并',
    },
  },
  run({ submission, report }) {
    const enterprises = submission.serviceList.enterprises;
    const byLoose = new Map<string, ServiceEnterprise>();
    const byKey = new Map<string, ServiceEnterprise>();
    for (const e of enterprises) byKey.set(e.key, e);
    for (const e of enterprises) {
      const loose = looseNameKey(e.name);
      const earlier = byLoose.get(loose);
      if (earlier && earlier.key !== e.key) {
        report(
          { table: e.table, row: e.row, field: 'enterprise' },
          'companyForm',
          { enterprise: e.name, firstRow: earlier.row.row, firstName: earlier.name },
        );
      } else if (!earlier) byLoose.set(loose, e);
      const parentKey = parentOfBranch(e.name);
      const parent = parentKey ? (byKey.get(parentKey) ?? byLoose.get(looseNameKey(parentKey))) : undefined;
      if (parent && parent !== e) {
        report(
          { table: e.table, row: e.row, field: 'enterprise' },
          'branch',
          { enterprise: e.name, parentRow: parent.row.row, parentName: parent.name },
        );
      }
    }
  },
};
export default check;
