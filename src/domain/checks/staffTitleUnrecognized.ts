import { readEducation, readTitle } from '../staffRules';
import { cellText } from '../submission';
import type { Check } from './check';

/** An education or title word the rules cannot place: the reviewer decides whether the person counts. */
const check: Check = {
  meta: {
    id: 'staff-title-unrecognized',
    clause: '门槛8“本科及以上学历和中级及以上技术职称专业人员不少于8人”；附件4-2【一】11',
    severity: 'info',
    title: '学历或职称无法判断',
    messages: {
      education: '「{{person}}」的学历「{{education}}」无法判断是否为本科及以上，未按本科及以上计入门槛8，请评审专家核定',
      title: '「{{person}}」的资格/资质「{{title}}」无法判断是否为中级及以上技术职称，未按中级职称计入门槛8，请评审专家核定',
    },
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-1')) {
      for (const row of table.rows) {
        const person = cellText(row.cells.person);
        if (!person) continue;
        const education = cellText(row.cells.education);
        if (education && readEducation(education) === 'unknown') {
          report({ table, row, field: 'education' }, 'education', { person, education });
        }
        const title = cellText(row.cells.qualification);
        if (title && readTitle(title) === 'unknown') {
          report({ table, row, field: 'qualification' }, 'title', { person, title });
        }
      }
    }
  },
};
export default check;
