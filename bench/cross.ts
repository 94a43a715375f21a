/**
 * `npm run bench -- --cross`: the checks across platforms alone, at the largest batch the guide
 * implies: 175 platforms × 20,000 firms (drawn from a pool of 600,000, so firms are shared), each
 * with 20,000 orders, 200 activities and 60 staff, and a few items planted shared. Prints the time
 * of `crossCheck` (index and compare; findings and 交叉核查 rows made) and the heap it used.
 * Target: well under the batch's own time (seconds, not minutes).
 */
import { crossCheck } from '../src/domain/crossCheck';
import type { CrossFacts } from '../src/domain/crossFacts';
import { contractKey, textKey } from '../src/domain/crossFacts';

const PLATFORMS = Number(process.env.BENCH_PLATFORMS ?? 175);
const FIRMS = Number(process.env.BENCH_FIRMS ?? 20000);
const POOL = 600_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['专精特新政策宣讲会', '数字化转型沙龙', '知识产权培训', '银企对接会', '财税实务培训', '人才招聘会'];
const PLACES = ['海淀', '朝阳', '丰台', '西城', '东城', '通州', '昌平', '大兴', '顺义', '亦庄'];
const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + (n % 366))).toISOString().slice(0, 10);

function platform(p: number): CrossFacts {
  const r = rng(p + 1);
  const chosen = new Set<number>();
  while (chosen.size < FIRMS) chosen.add(Math.floor(r() * POOL));
  const firms = [...chosen].map((n) => ({ key: `北京第${n}号科技有限公司`, code: null, name: `北京第${n}号科技有限公司` }));
  const orders = Array.from({ length: FIRMS }, (_, i) => {
    const contract = `P${p}-HT-${i}`;
    return { at: { table: 1, row: i + 2, cell: `G${i + 2}` }, firm: i, contract, contractKey: contractKey(contract), amount: Math.round(r() * 1e6) / 100, date: day(Math.floor(r() * 366)) };
  });
  // Activities on random days, a third of them online (线上 is the place most shared), named apart.
  const activities = Array.from({ length: 200 }, (_, i) => {
    const name = `${TOPICS[Math.floor(r() * TOPICS.length)]}（平台P${p}场次N${i}）`;
    const place = r() < 0.33 ? '线上' : `${PLACES[Math.floor(r() * PLACES.length)]}会议室`;
    return { at: { table: 2, row: i + 2, cell: `B${i + 2}` }, name, key: textKey(name), date: day(Math.floor(r() * 366)), place, placeKey: textKey(place) };
  });
  const staff = Array.from({ length: 60 }, (_, i) => ({ at: { table: 3, row: i + 5, cell: `B${i + 5}` }, name: `员工P${p}N${i}`, key: textKey(`员工P${p}N${i}`), phone: `139${String(p * 100 + i).padStart(8, '0')}`, school: '某大学', schoolKey: textKey('某大学') }));
  // Planted: platform p shares its first order with p+1, an activity and a person with p+2.
  if (p % 10 === 1) {
    orders[0] = { ...orders[0], contract: 'SHARED-1', contractKey: contractKey('SHARED-1') };
    firms[0] = { key: '北京共有企业有限公司', code: null, name: '北京共有企业有限公司' };
    activities[0] = { ...activities[0], name: '共同举办的政策宣讲会', key: textKey('共同举办的政策宣讲会') };
    staff[0] = { ...staff[0], name: '张明远', key: textKey('张明远'), phone: '13800001111' };
  }
  const tables = [
    { kind: '4-2-1-2' as const, file: '名单.xlsx', sheet: '名单' },
    { kind: '4-2-1-3' as const, file: '订单.xlsx', sheet: '订单' },
    { kind: '4-2-1-5' as const, file: '附表.xlsx', sheet: '活动' },
    { kind: '4-2-1-1' as const, file: '附表.xlsx', sheet: '人员' },
  ];
  return { tables, firms, listed: firms.length, orders, activities, staff };
}

function main(): void {
  const t0 = Date.now();
  const platforms = Array.from({ length: PLATFORMS }, (_, p) => ({ name: `平台${p}`, facts: platform(p) }));
  console.log(`生成数据：${PLATFORMS} 个平台 × ${FIRMS.toLocaleString('en')} 家企业、${FIRMS.toLocaleString('en')} 笔订单，用时 ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t1 = Date.now();
  const result = crossCheck(platforms);
  const seconds = (Date.now() - t1) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
  const by = (id: string) => result.shared.filter((s) => s.check === id).length;
  console.log(`交叉核查：${seconds.toFixed(1)} s；共有合同订单 ${by('cross-platform-order')} 项、活动 ${by('cross-platform-activity')} 项、人员 ${by('cross-platform-staff')} 项；${result.firms.firms.toLocaleString('en')} 家企业中由两个及以上平台服务 ${result.firms.distribution.slice(1).reduce((n, d) => n + d.firms, 0).toLocaleString('en')} 家；堆增加约 ${heapMb.toFixed(0)} MB`);
  console.log(seconds <= 30 ? '达到目标（30 s 内，远低于批量审核本身的用时）' : '未达到目标（30 s 内）');
}

main();
