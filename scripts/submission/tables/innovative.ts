/** 附表4-2-1-8 服务创新型高成长中小企业名单. */
import { Enterprise, QUALIFICATIONS_MESSY, RowModel, TableModel, messyName, seqCells, insertAt } from '../model';
import type { TableContext } from './prepare';

export function buildInnovative(g: TableContext, { outsider }: { outsider: () => Enterprise }) {
  const { root, bjEnts, usedForPlant, messy, o, planted, plantRng, drafts, pickFree } = g;
  // ===========================================================================================
  // 附表4-2-1-8 服务创新型高成长中小企业名单
  // ===========================================================================================
  const innoRng = root.fork('innovative');
  const innoRows: RowModel[] = [];
  {
    const candidates = innoRng.shuffle(bjEnts.filter((e) => !usedForPlant.has(e) && e.profile.sizeClass !== '大型'));
    const qualText = (q: string): string => (messy ? innoRng.pick(QUALIFICATIONS_MESSY[q]) : q);
    let ci = 0;
    while (innoRows.length < o.innovative && ci < candidates.length) {
      const e = candidates[ci++];
      const twice = innoRows.length + 2 <= o.innovative && innoRng.chance(0.22);
      const quals = twice
        ? innoRng.pick([
            ['创新型中小企业', '专精特新'],
            ['专精特新', '国家小巨人'],
            ['国家小巨人', '单项冠军'],
          ])
        : [innoRng.weighted([
            ['创新型中小企业', 10],
            ['专精特新', 8],
            ['国家小巨人', 3],
            ['隐形冠军', 1],
            ['单项冠军', 1],
            ['独角兽', 1],
          ] as const)];
      for (const q of quals) {
        innoRows.push({
          kind: 'data',
          cells: { enterprise: messyName(innoRng, e.name, messy), qualification: qualText(q), service: e.service },
        });
      }
    }
    if (planted) {
      const e = outsider();
      const row: RowModel = {
        kind: 'data',
        cells: { enterprise: e.name, qualification: qualText('专精特新'), service: e.service },
      };
      insertAt(innoRows, plantRng.int(1, Math.max(1, innoRows.length - 1)), row);
      drafts.push({
        check: 'not-in-service-list',
        table: '4-2-1-8',
        row,
        key: 'enterprise',
        related: [],
        extraRow: true,
        description: `"${e.name}" is listed as 专精特新 but is not in 附表4-2-1-2`,
      });
      const listed = new Set(innoRows.map((r) => String(r.cells.enterprise).replace(/[\s\u3000]/g, '')));
      const high = pickFree(bjEnts, (x) => !listed.has(x.name));
      const row2: RowModel = {
        kind: 'data',
        cells: { enterprise: high.name, qualification: '高新技术企业', service: high.service },
      };
      insertAt(innoRows, plantRng.int(1, innoRows.length - 1), row2);
      drafts.push({
        check: 'qualification-unrecognized',
        table: '4-2-1-8',
        row: row2,
        key: 'qualification',
        related: [],
        extraRow: true,
        description: `"${high.name}" with 企业资质 高新技术企业, not one of the qualifications the guide lists`,
      });
    }
  }
  seqCells(innoRows);
  const innoTable: TableModel = {
    id: '4-2-1-8',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'enterprise', header: '企业名称', width: 38 },
      { key: 'qualification', header: '企业资质', width: 24 },
      { key: 'service', header: '提供的服务内容', width: 32 },
    ],
    rows: innoRows,
    titleLines: [],
    stampLine: null,
    unitLine: null,
    note: null,
    amountUnit: null,
  };
  return { innoRows, innoTable };
}
