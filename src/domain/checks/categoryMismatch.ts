import { declaredCategory } from '../declared';
import { filingPlace, type Check } from './check';

/** The category must be the one the platform was recognised in (附件4-2【一】“需与上年度…名单中的类别一致”). */
const check: Check = {
  meta: {
    id: 'category-mismatch',
    clause: '申请方式（二）“根据认定的服务类别选择其中一项”；附件4-2【一】申报服务类别',
    severity: 'error',
    title: '服务类别与名录不符',
    messages: {
      rosterCategory: '「{{platform}}」在附件4-1 名录中的服务类别为{{rosterCategory}}，本次按{{category}}审核：类别须与名录一致',
      declaredVsRoster: '申报数据填写的服务类别「{{declared}}」与附件4-1 名录中的类别{{rosterCategory}}不一致',
      declaredVsReview: '申报数据填写的服务类别「{{declared}}」与本次审核的类别{{category}}不一致',
    },
  },
  run({ submission, report }) {
    const { category, rosterCategory, platformName } = submission.options;
    const declared = submission.declared ? declaredCategory(submission.declared.texts) : undefined;
    const where = filingPlace(submission);
    if (rosterCategory && category !== rosterCategory) {
      report(where, 'rosterCategory', { platform: platformName ?? '', rosterCategory, category });
    }
    if (declared && declared !== (rosterCategory ?? category)) {
      if (rosterCategory) report(where, 'declaredVsRoster', { declared, rosterCategory });
      else report(where, 'declaredVsReview', { declared, category });
    }
  },
};
export default check;
