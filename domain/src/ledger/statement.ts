import type { LedgerUnit } from './rule.js';
import { countsInLedger, type LedgerEntryRecord } from './record.js';
import { fromHundredths, toHundredths } from './quantity.js';

/** Totals of one unit over a statement period. */
export interface StatementTotals {
  unit: LedgerUnit;
  /** Sum of counted entries before the period. */
  opening: string;
  /** Sum of counted entries in the period. */
  movement: string;
  closing: string;
}

/** A person's statement: every counted entry of the period in order, totals per unit, and money, plus what is pending. */
export interface PersonStatement {
  employeeId: string;
  from: string;
  to: string;
  entries: LedgerEntryRecord[];
  totals: StatementTotals[];
  /** Money (yuan) from money entries, paid hours and generated pay: opening, movement, closing. */
  money: Omit<StatementTotals, 'unit'>;
  /** Proposed entries of the period, not yet counted. */
  pending: LedgerEntryRecord[];
}

const UNITS: readonly LedgerUnit[] = ['points', 'hours', 'money'];
const byDateThenId = (a: LedgerEntryRecord, b: LedgerEntryRecord) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A person's statement over accounting months `from`..`to` (YYYY-MM, inclusive): the opening balance of every
 * earlier counted entry, the period's counted entries (approved and paid, reversals included, in date order) and
 * the closing balance, per unit and in money. Proposed entries are listed apart as pending; rejected and withdrawn
 * ones never count. The reference for the SQL statement query (sums by unit with a FILTER per side of `from`).
 * Example: personStatement(entries, 'e1', '2026-05', '2026-05').money -> { opening: '120.00', movement: '-40.25', closing: '79.75' }
 */
export function personStatement(entries: readonly LedgerEntryRecord[], employeeId: string, from: string, to: string): PersonStatement {
  const own = entries.filter((e) => e.employeeId === employeeId);
  const before = own.filter((e) => countsInLedger(e) && e.periodKey < from);
  const within = own.filter((e) => countsInLedger(e) && e.periodKey >= from && e.periodKey <= to).sort(byDateThenId);
  const sum = (list: readonly LedgerEntryRecord[], pick: (e: LedgerEntryRecord) => string | undefined) => list.reduce((s, e) => s + toHundredths(pick(e) ?? '0'), 0n);
  const totals = UNITS.map((unit): StatementTotals => {
    const opening = sum(before.filter((e) => e.unit === unit), (e) => e.amount);
    const movement = sum(within.filter((e) => e.unit === unit), (e) => e.amount);
    return { unit, opening: fromHundredths(opening), movement: fromHundredths(movement), closing: fromHundredths(opening + movement) };
  });
  const mOpen = sum(before, (e) => e.money);
  const mMove = sum(within, (e) => e.money);
  return {
    employeeId,
    from,
    to,
    entries: within,
    totals,
    money: { opening: fromHundredths(mOpen), movement: fromHundredths(mMove), closing: fromHundredths(mOpen + mMove) },
    pending: own.filter((e) => e.status === 'proposed' && e.periodKey >= from && e.periodKey <= to).sort(byDateThenId),
  };
}

/** One row of department totals. */
export interface DepartmentTotal {
  departmentId: string;
  unit: LedgerUnit;
  component: string;
  /** Rewards (positive entries), punishments (negative entries) and the net, in the unit. */
  rewards: string;
  punishments: string;
  net: string;
  money: string;
  entries: number;
  people: number;
}

/**
 * Department totals over accounting months `from`..`to`: per department, unit and component, the rewards, the
 * punishments, the net and the money of counted entries, and how many entries and people. Sorted by department,
 * unit, component. The reference of `GROUP BY department_id, unit, component` with `sum(...) filter (where amount > 0)`.
 * Example: departmentTotals(entries, '2026-05', '2026-05')[0] -> { departmentId: 'ws', unit: 'hours', component: 'ws.hygiene', rewards: '0.00', punishments: '-12.00', net: '-12.00', money: '0.00', entries: 4, people: 3 }
 */
export function departmentTotals(entries: readonly LedgerEntryRecord[], from: string, to: string): DepartmentTotal[] {
  const groups = new Map<string, { d: string; u: LedgerUnit; c: string; plus: bigint; minus: bigint; money: bigint; n: number; people: Set<string> }>();
  for (const e of entries) {
    if (!countsInLedger(e) || e.periodKey < from || e.periodKey > to) continue;
    const key = `${e.departmentId}\u0000${e.unit}\u0000${e.component}`;
    let g = groups.get(key);
    if (!g) {
      g = { d: e.departmentId, u: e.unit, c: e.component, plus: 0n, minus: 0n, money: 0n, n: 0, people: new Set() };
      groups.set(key, g);
    }
    const a = toHundredths(e.amount);
    if (a >= 0n) g.plus += a;
    else g.minus += a;
    g.money += toHundredths(e.money ?? '0');
    g.n += 1;
    g.people.add(e.employeeId);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()]
    .sort((a, b) => cmp(a.d, b.d) || UNITS.indexOf(a.u) - UNITS.indexOf(b.u) || cmp(a.c, b.c))
    .map((g) => ({
      departmentId: g.d,
      unit: g.u,
      component: g.c,
      rewards: fromHundredths(g.plus),
      punishments: fromHundredths(g.minus),
      net: fromHundredths(g.plus + g.minus),
      money: fromHundredths(g.money),
      entries: g.n,
      people: g.people.size,
    }));
}
