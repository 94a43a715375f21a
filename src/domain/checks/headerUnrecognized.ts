import { specOf } from '../tableSpecs';
import type { Check } from './check';

/** A sheet that looks like a table but lacks a needed column is named, so the reviewer can fix its header. */
const check: Check = {
  meta: {
    id: 'header-unrecognized',
    clause: '附件4-2-1 各附表的列名',
    severity: 'warning',
    title: '表头无法识别',
    messages: {
      missingColumns: '工作表「{{sheet}}」第{{row}}行像是{{table}}「{{title}}」的表头，但找不到列：{{missing}}。该表未被审核',
      noHeader: '工作表「{{sheet}}」前15行中没有可识别的附表表头，已跳过',
    },
  },
  run({ submission, report }) {
    for (const u of submission.unrecognized) {
      if (u.empty) continue;
      if (u.nearest) {
        const spec = specOf(u.nearest.kind);
        report(
          { ref: { file: u.file, sheet: u.sheet, row: u.nearest.row, column: 1, cell: `A${u.nearest.row}` } },
          'missingColumns',
          { sheet: u.sheet, row: u.nearest.row, table: spec.name, title: spec.title, missing: u.nearest.missing.join('、') },
        );
      } else {
        report(
          { file: u.file, sheet: u.sheet },
          'noHeader',
          { sheet: u.sheet },
          'info',
        );
      }
    }
  },
};
export default check;
