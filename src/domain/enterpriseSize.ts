/**
 * The size class each served enterprise is declared on its orders (附表4-2-1-3 企业划型). The guide
 * says 「企业划型填写大型、中型、小型、微型」: an enterprise has one class, so every order of it should
 * say the same.
 */
import type { RecognizedTable, TableRow } from './recognize';
import { declaredSizeClass, type SizeClass } from './sizeClassWord';
import { cellText, type ServiceEnterprise, type Submission } from './submission';

export interface DeclaredSizes {
  enterprise: ServiceEnterprise;
  /** Each class declared, with the order rows that declare it, in reading order. */
  classes: Map<SizeClass, { table: RecognizedTable; row: TableRow }[]>;
}

/** Per submission, its declared sizes: the indicators and size-class-conflict both ask, and its orders never change. */
const computed = new WeakMap<Submission, ReadonlyMap<number, DeclaredSizes>>();

/** Per listed enterprise with at least one order naming a valid class, the classes declared for it. */
export function declaredSizes(submission: Submission): ReadonlyMap<number, DeclaredSizes> {
  let known = computed.get(submission);
  if (!known) computed.set(submission, (known = collectDeclaredSizes(submission)));
  return known;
}

function collectDeclaredSizes(submission: Submission): Map<number, DeclaredSizes> {
  const out = new Map<number, DeclaredSizes>();
  for (const table of submission.ofKind('4-2-1-3')) {
    for (const row of table.rows) {
      const size = declaredSizeClass(cellText(row.cells.sizeClass));
      if (!size) continue;
      const e = submission.serviceList.enterpriseOf(row);
      if (!e) continue;
      let d = out.get(e.index);
      if (!d) out.set(e.index, (d = { enterprise: e, classes: new Map() }));
      const list = d.classes.get(size) ?? [];
      list.push({ table, row });
      d.classes.set(size, list);
    }
  }
  return out;
}

/**
 * Whether a listed enterprise is declared 大型, and so not a 中小企业: every valid class its orders
 * declare is 大型. An enterprise with no order, or a blank or invalid class, is still listed as served
 * and counts; one declared 大型 on some orders and an SME class on others counts too, and
 * size-class-conflict asks the reviewer which it is.
 */
export function isDeclaredLarge(sizes: DeclaredSizes | undefined): boolean {
  return !!sizes && sizes.classes.size === 1 && sizes.classes.has('大型');
}
