/**
 * What one platform's submission contributes to the checks across platforms of a batch
 * (checks/crossPlatform*.ts, crossCheck.ts): its firms by identity, its orders, activities and
 * staff, each with the cell it came from. Plain data, so a batch worker can post it back to the
 * main thread, which compares every platform's facts without reading any file again.
 */
import { a1 } from './grid';
import { normalizeName } from './enterpriseName';
import type { RecognizedTable, TableRow } from './recognize';
import { checkCreditCode } from './creditCode';
import type { FieldKey, TableKind } from './tableSpecs';
import { cellText, numberOf, type Submission } from './submission';

/** Where an item was read: a table of {@link CrossFacts.tables}, the sheet row, and the cited cell. */
export interface CrossAt {
  table: number;
  row: number;
  /** A1 address of the cell the finding points at (null when the column is absent). */
  cell: string | null;
}

export interface CrossFirm {
  /** {@link normalizeName} of the name as first written. */
  key: string;
  /** 统一社会信用代码 when it has 18 characters after normalisation. */
  code: string | null;
  name: string;
}

export interface CrossOrder {
  at: CrossAt;
  /** Index into {@link CrossFacts.firms}. */
  firm: number;
  /** 合同号/订单号 as written, and its identity key ('' when it cannot identify one). */
  contract: string;
  contractKey: string;
  /** 万元, or null when unreadable. */
  amount: number | null;
  /** `YYYY-MM-DD` when the day is known, else null. */
  date: string | null;
}

export interface CrossActivity {
  at: CrossAt;
  name: string;
  /** {@link textKey} of the name. */
  key: string;
  date: string | null;
  place: string;
  placeKey: string;
}

export interface CrossPerson {
  at: CrossAt;
  name: string;
  key: string;
  /** Digits of the phone when there are at least 7 of them, else ''. */
  phone: string;
  school: string;
  schoolKey: string;
}

export interface CrossFacts {
  tables: { kind: TableKind; file: string; sheet: string }[];
  /** 附表4-2-1-2's distinct enterprises first (indices below {@link listed}), then firms named only by orders. */
  firms: CrossFirm[];
  listed: number;
  orders: CrossOrder[];
  activities: CrossActivity[];
  staff: CrossPerson[];
}

/**
 * Free text as an identity key: width folded, white space and punctuation removed, Latin upper-cased.
 *
 * @example
 * textKey(' 2024 年 “专精特新” 政策宣讲会。') // '2024年专精特新政策宣讲会'
 */
export function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/gu, '')
    .toUpperCase();
}

/**
 * A 合同号/订单号 as an identity key: {@link textKey}; '' for one too short or without a digit to
 * identify anything (`无`, `/`, `见附件`).
 *
 * @example
 * contractKey('ht-2024 001') // 'HT2024001'
 * contractKey('无') // ''
 */
export function contractKey(text: string): string {
  const key = textKey(text);
  return key.length >= 3 && /\d/.test(key) ? key : '';
}

function dayOf(row: TableRow, field: FieldKey): string | null {
  const p = row.cells[field]?.parsed as { state: string; value?: unknown; precision?: string } | undefined;
  if (!p || p.state !== 'ok' || typeof p.value !== 'object' || p.value === null || p.precision === 'month') return null;
  return (p.value as { iso: string }).iso;
}

/** The A1 address of a row's field (its column, whether or not the cell holds anything). */
function cellOf(table: RecognizedTable, row: TableRow, field: FieldKey): string | null {
  const column = table.columns[field]?.column;
  return column === undefined ? null : a1(row.row, column);
}

/**
 * The facts of a submission that the checks across platforms compare.
 *
 * @example
 * const facts = collectCrossFacts(submission); // posted back by the batch worker with the result
 */
export function collectCrossFacts(submission: Submission): CrossFacts {
  const tables: CrossFacts['tables'] = [];
  const tableIndex = new Map<RecognizedTable, number>();
  const at = (table: RecognizedTable, row: TableRow, field: FieldKey): CrossAt => {
    let t = tableIndex.get(table);
    if (t === undefined) {
      t = tables.length;
      tables.push({ kind: table.kind, file: table.file, sheet: table.sheet });
      tableIndex.set(table, t);
    }
    return { table: t, row: row.row, cell: cellOf(table, row, field) };
  };

  const { serviceList } = submission;
  const firms: CrossFirm[] = serviceList.enterprises.map((e) => ({ key: e.key, code: e.creditCode, name: e.name }));
  const listed = firms.length;
  // Firms named by orders but missing from the list (not-in-service-list) still identify an order.
  const unlisted = new Map<string, number>();
  const orders: CrossOrder[] = [];
  for (const table of submission.ofKind('4-2-1-3')) {
    for (const row of table.rows) {
      const name = cellText(row.cells.enterprise);
      if (!name) continue;
      let firm = serviceList.enterpriseOf(row)?.index;
      if (firm === undefined) {
        const key = normalizeName(name);
        firm = unlisted.get(key);
        if (firm === undefined) {
          const raw = cellText(row.cells.creditCode);
          const code = raw ? checkCreditCode(raw).normalized : '';
          firm = firms.length;
          firms.push({ key, code: code.length === 18 ? code : null, name });
          unlisted.set(key, firm);
        }
      }
      const contract = cellText(row.cells.contract);
      const key = contractKey(contract);
      orders.push({
        at: at(table, row, key ? 'contract' : 'amount'),
        firm,
        contract,
        contractKey: key,
        amount: numberOf(row.cells.amount) ?? null,
        date: dayOf(row, 'date'),
      });
    }
  }

  const activities: CrossActivity[] = [];
  for (const table of submission.ofKind('4-2-1-5')) {
    for (const row of table.rows) {
      const name = cellText(row.cells.activity);
      if (!name) continue;
      const place = cellText(row.cells.place);
      activities.push({ at: at(table, row, 'activity'), name, key: textKey(name), date: dayOf(row, 'date'), place, placeKey: textKey(place) });
    }
  }

  const staff: CrossPerson[] = [];
  for (const table of submission.ofKind('4-2-1-1')) {
    for (const row of table.rows) {
      const name = cellText(row.cells.person);
      if (!name) continue;
      const digits = cellText(row.cells.phone).replace(/\D/g, '');
      const school = cellText(row.cells.school);
      staff.push({ at: at(table, row, 'person'), name, key: textKey(name), phone: digits.length >= 7 ? digits : '', school, schoolKey: textKey(school) });
    }
  }
  return { tables, firms, listed, orders, activities, staff };
}
