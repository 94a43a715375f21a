import type { CrossCheck } from './check';
import { linkAcross, nearIdentical, othersText } from '../crossIndex';

/** A name's core for likeness: without a year (2024年) or an issue number (第三期), which ledgers add or drop. */
function core(key: string): string {
  return key.replace(/(19|20)\d\d年?(度)?/g, '').replace(/第[\d一二三四五六七八九十百]+[期届次场季]/g, '');
}

/**
 * One activity in two or more platforms' ledgers: the same name and date, or the same date and
 * place under near-identical names. Platforms may co-host, so the reviewer checks who held it.
 */
const check: CrossCheck = {
  meta: {
    id: 'cross-platform-activity',
    clause: '附表4-2-1-5 服务活动台账（本平台开展的活动，须有通知、签到表等证明材料）；门槛4、指标8 的活动次数',
    severity: 'warning',
    title: '多个平台申报同一活动',
    messages: {
      sameName: '活动「{{activity}}」（{{date}}）也出现在{{others}}的服务活动台账中：名称和日期相同。如为共同举办，请核实本平台的通知、签到表等主办证明；否则不应计入本平台的活动次数',
      samePlace: '活动「{{activity}}」（{{date}}，{{place}}）与{{others}}同日同地的活动名称几乎相同（{{otherName}}）。如为同一活动，请核实本平台的通知、签到表等主办证明；否则不应计入本平台的活动次数',
    },
  },
  runAcross({ platforms, report, share }) {
    const names = platforms.map((p) => p.name);
    const activities = (p: number) => platforms[p].facts.activities;
    const groups = linkAcross(
      names,
      {
        items: activities,
        keys: (a) => (a.key && a.date ? [`${a.key}\u0000${a.date}`] : []),
        bucket: (a) => (a.date && a.placeKey && a.key ? `${a.date}\u0000${a.placeKey}` : null),
        similar: (a, b) => nearIdentical(core(a.key), core(b.key)),
      },
      (a) => a.key,
    );
    for (const group of groups) {
      const items = group.map((e) => ({ ...e, activity: activities(e.platform)[e.index] }));
      const rows = items.map((e) => ({ platform: e.platform, row: e.activity.at.row }));
      const sameName = (e: (typeof items)[number]) => items.some((x) => names[x.platform] !== names[e.platform] && x.activity.key === e.activity.key);
      for (const e of items) {
        const others = othersText(names, rows, e.platform);
        const a = e.activity;
        if (sameName(e)) {
          report({ platform: e.platform, at: a.at }, 'sameName', { activity: a.name, date: a.date ?? '', others });
        } else {
          const other = items.find((x) => names[x.platform] !== names[e.platform])!;
          report({ platform: e.platform, at: a.at }, 'samePlace', { activity: a.name, date: a.date ?? '', place: a.place, others, otherName: `「${other.activity.name}」` });
        }
      }
      const first = items[0];
      share({
        what: `活动「${first.activity.name}」${first.activity.date ?? ''}${first.activity.place ? ` ${first.activity.place}` : ''}`,
        how: sameName(first) ? '名称和日期相同' : '日期、地点相同，名称几乎相同',
        entries: items.map((e) => ({ platform: e.platform, at: e.activity.at })),
      });
    }
  },
};
export default check;
