import type { CellRef } from '../grid';
import { filingPlace, formatFigure as fmt, type Check, type Location } from './check';

/** Declared figures (附件4-2) that contradict one another. */
const check: Check = {
  meta: {
    id: 'declared-inconsistent',
    clause: '附件4-2【一】9–11、【二】13：申报数字之间须一致',
    severity: 'warning',
    title: '申报数字自相矛盾',
    messages: {
      share: '申报的{{year}}年度服务中小企业收入占比 {{share}}% 与 服务中小企业收入 ÷ 营业收入 = {{sme}} ÷ {{revenue}} = {{computed}}% 相差 {{difference}} 个百分点（超过 0.5 个百分点；{{cells}}）',
      beijing: '申报的{{year}}年度北京企业家数 {{beijing}} 多于京津冀企业家数 {{jjj}}：北京企业是京津冀企业的一部分（{{cells}}）',
      qualified: '申报的本科及以上学历和中级及以上职称人员 {{qualified}} 人多于从事中小企业服务人员 {{serving}} 人：前者是后者中的一部分（{{cells}}）',
      serving: '申报的从事中小企业服务人员 {{serving}} 人多于单位从业人数 {{staff}} 人（{{cells}}）',
    },
  },
  run({ submission, report }) {
    const { declared } = submission;
    if (!declared) return;
    const v = (id: string) => declared.values[id]?.value ?? null;
    const at = (...ids: string[]): Location => {
      const ref = ids.map((id) => declared.values[id]?.ref).find((r): r is CellRef => !!r);
      return ref ? { ref } : filingPlace(submission);
    };
    const cells = (...ids: string[]) => ids.map((id) => declared.values[id]?.ref?.cell ?? id).join('、');

    // The form's 二.13(1) is the review year's (2024) operating data, 二.13(2) the year before's (2023).
    for (const [year, prefix] of [
      ['2024', '二.13(1)'],
      ['2023', '二.13(2)'],
    ] as const) {
      const share = v(`${prefix}.占比`);
      const revenue = v(`${prefix}.营业收入`);
      const sme = v(`${prefix}.服务中小企业收入`);
      if (share !== null && revenue !== null && sme !== null && revenue > 0) {
        const computed = (sme / revenue) * 100;
        if (Math.abs(computed - share) > 0.5) {
          report(at(`${prefix}.占比`), 'share', {
            year,
            share: fmt(share),
            sme: fmt(sme),
            revenue: fmt(revenue),
            computed: fmt(computed),
            difference: fmt(Math.abs(computed - share)),
            cells: cells(`${prefix}.占比`, `${prefix}.服务中小企业收入`, `${prefix}.营业收入`),
          });
        }
      }
      const jjj = v(`${prefix}.京津冀`);
      const beijing = v(`${prefix}.北京`);
      if (jjj !== null && beijing !== null && beijing > jjj) {
        report(at(`${prefix}.北京`), 'beijing', { year, beijing: fmt(beijing), jjj: fmt(jjj), cells: cells(`${prefix}.北京`, `${prefix}.京津冀`) });
      }
    }
    const staff = v('一.9');
    const serving = v('一.10');
    const qualified = v('一.11');
    if (qualified !== null && serving !== null && qualified > serving) {
      report(at('一.11'), 'qualified', { qualified: fmt(qualified), serving: fmt(serving), cells: cells('一.11', '一.10') });
    }
    if (serving !== null && staff !== null && serving > staff) {
      report(at('一.10'), 'serving', { serving: fmt(serving), staff: fmt(staff), cells: cells('一.10', '一.9') });
    }
  },
};
export default check;
