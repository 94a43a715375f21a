import type { Check } from './check';

/** A file that cannot be read is named with the reason; the rest of the submission is still reviewed. */
const check: Check = {
  meta: {
    id: 'file-unreadable',
    clause: '附件材料“所有名单、列表类的表格附件均需为可编辑的Excel版本”',
    severity: 'error',
    title: '文件无法读取',
    messages: {
      unreadable: '{{reason}}',
    },
  },
  run({ submission, report }) {
    for (const f of submission.files) {
      if (f.error) report({ file: f.file }, 'unreadable', { reason: f.error });
    }
  },
};
export default check;
