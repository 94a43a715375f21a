import { compareDeclared } from '../declared';
import { formatFigure as fmt, type Check } from './check';

/** A declared figure (附件4-2) that the tables do not bear out, beyond the item's tolerance. */
const check: Check = {
  meta: {
    id: 'declared-mismatch',
    clause: '附件4-2 填报系统填报内容与附件4-2-1 各附表',
    severity: 'warning',
    title: '申报数与核定数不符',
  },
  run({ submission, report }) {
    const { declared, indicators } = submission;
    if (!declared || !indicators) return;
    for (const c of compareDeclared(declared, indicators, submission.options.category)) {
      if (c.status !== 'mismatch') continue;
      const unit = c.unit === '%' ? '%' : c.unit;
      const diff = c.declared! - c.verified!;
      const message = `申报「${c.label}」为 ${fmt(c.declared!)}${unit}，按附表核定为 ${fmt(c.verified!)}${unit}，${diff > 0 ? '多' : '少'} ${fmt(Math.abs(diff))}${c.unit === '%' ? ' 个百分点' : unit}（${c.tolerance}）`;
      report(c.ref ? { ref: c.ref } : { file: declared.source.file }, message);
    }
    for (const u of declared.unknown) {
      report(u.ref ? { ref: u.ref } : { file: declared.source.file }, `申报数据中的「${u.key}」不是附件4-2 的填报项目，未比对`, 'info');
    }
  },
};
export default check;
