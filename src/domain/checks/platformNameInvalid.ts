import { findPlatform } from '../roster';
import { filingPlace, type Check } from './check';

/** The platform's name must be the recognised one, without 示范. */
const check: Check = {
  meta: {
    id: 'platform-name-invalid',
    clause: '附件4-2【一】2“平台名称…不得带有‘示范’字样，需与认定或上年度绩效评价公示名单中的内容一致”',
    severity: 'warning',
    title: '平台名称不符合要求',
    messages: {
      demonstration: '平台名称「{{name}}」带有“示范”字样：指南要求平台名称不得带有“示范”',
      notInRoster: '平台名称「{{name}}」不在附件4-1 名录中（已容忍空格、括号和全半角差异）：须与认定或上年度绩效评价公示名单一致',
    },
  },
  run({ submission, report }) {
    const { declared } = submission;
    const where = filingPlace(submission);
    const names = [...new Set([submission.options.platformName, declared?.texts['一.2']].map((n) => n?.trim()).filter((n): n is string => !!n))];
    for (const name of names) {
      if (/示范/.test(name.normalize('NFKC'))) report(where, 'demonstration', { name });
      if (!findPlatform(name)) report(where, 'notInRoster', { name });
    }
  },
};
export default check;
