import type { CrossCheck } from './check';
import { linkAcross, othersText } from '../crossIndex';

/**
 * One person in two or more platforms' staff lists (附表4-2-1-1): the same name and phone, or the
 * same name and school. The guide counts a platform's own serving staff, with a year of its 社保.
 */
const check: CrossCheck = {
  meta: {
    id: 'cross-platform-staff',
    clause: '门槛8“从事为中小企业服务的人员”及其材料“社保需提供1-12月的整年的记录”；附表4-2-1-1',
    severity: 'warning',
    title: '多个平台申报同一人员',
    messages: {
      samePhone: '「{{person}}」（联系电话 {{phone}}）也列在{{others}}的附表4-2-1-1 中：姓名和联系电话相同。一人的社保只在一个单位缴纳，请核实其是否为本平台的服务人员',
      sameSchool: '「{{person}}」（{{school}}）也列在{{others}}的附表4-2-1-1 中：姓名和毕业院校及专业相同，可能是同一人。请核对其社保记录是否为本单位缴纳',
    },
  },
  runAcross({ platforms, report, share }) {
    const names = platforms.map((p) => p.name);
    const staff = (p: number) => platforms[p].facts.staff;
    const groups = linkAcross(names, {
      items: staff,
      keys: (s) => {
        const keys: string[] = [];
        if (s.key && s.phone) keys.push(`p\u0000${s.key}\u0000${s.phone}`);
        if (s.key && s.schoolKey) keys.push(`s\u0000${s.key}\u0000${s.schoolKey}`);
        return keys;
      },
    });
    for (const group of groups) {
      const items = group.map((e) => ({ ...e, person: staff(e.platform)[e.index] }));
      const rows = items.map((e) => ({ platform: e.platform, row: e.person.at.row }));
      const samePhone = (e: (typeof items)[number]) => e.person.phone !== '' && items.some((x) => names[x.platform] !== names[e.platform] && x.person.key === e.person.key && x.person.phone === e.person.phone);
      for (const e of items) {
        const others = othersText(names, rows, e.platform);
        const s = e.person;
        if (samePhone(e)) report({ platform: e.platform, at: s.at }, 'samePhone', { person: s.name, phone: s.phone, others });
        else report({ platform: e.platform, at: s.at }, 'sameSchool', { person: s.name, school: s.school, others });
      }
      const first = items[0];
      const byPhone = samePhone(first);
      share({
        what: `「${first.person.name}」${byPhone ? `联系电话 ${first.person.phone}` : first.person.school}`,
        how: byPhone ? '姓名和联系电话相同' : '姓名和毕业院校及专业相同',
        entries: items.map((e) => ({ platform: e.platform, at: e.person.at })),
      });
    }
  },
};
export default check;
