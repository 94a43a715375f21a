/**
 * Review sheets under other names: when a sheet that is not the tool's own already holds 评分表 or
 * 问题清单, the review sheets are written under free names instead of touching it. Formulas and
 * links that point at a renamed review sheet follow it.
 */
import { sheetRef } from './text';
import type { LayoutCell, SheetLayout } from './types';

/** Every `'old'!` reference in a formula made to point at the new name. */
function renameInFormula(formula: string, renames: ReadonlyMap<string, string>): string {
  let out = formula;
  for (const [from, to] of renames) out = out.split(sheetRef(from)).join(sheetRef(to));
  return out;
}

/**
 * The layouts with their names changed as `renames` says (old name → new name), and every formula
 * reference and internal link to a renamed sheet changed with them. Layouts not renamed keep their
 * names; nothing else changes.
 *
 * @example
 * renameLayoutSheets(layouts, new Map([['评分细则', '评分细则 (2)']]))
 */
export function renameLayoutSheets(layouts: readonly SheetLayout[], renames: ReadonlyMap<string, string>): SheetLayout[] {
  if (renames.size === 0) return [...layouts];
  return layouts.map((layout) => {
    const cells = layout.cells.map((cell): LayoutCell => {
      let next = cell;
      if (cell.value !== null && typeof cell.value === 'object') {
        const formula = renameInFormula(cell.value.formula, renames);
        if (formula !== cell.value.formula) next = { ...next, value: { ...cell.value, formula } };
      }
      const link = cell.hyperlink;
      if (link && 'sheet' in link && renames.has(link.sheet)) next = { ...next, hyperlink: { ...link, sheet: renames.get(link.sheet) as string } };
      return next;
    });
    return { ...layout, name: renames.get(layout.name) ?? layout.name, cells };
  });
}

/**
 * Free names for the sheets to write: each keeps its name unless a sheet in `taken` (compared as
 * Excel does, without case) holds it, then it becomes `name (2)`, `name (3)`… Returns only the
 * names that change.
 */
export function freeSheetNames(names: readonly string[], taken: readonly string[]): Map<string, string> {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const renames = new Map<string, string>();
  for (const name of names) {
    let free = name;
    for (let n = 2; used.has(free.toLowerCase()); n++) free = `${name} (${n})`;
    used.add(free.toLowerCase());
    if (free !== name) renames.set(name, free);
  }
  return renames;
}
