/** 附表4-2-1-5 服务活动台账. */
import { TableId, TABLE_TITLES, OFFLINE_PLACES, NOTES, RowModel, TableModel, DAY_MS, utcDate, isoDate, dateCell, seqCells } from '../model';
import type { TableContext } from './prepare';

interface Activity {
  name: string;
  date: Date;
  online: boolean;
  enterprises: number;
  people: number;
  fee: string | number;
}

export function buildActivities(g: TableContext) {
  const { o, actRng, activityNames, year, messy, planted, drafts } = g;
  // ===========================================================================================
  // 附表4-2-1-5 服务活动台账
  // ===========================================================================================
  const activities: Activity[] = [];
  {
    // Spread over the year, ascending; distinct days.
    const days = new Set<number>();
    while (days.size < Math.min(o.activities, 300)) days.add(actRng.int(8, 355));
    const sorted = [...days].sort((a, b) => a - b);
    for (let i = 0; i < o.activities; i++) {
      const day = sorted[Math.min(i, sorted.length - 1)];
      const online = actRng.chance(0.3);
      const enterprises = online ? actRng.int(35, 180) : actRng.int(18, 90);
      const people = Math.round(enterprises * (online ? 1.4 + actRng.float() * 1.6 : 1.1 + actRng.float() * 0.9));
      activities.push({
        name: activityNames[i],
        date: new Date(Date.UTC(year, 0, 1) + (day - 1) * DAY_MS),
        online,
        enterprises,
        people,
        fee: actRng.weighted<string | number>([
          ['免费', 8],
          ['200元/人', 1],
          [messy ? '0.5万元' : '5000元', 1],
          [messy ? 3000 : '3000元', 1],
        ]),
      });
    }
  }
  const actRowFor = (a: Activity): RowModel => ({
    kind: 'data',
    cells: {
      activity: a.name,
      date: dateCell(actRng, a.date, messy),
      location: a.online ? (messy && actRng.chance(0.3) ? '线上（腾讯会议）' : '线上') : actRng.pick(OFFLINE_PLACES),
      enterprises: a.enterprises,
      people: a.people,
      fee: a.fee,
    },
  });
  const actRows = activities.map(actRowFor);
  if (planted) plantActivityProblems({ g, activities, actRows });
  const actEntTotal = activities.reduce((s, a) => s + a.enterprises, 0);
  const actPeopleTotal = activities.reduce((s, a) => s + a.people, 0);
  const actTotalRow: RowModel = {
    kind: 'total',
    cells: {
      seq: '合计',
      activity: '——',
      date: '——',
      location: '——',
      enterprises: messy ? { v: actEntTotal, formula: 'SUM' } : actEntTotal,
      people: planted ? actPeopleTotal + 10 : messy ? { v: actPeopleTotal, formula: 'SUM' } : actPeopleTotal,
      fee: '——',
    },
  };
  if (planted) {
    drafts.push({
      check: 'total-mismatch',
      table: '4-2-1-5',
      row: actTotalRow,
      key: 'people',
      related: [],
      extraRow: false,
      description: `合计 参与人数 is ${actPeopleTotal + 10}, the rows add up to ${actPeopleTotal}`,
    });
  }
  actRows.push(actTotalRow);
  seqCells(actRows);
  const activityTable: TableModel = {
    id: '4-2-1-5',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'activity', header: '活动名称', width: 34 },
      { key: 'date', header: '时间', width: 16 },
      { key: 'location', header: '地点', width: 36 },
      { key: 'enterprises', header: '参与企业家数', width: 12 },
      { key: 'people', header: '参与人数', width: 10 },
      { key: 'fee', header: '收费情况', width: 12 },
    ],
    rows: actRows,
    titleLines: messy ? [`附表4-2-1-5 ${TABLE_TITLES['4-2-1-5']}`] : [],
    stampLine: null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-5'] ?? null : null,
    amountUnit: null,
  };

  return { activities, actEntTotal, actPeopleTotal, activityTable };
}

/** What plantActivityProblems needs: the shared context and the table being built. */
interface PlantActivityProblemsContext {
  g: TableContext;
  activities: Activity[];
  actRows: RowModel[];
}

/** Planted on the activity ledger: an activity dated next year, two out of date order, one off the category's topic. */
function plantActivityProblems(p: PlantActivityProblemsContext): void {
  const { activities, actRows } = p;
  const { year, plantRng, messy, drafts } = p.g;
  const T: TableId = '4-2-1-5';
  // date-out-of-year: the last activity dated early next year.
  const last = activities[activities.length - 1];
  last.date = utcDate(year + 1, 1, 3);
  actRows[actRows.length - 1].cells.date = dateCell(plantRng, last.date, messy);
  drafts.push({
    check: 'date-out-of-year',
    table: T,
    row: actRows[actRows.length - 1],
    key: 'date',
    related: [],
    extraRow: false,
    description: `activity "${last.name}" dated ${isoDate(last.date)}, after the review year`,
  });
  // activity-order: two neighbours swapped out of date order.
  const i = plantRng.int(1, Math.max(1, activities.length - 3));
  // activity-topic: the first activity (untouched by the other plants) becomes a tax course, big
  // enough for 8.3(2) but not about technical innovation.
  if (i > 0) {
    activities[0].name = '财税实务培训';
    activities[0].people = Math.max(activities[0].people ?? 0, 20);
    activities[0].enterprises = Math.max(activities[0].enterprises ?? 0, 12);
    actRows[0].cells.activity = activities[0].name;
    actRows[0].cells.people = activities[0].people;
    actRows[0].cells.enterprises = activities[0].enterprises;
    drafts.push({
      check: 'activity-topic',
      table: T,
      row: actRows[0],
      key: 'activity',
      related: [],
      extraRow: false,
      description: `"财税实务培训" has 20 people but is not a 技术创新 activity (8.3(2))`,
    });
  }
  [actRows[i], actRows[i + 1]] = [actRows[i + 1], actRows[i]];
  [activities[i], activities[i + 1]] = [activities[i + 1], activities[i]];
  drafts.push({
    check: 'activity-order',
    table: T,
    row: actRows[i],
    key: 'date',
    related: [{ row: actRows[i + 1], key: 'date' }],
    extraRow: false,
    description: `"${activities[i].name}" (${isoDate(activities[i].date)}) comes before "${activities[i + 1].name}" (${isoDate(activities[i + 1].date)})`,
  });
}
