/** 附表4-2-1-6 服务对象满意度调查表. */
import { TABLE_TITLES, NOTES, Enterprise, RowModel, TableModel, round2, percentCell, messyName, personName, phone, operatorName, seqCells, insertAt } from '../model';
import type { TableContext } from './prepare';

export function buildSurvey(g: TableContext, { outsider }: { outsider: () => Enterprise }) {
  const { root, orderEnts, allEnts, entServices, o, messy, planted, plantRng, drafts } = g;
  // ===========================================================================================
  // 附表4-2-1-6 服务对象满意度调查表
  // ===========================================================================================
  const surRng = root.fork('survey');
  const surveyEnts = [
    ...surRng.shuffle(orderEnts.filter((e) => e.place.region !== 'OUT')),
    ...surRng.shuffle(allEnts.filter((e) => !entServices.has(e))),
  ].slice(0, o.survey);
  const surveyPcts: number[] = [];
  const surveyRowFor = (e: Enterprise): RowModel => {
    const pct = surRng.chance(0.8) ? surRng.int(90, 100) : surRng.chance(0.5) ? surRng.int(85, 89) : surRng.int(180, 199) / 2;
    surveyPcts.push(pct);
    return {
      kind: 'data',
      cells: {
        enterprise: messyName(surRng, e.name, messy),
        service: e.service,
        contact: personName(surRng),
        phone: phone(surRng),
        satisfaction: percentCell(surRng, pct, messy),
      },
    };
  };
  const surveyRows = surveyEnts.map(surveyRowFor);
  if (planted) {
    const e = outsider();
    const row = surveyRowFor(e);
    insertAt(surveyRows, plantRng.int(1, surveyRows.length - 1), row);
    drafts.push({
      check: 'not-in-service-list',
      table: '4-2-1-6',
      row,
      key: 'enterprise',
      related: [],
      extraRow: true,
      description: `survey row for "${e.name}", which is not in 附表4-2-1-2`,
    });
  }
  const surveyAvg = round2(surveyPcts.reduce((s, x) => s + x, 0) / surveyPcts.length);
  const surveyDataRows = surveyRows.length;
  {
    const shown = planted ? round2(surveyAvg + 3) : surveyAvg;
    const avgRow: RowModel = {
      kind: 'average',
      cells: { seq: '平均满意度', satisfaction: messy ? { v: Number((shown / 100).toFixed(4)), fmt: '0.00%' } : shown },
    };
    surveyRows.push(avgRow);
    if (planted) {
      drafts.push({
        check: 'total-mismatch',
        table: '4-2-1-6',
        row: avgRow,
        key: 'satisfaction',
        related: [],
        extraRow: false,
        description: `平均满意度 shows ${shown}%, the rows average ${surveyAvg}%`,
      });
    }
  }
  seqCells(surveyRows);
  const surveyTable: TableModel = {
    id: '4-2-1-6',
    columns: messy
      ? [
          // Columns in another order than the template.
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'contact', header: '联系人', width: 10 },
          { key: 'phone', header: '联系电话', width: 15 },
          { key: 'service', header: '服务内容', width: 30 },
          { key: 'satisfaction', header: '服务满意度（%）', width: 14 },
        ]
      : [
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'service', header: '服务内容', width: 30 },
          { key: 'contact', header: '联系人', width: 10 },
          { key: 'phone', header: '联系电话', width: 15 },
          { key: 'satisfaction', header: '服务满意度（%）', width: 14 },
        ],
    rows: surveyRows,
    titleLines: messy ? [TABLE_TITLES['4-2-1-6']] : [],
    stampLine: messy ? `填报单位（盖章）：${operatorName(o.platformName)}` : null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-6'] ?? null : null,
    amountUnit: null,
  };

  return { surveyAvg, surveyDataRows, surveyTable };
}
