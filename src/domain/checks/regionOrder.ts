import { regionRank, resolveRegion } from '../region';
import { outOfOrderRows } from '../regionOrder';
import { cellText } from '../submission';
import type { Check } from './check';

const ORDER_NAME = ['北京', '天津', '河北', '其他地区'];

/** 附表4-2-1-2 is sorted 北京 → 天津 → 河北; the fewest rows whose moving restores that order are reported. */
const check: Check = {
  meta: {
    id: 'region-order',
    clause: '附表4-2-1-2 填表说明“按北京、天津、河北的省市顺序排序”',
    severity: 'warning',
    title: '省市排序不符',
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-2')) {
      const rows = table.rows.filter((r) => cellText(r.cells.enterprise));
      const ranks = rows.map((r) => regionRank(resolveRegion(cellText(r.cells.province), cellText(r.cells.enterprise)).region));
      const moved = new Set(outOfOrderRows(ranks));
      for (const i of moved) {
        // Name a row that stays put and that this one wrongly sits after (or before), so the reviewer sees where it belongs.
        let j = i - 1;
        while (j >= 0 && (moved.has(j) || ranks[j] <= ranks[i])) j--;
        let k = i + 1;
        while (j < 0 && k < rows.length && (moved.has(k) || ranks[k] >= ranks[i])) k++;
        const place =
          j >= 0
            ? `排在${ORDER_NAME[ranks[j]]}企业（第${rows[j].row}行）之后`
            : k < rows.length
              ? `排在${ORDER_NAME[ranks[k]]}企业（第${rows[k].row}行）之前`
              : '位置不对';
        report(
          { table, row: rows[i], field: table.columns.province ? 'province' : 'enterprise' },
          `「${cellText(rows[i].cells.enterprise)}」（${ORDER_NAME[ranks[i]]}）${place}，不符合北京→天津→河北的排序要求`,
        );
      }
    }
  },
};
export default check;
