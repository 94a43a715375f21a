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
    messages: {
      outOfOrder: '「{{enterprise}}」（{{region}}）{{place}}，不符合北京→天津→河北的排序要求',
    },
  },
  run({ submission, report }) {
    for (const table of submission.ofKind('4-2-1-2')) {
      const rows = table.rows.filter((r) => cellText(r.cells.enterprise));
      const ranks = rows.map((r) => regionRank(resolveRegion(cellText(r.cells.province), cellText(r.cells.enterprise)).region));
      const movedList = outOfOrderRows(ranks);
      const moved = new Set(movedList);
      // Name a row that stays put and that this one wrongly sits after (or before), so the reviewer
      // sees where it belongs: the nearest kept row before it of a later region, else the nearest
      // kept row after it of an earlier one. Ranks are 0–3, so one pass each way finds them for
      // every row (a scan per moved row was quadratic on a reversed list).
      const RANKS = ORDER_NAME.length;
      const before = new Array<number>(rows.length);
      const after = new Array<number>(rows.length);
      const lastKept = new Array<number>(RANKS).fill(-1);
      for (let i = 0; i < rows.length; i++) {
        let j = -1;
        for (let r = ranks[i] + 1; r < RANKS; r++) j = Math.max(j, lastKept[r]);
        before[i] = j;
        if (!moved.has(i)) lastKept[ranks[i]] = i;
      }
      const nextKept = new Array<number>(RANKS).fill(rows.length);
      for (let i = rows.length - 1; i >= 0; i--) {
        let k = rows.length;
        for (let r = 0; r < ranks[i]; r++) k = Math.min(k, nextKept[r]);
        after[i] = k;
        if (!moved.has(i)) nextKept[ranks[i]] = i;
      }
      for (const i of movedList) {
        const j = before[i];
        const k = after[i];
        const place =
          j >= 0
            ? `排在${ORDER_NAME[ranks[j]]}企业（第${rows[j].row}行）之后`
            : k < rows.length
              ? `排在${ORDER_NAME[ranks[k]]}企业（第${rows[k].row}行）之前`
              : '位置不对';
        report(
          { table, row: rows[i], field: table.columns.province ? 'province' : 'enterprise' },
          'outOfOrder',
          { enterprise: cellText(rows[i].cells.enterprise), region: ORDER_NAME[ranks[i]], place },
        );
      }
    }
  },
};
export default check;
