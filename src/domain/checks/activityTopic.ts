import { fitsCategoryTopic } from '../activityTopics';
import { activityMeetsSize } from '../indicators';
import { cellText, inYear } from '../submission';
import type { Check } from './check';

const ITEM: Record<string, string> = {
  创业辅导: '8.2(1) 创业相关服务活动',
  技术创新: '8.3(2) 技术创新相关服务活动',
  人力资源: '8.5(2) 招聘或培训等人力资源服务活动',
  融资促进: '8.6(2) 融资促进相关活动',
};

/** An in-year activity big enough for the category but not about it by its name. */
const check: Check = {
  meta: {
    id: 'activity-topic',
    clause: '指标8.2(1)、8.3(2)、8.5(2)、8.6(2)：本类别相关的服务活动',
    severity: 'info',
    title: '活动与服务类别无关',
    messages: {
      offTopic: '活动「{{activity}}」的名称看不出属于{{item}}，未计入该项；如确属相关活动，请在评分表的核定值中加回',
    },
  },
  run({ submission, report }) {
    const { category, year } = submission.options;
    const item = ITEM[category];
    if (!item) return;
    for (const table of submission.ofKind('4-2-1-5')) {
      for (const row of table.rows) {
        if (!inYear(row.cells.date, year) || !activityMeetsSize(category, row)) continue;
        const name = cellText(row.cells.activity);
        if (!name || fitsCategoryTopic(category, name)) continue;
        report({ table, row, field: 'activity' }, 'offTopic', { activity: name, item });
      }
    }
  },
};
export default check;
