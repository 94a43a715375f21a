import { TABLE_SPECS } from '../tableSpecs';
import type { Check } from './check';

/** Every attachment table must be submitted; a missing one leaves its indicators at zero. */
const check: Check = {
  meta: {
    id: 'table-missing',
    clause: '附件4-2-1 附表4-2-1-1 至 4-2-1-8；附件材料说明',
    severity: 'error',
    title: '缺少附表',
    messages: {
      missing: '未找到{{table}}「{{title}}」：所提交的表格中没有表头符合该表的工作表，相关指标按 0 计',
    },
  },
  run({ submission, report }) {
    const readable = submission.files.filter((f) => !f.error);
    for (const spec of TABLE_SPECS) {
      if (submission.ofKind(spec.kind).length > 0) continue;
      // Products and innovative enterprises back scoring indicators only, not a threshold.
      const severity = spec.kind === '4-2-1-4' || spec.kind === '4-2-1-8' ? 'warning' : 'error';
      report(
        { file: readable.length === 1 ? readable[0].file : '（全部材料）' },
        'missing',
        { table: spec.name, title: spec.title },
        severity,
      );
    }
  },
};
export default check;
