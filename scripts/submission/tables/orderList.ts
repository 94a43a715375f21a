/** 附表4-2-1-3 年度合同订单列表. */
import { TableId, SIZE_RULES, INDUSTRY_MESSY_LABELS, makeProfile, SERVICES, NOTES, pickPlace, Enterprise, Cell, RowModel, TableModel, utcDate, isoDate, randomDateInYear, round2, dateCell, amountCell, Order, seqCells, insertAt } from '../model';
import type { TableContext } from './prepare';

export function buildOrderList(g: TableContext) {
  const { o, messy, ordRng, orders, factory, plantRng, planted, year } = g;
  // ===========================================================================================
  // 附表4-2-1-3 年度合同订单列表
  // ===========================================================================================
  const unit = o.amountUnit;
  const orderRowOf = new Map<Order, RowModel>();
  const classText = (c: string | null): string | null =>
    c !== null && messy && ordRng.chance(0.15) ? `${c}企业` : c;
  const trioCells = (e: Enterprise): Record<string, Cell> => ({
    industry: messy ? ordRng.pick(INDUSTRY_MESSY_LABELS[e.profile.industry]) : SIZE_RULES[e.profile.industry].label,
    employees: e.profile.employees,
    revenue: e.profile.revenue,
  });
  const orderRowFor = (ord: Order): RowModel => {
    const cells: Record<string, Cell> = {
      enterprise: ord.name,
      service: ord.service,
      sizeClass: classText(ord.sizeClass),
      amount: amountCell(ordRng, ord.wan, unit, messy),
      date: dateCell(ordRng, ord.date, messy),
      contractNo: ord.contractNo,
    };
    if (ord.trio) Object.assign(cells, trioCells(ord.ent));
    return { kind: 'data', cells };
  };
  const orderRows: RowModel[] = orders.map((ord) => {
    const r = orderRowFor(ord);
    orderRowOf.set(ord, r);
    return r;
  });
  const outsiders: Enterprise[] = [];
  /** A fictional 北京 enterprise that is not in the service list. */
  const outsider = (): Enterprise => {
    const e = factory.make(pickPlace(plantRng, 'BJ'));
    e.service = plantRng.pick(SERVICES);
    outsiders.push(e);
    return e;
  };
  if (planted) plantOrderProblems({ g, orderRowOf, trioCells, outsider, orderRowFor, orderRows });
  const orderTotalWan = round2(orders.reduce((s, ord) => s + ord.wan, 0));
  const orderDataRows = orderRows.length;
  if (messy) {
    if (orderRows.length > 8) insertAt(orderRows, ordRng.int(3, orderRows.length - 3), { kind: 'blank', cells: {} });
    const total = unit === '万元' ? orderTotalWan : orders.reduce((s, ord) => s + Math.round(ord.wan * 10000), 0);
    orderRows.push({ kind: 'total', cells: { seq: '合计', amount: { v: total, fmt: unit === '万元' ? '0.00' : '#,##0.00' } } });
  }
  seqCells(orderRows);
  const orderTable: TableModel = {
    id: '4-2-1-3',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'enterprise', header: '服务企业名称', width: 38 },
      { key: 'service', header: '服务主要内容', width: 28 },
      { key: 'sizeClass', header: '企业划型', width: 10 },
      { key: 'amount', header: unit === '元' ? '合同金额（元）' : '合同/订单金额（万元）', width: 16 },
      { key: 'date', header: '合同/订单时间', width: 16 },
      { key: 'contractNo', header: '合同号/订单号/银行回单号等', width: 26 },
      { key: 'industry', header: '所属行业', width: 20 },
      { key: 'employees', header: '从业人员', width: 10 },
      { key: 'revenue', header: '营业收入（万元）', width: 16 },
    ],
    rows: orderRows,
    titleLines: messy ? [`${year}年度合同订单列表`] : [],
    stampLine: null,
    unitLine: messy ? `单位：${unit}` : null,
    note: messy ? NOTES['4-2-1-3'] ?? null : null,
    amountUnit: unit,
  };

  return { outsiders, outsider, orderTotalWan, orderDataRows, orderTable };
}

/** What plantOrderProblems needs: the shared context and the table being built. */
interface PlantOrderProblemsContext {
  g: TableContext;
  orderRowOf: Map<Order, RowModel>;
  trioCells: (e: Enterprise) => Record<string, Cell>;
  outsider: () => Enterprise;
  orderRowFor: (ord: Order) => RowModel;
  orderRows: RowModel[];
}

/** Planted on the order list: size classes blank, invalid, wrong for the trio and in conflict; an order dated out of the year; an order for a firm missing from the service list. */
function plantOrderProblems(p: PlantOrderProblemsContext): void {
  const { orderRowOf, trioCells, outsider, orderRowFor, orderRows } = p;
  const { orders, pickFree, plantRng, drafts, year, messy, root, usedForPlant, contractNo } = p.g;
  const T: TableId = '4-2-1-3';
  const byEnt = new Map<Enterprise, Order[]>();
  for (const ord of orders) byEnt.set(ord.ent, [...(byEnt.get(ord.ent) ?? []), ord]);
  const orderEntList = [...byEnt.keys()];
  const pickOrder = (filter: (e: Enterprise) => boolean = () => true): Order => {
    const e = pickFree(orderEntList, filter);
    return plantRng.pick(byEnt.get(e)!);
  };
  // size-class-invalid: blank in one order, 小微 in another.
  for (const bad of [null, '小微'] as const) {
    const ord = pickOrder((e) => !e.showTrio);
    const row = orderRowOf.get(ord)!;
    row.cells.sizeClass = bad;
    drafts.push({
      check: 'size-class-invalid',
      table: T,
      row,
      key: 'sizeClass',
      related: [],
      extraRow: false,
      description: bad === null ? `企业划型 left blank for "${ord.ent.name}"` : `企业划型 "小微" names no single class ("${ord.ent.name}")`,
    });
  }
  // date-out-of-year: an order dated 2023-12-28.
  {
    const ord = pickOrder();
    const row = orderRowOf.get(ord)!;
    ord.date = utcDate(year - 1, 12, 28);
    row.cells.date = dateCell(plantRng, ord.date, messy);
    drafts.push({
      check: 'date-out-of-year',
      table: T,
      row,
      key: 'date',
      related: [],
      extraRow: false,
      description: `order of "${ord.ent.name}" dated ${isoDate(ord.date)}, before the review year`,
    });
  }
  // size-class-mismatch: 所属行业/从业人员/营业收入 say 中型 but the row declares 微型.
  {
    const ord = pickOrder((e) => !e.showTrio && e.profile.industry !== 'agriculture');
    const e = ord.ent;
    e.profile = makeProfile(plantRng, e.profile.industry, '中型');
    if (e.profile.sizeClass !== '中型') throw new Error(`internal: no 中型 profile for ${e.profile.industry}`);
    for (const other of byEnt.get(e)!) {
      other.sizeClass = '微型';
      orderRowOf.get(other)!.cells.sizeClass = '微型';
    }
    const row = orderRowOf.get(ord)!;
    Object.assign(row.cells, trioCells(e));
    drafts.push({
      check: 'size-class-mismatch',
      table: T,
      row,
      key: 'sizeClass',
      related: [],
      extraRow: false,
      description: `"${e.name}": ${SIZE_RULES[e.profile.industry].label}, ${e.profile.employees}人, 营业收入${e.profile.revenue}万元 make it ${e.profile.sizeClass}, declared 微型`,
    });
  }
  // size-class-conflict: an enterprise with several orders, one of them declaring another class.
  // A fork of its own, so that the problems planted before and after stay as they were.
  {
    const conflictRng = root.fork('plant-size-class-conflict');
    const e = conflictRng.pick(orderEntList.filter((x) => !usedForPlant.has(x) && !x.showTrio && byEnt.get(x)!.length >= 2 && x.profile.sizeClass !== '大型'));
    usedForPlant.add(e);
    const own = byEnt.get(e)!;
    const other = own[own.length - 1];
    other.sizeClass = e.profile.sizeClass === '中型' ? '小型' : '中型';
    orderRowOf.get(other)!.cells.sizeClass = other.sizeClass;
    drafts.push({
      check: 'size-class-conflict',
      table: T,
      row: orderRowOf.get(own[0])!,
      key: 'sizeClass',
      related: own.slice(1).map((o) => ({ row: orderRowOf.get(o)!, key: 'sizeClass' })),
      extraRow: false,
      description: `"${e.name}" declared ${e.profile.sizeClass} on its orders but ${other.sizeClass} on the last one`,
    });
  }
  // not-in-service-list: an order for an enterprise missing from 附表4-2-1-2.
  {
    const e = outsider();
    const ord: Order = {
      ent: e,
      name: e.name,
      service: e.service,
      sizeClass: e.profile.sizeClass,
      wan: round2(plantRng.logUniform(1, 30)),
      date: randomDateInYear(plantRng, year, 30, 330),
      contractNo: contractNo(utcDate(year, 6, 1)),
      trio: false,
    };
    const row = orderRowFor(ord);
    orders.push(ord);
    insertAt(orderRows, plantRng.int(1, orderRows.length - 1), row);
    drafts.push({
      check: 'not-in-service-list',
      table: T,
      row,
      key: 'enterprise',
      related: [],
      extraRow: true,
      description: `order for "${e.name}", which is not in 附表4-2-1-2`,
    });
  }
}
