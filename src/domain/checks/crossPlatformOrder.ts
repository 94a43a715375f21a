import { formatFigure, type CrossCheck } from './check';
import { linkAcross, othersText } from '../crossIndex';

/**
 * One contract or order claimed by two or more platforms of a batch: the same 合同号 with the same
 * firm, or the same firm, amount and date. A platform lists the contracts it signed itself.
 */
const check: CrossCheck = {
  meta: {
    id: 'cross-platform-order',
    clause: '附表4-2-1-3 填表说明“本表按合同或订单个数维度填写”（平台签订的合同订单）；门槛9 “全部订单合同列表”；附件4-2-1-9 真实性声明函',
    severity: 'error',
    title: '多个平台申报同一合同订单',
    messages: {
      contract: '「{{enterprise}}」的合同/订单「{{contract}}」也由{{others}}在附表4-2-1-3 中申报：服务企业和合同号都相同。一份合同/订单只能由签订它的平台申报，请核实合同和发票',
      amountDate: '「{{enterprise}}」{{date}} 金额 {{amount}} 万元的订单也由{{others}}在附表4-2-1-3 中申报：服务企业、金额和日期都相同。一份合同/订单只能由签订它的平台申报，请核实合同和发票',
    },
  },
  runAcross({ platforms, firmOf, report, share }) {
    const names = platforms.map((p) => p.name);
    const orders = (p: number) => platforms[p].facts.orders;
    const groups = linkAcross(names, {
      items: orders,
      keys: (o, p) => {
        const firm = firmOf(p, o.firm);
        const keys: string[] = [];
        if (o.contractKey) keys.push(`c\u0000${firm}\u0000${o.contractKey}`);
        // Amounts to the yuan (万元 with four decimals).
        if (o.amount !== null && o.amount > 0 && o.date) keys.push(`a\u0000${firm}\u0000${Math.round(o.amount * 10000)}\u0000${o.date}`);
        return keys;
      },
    });
    for (const group of groups) {
      const items = group.map((e) => ({ ...e, order: orders(e.platform)[e.index] }));
      const firmName = (e: (typeof items)[number]) => platforms[e.platform].facts.firms[e.order.firm].name;
      // By contract when another platform's order of the group has the same 合同号.
      const byContract = (e: (typeof items)[number]) =>
        e.order.contractKey !== '' && items.some((x) => names[x.platform] !== names[e.platform] && x.order.contractKey === e.order.contractKey);
      const rows = items.map((e) => ({ platform: e.platform, row: e.order.at.row }));
      for (const e of items) {
        const others = othersText(names, rows, e.platform);
        if (byContract(e)) {
          report({ platform: e.platform, at: e.order.at }, 'contract', { enterprise: firmName(e), contract: e.order.contract, others });
        } else {
          report({ platform: e.platform, at: e.order.at }, 'amountDate', { enterprise: firmName(e), date: e.order.date ?? '', amount: formatFigure(e.order.amount ?? 0), others });
        }
      }
      const first = items[0];
      const contract = byContract(first);
      share({
        what: contract ? `「${firmName(first)}」合同号「${first.order.contract}」` : `「${firmName(first)}」${first.order.date ?? ''} ${formatFigure(first.order.amount ?? 0)} 万元`,
        how: contract ? '服务企业和合同号相同' : '服务企业、金额和日期相同',
        entries: items.map((e) => ({ platform: e.platform, at: e.order.at })),
      });
    }
  },
};
export default check;
