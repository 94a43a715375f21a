import { compareDeclared } from '../declared';
import { formatFigure as fmt, type Check } from './check';

/** A declared figure (附件4-2) that the tables do not bear out, beyond the item's tolerance. */
const check: Check = {
  meta: {
    id: 'declared-mismatch',
    clause: '附件4-2 填报系统填报内容与附件4-2-1 各附表',
    severity: 'warning',
    title: '申报数与核定数不符',
    messages: {
      mismatch: '申报「{{item}}」为 {{declared}}{{unit}}，按附表核定为 {{verified}}{{unit}}，{{direction}} {{difference}}{{differenceUnit}}（{{tolerance}}）',
      unknownItem: '申报数据中的「{{key}}」不是附件4-2 的填报项目，未比对',
    },
  },
  run({ submission, report }) {
    const { declared, indicators } = submission;
    if (!declared || !indicators) return;
    for (const c of compareDeclared(declared, indicators, submission.options.category, submission.previousIndicators ?? null)) {
      if (c.status !== 'mismatch') continue;
      const unit = c.unit === '%' ? '%' : c.unit;
      const diff = c.declared! - c.verified!;
      report(c.ref ? { ref: c.ref } : { file: declared.source.file }, 'mismatch', {
        item: c.label,
        declared: fmt(c.declared!),
        verified: fmt(c.verified!),
        unit,
        direction: diff > 0 ? '多' : '少',
        difference: fmt(Math.abs(diff)),
        differenceUnit: c.unit === '%' ? ' 个百分点' : unit,
        tolerance: c.tolerance,
      });
    }
    for (const u of declared.unknown) {
      report(u.ref ? { ref: u.ref } : { file: declared.source.file }, 'unknownItem', { key: u.key }, 'info');
    }
  },
};
export default check;
