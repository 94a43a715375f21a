/**
 * Writing the 合议表 (layout/panelSheet.ts) into the workbook open in Excel, through the same
 * drawing path as the review sheets (drawLayout.ts valueUnits and formatUnits, every sync bounded
 * in bytes by syncBudget.ts). A 合议表 the add-in wrote before (known by the mark in its hidden A1)
 * is replaced; any other sheet of that name keeps it, and the 合议表 takes a free name (合议表 (2)…).
 * The old 合议表 stays, renamed, until the new one is drawn, so a failure loses nothing.
 *
 * Syncs: the worksheets; the A1 of sheets named 合议表…; the new sheet added; then the values and
 * formats in syncs of about {@link SYNC_BYTES}; the old sheet deleted with the last of them.
 */
import { PANEL_MARK } from '../layout/panelSheet';
import { freeSheetNames, renameLayoutSheets } from '../layout/renameSheets';
import type { SheetLayout } from '../layout/types';
import { queueSheetInfo } from './addinState';
import { ALL_FEATURES, formatUnits, valueUnits, type OfficeFeatures } from './drawLayout';
import { defaultRun, type ExcelRun } from './officeWorkbook';
import { fail } from './operationError';
import { commandUnit, syncUnits, type SyncStats } from './syncBudget';

export interface WritePanelResult {
  /** The 合议表's name in the workbook. */
  sheet: string;
  /** An earlier 合议表 of the add-in's was replaced. */
  replaced: boolean;
  syncs: SyncStats;
}

/** Whether a sheet name is the 合议表's or one of its free names (`合议表 (2)`). */
function isPanelName(name: string, base: string): boolean {
  const n = name.toLowerCase();
  const b = base.toLowerCase();
  return n === b || new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`).test(n);
}

/**
 * Write the 合议表 as the first sheet and show it.
 *
 * @throws OfficeOperationError with a Chinese message saying what to do
 */
export async function writePanelSheet(layout: SheetLayout, run: ExcelRun = defaultRun, features: OfficeFeatures = ALL_FEATURES): Promise<WritePanelResult> {
  try {
    return await run(async (context) => {
      const stats: SyncStats = { syncs: 0, retried: 0 };
      const info = queueSheetInfo(context);
      await context.sync();
      stats.syncs++;
      const sheets = info();
      const worksheets = context.workbook.worksheets;
      const candidates = sheets.filter((s) => isPanelName(s.name, layout.name) && !s.protected);
      const marks = candidates.map((s) => {
        const cell = worksheets.getItem(s.id).getRange('A1');
        cell.load('values');
        return cell;
      });
      if (candidates.length > 0) {
        await context.sync();
        stats.syncs++;
      }
      const old = candidates.find((_, i) => (marks[i].values as unknown[][])[0]?.[0] === PANEL_MARK);
      const others = sheets.filter((s) => s.id !== old?.id).map((s) => s.name);
      // The old 合议表 steps aside until the new one is drawn.
      let temp: string | undefined;
      if (old) {
        temp = '审核助手旧合议表';
        for (let n = 2; others.some((o) => o.toLowerCase() === temp!.toLowerCase()); n++) temp = `审核助手旧合议表${n}`;
        worksheets.getItem(old.id).name = temp;
      }
      const [drawn] = renameLayoutSheets([layout], freeSheetNames([layout.name], [...others, ...(temp ? [temp] : [])]));
      const added = worksheets.add(drawn.name);
      added.position = 0;
      added.load('id');
      await context.sync();
      stats.syncs++;
      const id = added.id;
      const units = [...valueUnits(() => id, drawn), ...formatUnits(() => id, drawn, features)];
      units.push(
        commandUnit(3, 0, (batch) => {
          if (old) batch.context.workbook.worksheets.getItem(old.id).delete();
          batch.sheet(id).activate();
        }),
      );
      await syncUnits(context, units, { stats });
      return { sheet: drawn.name, replaced: old !== undefined, syncs: stats };
    });
  } catch (error) {
    throw fail('写入合议表', error, '原有的合议表（如有）仍在工作簿中，可能已改名为“审核助手旧合议表”。请确认工作簿未处于单元格编辑状态，然后重试。');
  }
}
