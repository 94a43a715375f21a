import { readQualifications } from '../qualification';
import { cellText } from '../submission';
import type { Check } from './check';

/** 指标7 counts six qualifications only; anything else (高新技术企业…) is reported and not counted. */
const check: Check = {
  meta: {
    id: 'qualification-unrecognized',
    clause: '评分指标7；附表4-2-1-8 填表说明',
    severity: 'warning',
    title: '企业资质不在认可范围',
    messages: {
      blank: '「{{enterprise}}」未填写企业资质，不计入',
      unrecognized: '「{{enterprise}}」的资质「{{qualifications}}」不属于创新型中小企业、专精特新、国家小巨人、隐形冠军、单项冠军、独角兽，{{counted}}',
    },
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-8')) {
      for (const row of table.rows) {
        const text = cellText(row.cells.qualification);
        const name = cellText(row.cells.enterprise);
        if (!text) {
          report({ table, row, field: 'qualification' }, 'blank', { enterprise: name });
          continue;
        }
        const { found, unrecognized } = readQualifications(text);
        if (unrecognized.length === 0) continue;
        report(
          { table, row, field: 'qualification' },
          'unrecognized',
          { enterprise: name, qualifications: unrecognized.join('、'), counted: found.length ? '该部分不计入' : '不计入' },
        );
      }
    }
  },
};
export default check;
