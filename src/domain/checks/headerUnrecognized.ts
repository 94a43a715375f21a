import { specOf } from '../tableSpecs';
import type { Check } from './check';

/** A sheet that looks like a table but lacks a needed column is named, so the reviewer can fix its header. */
const check: Check = {
  meta: {
    id: 'header-unrecognized',
    clause: '附件4-2-1 各附表的列名',
    severity: 'warning',
    title: '表头无法识别',
  },
  run({ submission, report }) {
    for (const u of submission.unrecognized) {
      if (u.empty) continue;
      if (u.nearest) {
        const spec = specOf(u.nearest.kind);
        report(
          { ref: { file: u.file, sheet: u.sheet, row: u.nearest.row, column: 1, cell: `A${u.nearest.row}` } },
          `工作表「${u.sheet}」第${u.nearest.row}行像是${spec.name}「${spec.title}」的表头，但找不到列：${u.nearest.missing.join('、')}。该表未被审核`,
        );
      } else {
        report(
          { file: u.file, sheet: u.sheet },
          `工作表「${u.sheet}」前15行中没有可识别的附表表头，已跳过`,
          'info',
        );
      }
    }
  },
};
export default check;
