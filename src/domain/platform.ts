/**
 * Which platform a submission is, and in which category it is reviewed: from the command line,
 * the 附件4-1 roster (by platform name, unit name or folder name), or the 申报数据 sheet. Pure: the CLI,
 * the batch and reviewSubmission (for the pages) share it.
 */
import { LINE_TERMINATOR } from './linearText';
import { declaredCategory as readDeclaredCategory, type DeclaredFigures } from './declared';
import type { SheetGrid } from './grid';
import { findPlatform, isCategory, type RosterEntry } from './roster';

export interface ResolvedPlatform {
  name: string | null;
  unit: string | null;
  district: string | null;
  category: string | null;
  roster?: RosterEntry;
}

/**
 * Resolve the platform. Order: --category; the roster entry named by --platform, the folder's name,
 * or the declared 平台名称/单位名称; the declared 申报服务类别; the default category.
 */
export function resolvePlatform(given: {
  category?: string | null;
  platformName?: string | null;
  folderName?: string | null;
  declared?: DeclaredFigures['texts'];
  defaultCategory?: string | null;
}): ResolvedPlatform {
  const texts = given.declared ?? {};
  const named = given.platformName ? findPlatform(given.platformName) : undefined;
  const roster =
    named ??
    (given.folderName ? findPlatform(given.folderName) : undefined) ??
    (texts['一.2'] ? findPlatform(texts['一.2']) : undefined) ??
    (texts['一.1'] ? findPlatform(texts['一.1']) : undefined);
  const declaredCategory = readDeclaredCategory(texts);
  const category =
    given.category ?? roster?.category ?? (declaredCategory && isCategory(declaredCategory) ? declaredCategory : null) ?? given.defaultCategory ?? null;
  return {
    // The roster's spelling wins when it is the platform the user named.
    name: given.platformName?.trim() ? (named?.platform ?? given.platformName.trim()) : (roster?.platform ?? texts['一.2'] ?? null),
    unit: roster?.unit ?? texts['一.1'] ?? null,
    district: roster?.district ?? texts['一.3'] ?? null,
    category,
    roster,
  };
}

/** 「填报单位（盖章）：」, with the white space around its parts, up to the unit's name. */
const FILING_UNIT_LABEL = /^\s*填报单位\s*(?:[（(]\s*盖章\s*[）)]\s*)?[:：]\s*/;

/**
 * The unit a 「填报单位（盖章）：北京星河企业服务有限公司」 line names, trimmed, or null: exactly the
 * group `/^\s*填报单位\s*(?:[（(]\s*盖章\s*[）)])?\s*[:：]\s*(\S.*?)\s*$/` captures. That pattern
 * is quadratic on a long run of white space inside the line (its `\s*$` retried from each character,
 * and its two `\s*` around the optional 盖章 trading the run between them); here the label is matched
 * alone and the name is the rest up to its trailing white space (`trimEnd` takes what `\s` matches).
 * (Exported for the test that checks it against that pattern.)
 */
export function filingUnitName(line: string): string | null {
  const label = FILING_UNIT_LABEL.exec(line);
  if (!label) return null;
  const name = line.slice(label[0].length).trimEnd();
  // `.*?` stops at a line break, so a name running over two lines is no match.
  return name === '' || LINE_TERMINATOR.test(name) ? null : name;
}

/**
 * The unit named on a 「填报单位：」 line in the first rows of any submitted sheet, when filled in:
 * the title's fallback when neither the roster nor the 申报数据 sheet names the platform.
 *
 * @example
 * fillingUnitOf([{ file: 'a.xlsx', sheet: 'S', firstRow: 1, firstColumn: 1, values: [['填报单位（盖章）：北京某公司']] }]) // '北京某公司'
 */
export function fillingUnitOf(grids: readonly SheetGrid[]): string | null {
  for (const g of grids) {
    for (let r = 0; r < Math.min(g.values.length, 10 - (g.firstRow - 1)); r++) {
      for (const v of g.values[r] ?? []) {
        if (typeof v !== 'string') continue;
        const name = filingUnitName(v.normalize('NFC'));
        if (name !== null && !/^[_＿\s]*$/.test(name)) return name;
      }
    }
  }
  return null;
}
