/** 附表4-2-1-2 年度服务企业名单. */
import { TableId, corruptCreditCode, SERVICES, NOTES, Region, pickPlace, buildName, Enterprise, RowModel, TableModel, nameVariant, messyName, operatorName, seqCells, insertAt } from '../model';
import type { TableContext } from './prepare';

export function buildServiceList(g: TableContext) {
  const { root, messy, bjEnts, tjEnts, hbEnts, plantRng, planted, year, o } = g;
  // ===========================================================================================
  // 附表4-2-1-2 年度服务企业名单
  // ===========================================================================================
  const listRng = root.fork('service-list');
  const listRow = (e: Enterprise, name = e.name, code: string | null = e.creditCode, province = e.province): RowModel => ({
    kind: 'data',
    cells: { enterprise: name, service: e.service, region: province, creditCode: code },
  });
  const rowOf = new Map<Enterprise, RowModel>();
  const blockOf = (ents: Enterprise[]): RowModel[] =>
    listRng.shuffle(
      ents.map((e) => {
        const row = listRow(e, messyName(listRng, e.name, messy, 0.05));
        rowOf.set(e, row);
        return row;
      }),
    );
  const blocks: Record<Region, RowModel[]> = {
    BJ: blockOf(bjEnts),
    TJ: blockOf(tjEnts),
    HB: blockOf(hbEnts),
    OUT: [],
    UNKNOWN: [],
  };
  /** Whether the enterprise's list row shows its canonical name (so a planted variant differs). */
  const canonical = (e: Enterprise) => rowOf.get(e)?.cells.enterprise === e.name;
  const randomIndexIn = (block: RowModel[]) => plantRng.int(1, Math.max(1, block.length - 1));

  if (planted) {
    const planting: ListPlanting = { g, blocks, rowOf, listRow, canonical, randomIndexIn };
    plantDuplicates(planting);
    plantPlacesAndCodes(planting);
  }
  const listRows: RowModel[] = [...blocks.BJ, ...blocks.TJ, ...blocks.HB, ...blocks.OUT, ...blocks.UNKNOWN];
  const listRegionCounts: Record<string, number> = {
    BJ: blocks.BJ.length,
    TJ: blocks.TJ.length,
    HB: blocks.HB.length,
    OUT: blocks.OUT.length,
    UNKNOWN: blocks.UNKNOWN.length,
  };
  if (planted) {
    // The moved 北京 row counts as 北京.
    listRegionCounts.BJ++;
    listRegionCounts.TJ--;
  }
  const listDataRows = listRows.length;
  if (messy && listRows.length > 6) {
    const idx = Math.floor(blocks.BJ.length / 2);
    insertAt(listRows, idx, { kind: 'blank', cells: {} });
  }
  seqCells(listRows);
  const listTable: TableModel = {
    id: '4-2-1-2',
    columns: messy
      ? [
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'creditCode', header: '统一社会信用代码', width: 22 },
          { key: 'service', header: '服务内容', width: 34 },
          { key: 'region', header: '所属省市', width: 18 },
        ]
      : [
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'service', header: '服务内容', width: 34 },
          { key: 'region', header: '所属省市', width: 12 },
          { key: 'creditCode', header: '统一社会信用代码', width: 22 },
        ],
    rows: listRows,
    titleLines: messy ? ['附表4-2-1-2', `${year}年度服务企业名单`] : [],
    stampLine: messy ? `填报单位（盖章）：${operatorName(o.platformName)}` : null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-2'] ?? null : null,
    amountUnit: null,
  };

  return { listRows, listRegionCounts, listDataRows, listTable };
}

/** What planting problems on the service list needs: the shared context and the list being built. */
interface ListPlanting {
  g: TableContext;
  blocks: Record<Region, RowModel[]>;
  rowOf: Map<Enterprise, RowModel>;
  listRow: (e: Enterprise, name?: string, code?: string | null, province?: string) => RowModel;
  canonical: (e: Enterprise) => boolean;
  randomIndexIn: (block: RowModel[]) => number;
}

/** Planted on the list: the same enterprise twice (name typed differently; the same credit code), and two that may be one (有限公司/有限责任公司; a parent and its branch). */
function plantDuplicates(p: ListPlanting): void {
  const T: TableId = '4-2-1-2';
  const { blocks, rowOf, listRow, canonical, randomIndexIn } = p;
  const { bjEnts, tjEnts, hbEnts, usedForPlant, pickFree, plantRng, drafts, factory } = p.g;
  // duplicate-enterprise (1): the same enterprise again, name typed differently, no credit code.
  {
    // Prefer a name with brackets, typed the second time with ASCII brackets.
    const withParen = bjEnts.some((x) => x.parts.paren && canonical(x) && !usedForPlant.has(x));
    const e = pickFree(bjEnts, (x) => canonical(x) && (!withParen || x.parts.paren !== ''));
    const variant = withParen ? e.name.replace('（', '(').replace('）', ')') : nameVariant(plantRng, e.name);
    const dup = listRow(e, variant, null);
    insertAt(blocks.BJ, randomIndexIn(blocks.BJ), dup);
    drafts.push({
      check: 'duplicate-enterprise',
      table: T,
      row: dup,
      key: 'enterprise',
      related: [{ row: rowOf.get(e)!, key: 'enterprise' }],
      extraRow: true,
      description: `${e.name} listed twice; the second time typed as "${dup.cells.enterprise}" without a credit code`,
    });
  }
  // duplicate-enterprise (2): the same credit code under a differently worded name.
  {
    const e = pickFree(tjEnts.length > 3 ? tjEnts : bjEnts);
    const otherWord = e.parts.industryWord === '信息技术' ? '科技' : '信息技术';
    const renamed = buildName({ ...e.parts, industryWord: otherWord });
    factory.reserve(e.parts.brand + otherWord);
    const dup = listRow(e, renamed, e.creditCode);
    const block = blocks[e.place.region];
    insertAt(block, randomIndexIn(block), dup);
    drafts.push({
      check: 'duplicate-enterprise',
      table: T,
      row: dup,
      key: 'creditCode',
      related: [{ row: rowOf.get(e)!, key: 'creditCode' }],
      extraRow: true,
      description: `credit code ${e.creditCode} appears twice: "${e.name}" and "${renamed}"`,
    });
  }
  /** A second listing of `original`'s firm under a slightly different name, in the Beijing block. */
  const plantTwin = (original: (typeof bjEnts)[number], place: Parameters<typeof factory.make>[0], parts: typeof original.parts, describe: (name: string) => string) => {
    const twin = factory.make(place);
    twin.parts = parts;
    twin.name = buildName(twin.parts);
    twin.service = plantRng.pick(SERVICES);
    const row = listRow(twin);
    insertAt(blocks.BJ, randomIndexIn(blocks.BJ), row);
    drafts.push({
      check: 'possible-duplicate-enterprise',
      table: T,
      row,
      key: 'enterprise',
      related: [{ row: rowOf.get(original)!, key: 'enterprise' }],
      extraRow: true,
      description: describe(twin.name),
    });
  };
  // possible-duplicate-enterprise (1): X有限公司 vs X有限责任公司.
  {
    const e = pickFree(bjEnts, (x) => x.parts.suffix === '有限公司' && canonical(x));
    plantTwin(e, e.place, { ...e.parts, suffix: '有限责任公司' }, (name) => `"${name}" and "${e.name}" differ only in 有限责任公司 / 有限公司 (different credit codes)`);
  }
  // possible-duplicate-enterprise (2): a parent and its 北京分公司.
  {
    const parent = pickFree([...tjEnts, ...hbEnts], canonical);
    plantTwin(parent, pickPlace(plantRng, 'BJ'), { ...parent.parts, branch: '北京分公司' }, (name) => `"${name}" is a branch of "${parent.name}", listed separately`);
  }
}

/** Planted on the list: a 北京 row among the 天津 rows, firms outside 京津冀 or of unknown place, and a wrong credit-code check character. */
function plantPlacesAndCodes(p: ListPlanting): void {
  const T: TableId = '4-2-1-2';
  const { blocks, rowOf, listRow, canonical } = p;
  const { bjEnts, pickFree, plantRng, drafts, factory, messy } = p.g;
  // region-order: a 北京 row among the 天津 rows.
  {
    const e = pickFree(bjEnts, canonical);
    const row = rowOf.get(e)!;
    blocks.BJ.splice(blocks.BJ.indexOf(row), 1);
    insertAt(blocks.TJ, plantRng.int(1, blocks.TJ.length - 1), row);
    drafts.push({
      check: 'region-order',
      table: T,
      row,
      key: 'region',
      related: [],
      extraRow: false,
      description: `北京 enterprise "${e.name}" placed among the 天津 rows`,
    });
  }
  // region-outside: an enterprise in 上海, and one in 辽宁朝阳 (not 北京朝阳区).
  {
    const sh = factory.make({ region: 'OUT', division: '310115', area: '上海' });
    sh.province = messy ? '上海市浦东新区' : '上海市';
    sh.service = plantRng.pick(SERVICES);
    const ln = factory.make({ region: 'OUT', division: '211300', area: '朝阳市' });
    ln.province = '辽宁省朝阳市';
    ln.service = plantRng.pick(SERVICES);
    for (const e of [sh, ln]) {
      const row = listRow(e);
      blocks.OUT.push(row);
      drafts.push({
        check: 'region-outside',
        table: T,
        row,
        key: 'region',
        related: [],
        extraRow: true,
        description: `"${e.name}" is registered outside 京津冀 (${e.province})`,
      });
    }
  }
  // region-unknown: 所属省市 blank / garbage and a name without a place (no credit code either).
  {
    for (const province of ['', 'XX省']) {
      const e = factory.make({ region: 'UNKNOWN', division: '110108', area: '' }, { withoutPlace: true });
      e.province = province;
      e.service = plantRng.pick(SERVICES);
      const row = listRow(e, e.name, null, province);
      if (province === '') row.cells.region = null;
      blocks.UNKNOWN.push(row);
      drafts.push({
        check: 'region-unknown',
        table: T,
        row,
        key: 'region',
        related: [],
        extraRow: true,
        description: `"${e.name}" has ${province ? `所属省市 "${province}"` : 'no 所属省市'} and no place in its name`,
      });
    }
  }
  // credit-code-invalid: one wrong check character.
  {
    const e = pickFree(bjEnts, canonical);
    const row = rowOf.get(e)!;
    row.cells.creditCode = corruptCreditCode(plantRng, e.creditCode);
    drafts.push({
      check: 'credit-code-invalid',
      table: T,
      row,
      key: 'creditCode',
      related: [],
      extraRow: false,
      description: `credit code of "${e.name}" has a wrong check character (should end in ${e.creditCode[17]})`,
    });
  }
}
