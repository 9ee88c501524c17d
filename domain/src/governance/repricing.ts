import type { Checked, DomainIssue } from '../issues.js';
import { Decimal } from '../decimal.js';
import type { GroupPay } from '../cycles/pay.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { PayLine } from '../scoring/index.js';

/** What one member of a pay group is paid now: the sum of their append-only pay lines per component. */
export interface StandingPay {
  employeeId: string;
  components: Readonly<Record<string, string>>;
}

/** One component of one member that an upheld appeal moves. */
export interface PayShareChange {
  component: string;
  from: string;
  to: string;
}

/** A member whose pay the re-pricing changes: the new lines and total, and what moved. */
export interface RepricedMember {
  employeeId: string;
  lines: PayLine[];
  total: string;
  changes: PayShareChange[];
}

/** The outcome of re-pricing a pay group after an upheld appeal. */
export interface GroupRepricing {
  /** Members whose pay changed (the appellant and, under a pool or output split, the colleagues whose share moved). */
  members: RepricedMember[];
  /** Per split component: the amount to split, what the group held before and after (after always equals the amount). */
  pools: Array<{ component: string; amount: string; before: string; after: string }>;
}

const sumBy = (entries: Iterable<[string, string]>): Map<string, Decimal> => {
  const out = new Map<string, Decimal>();
  for (const [component, amount] of entries) out.set(component, (out.get(component) ?? new Decimal(0)).plus(amount));
  return out;
};

/**
 * The pay side of an upheld appeal. A pool (or output value) is split over the whole pay group in proportion to the
 * results, so changing one result moves every share: the group is priced again with the corrected result (`priced`,
 * from priceCalibratedGroup) and every member whose amount of a component differs from what their pay lines hold now
 * (`standing`) is re-issued — the standing amount reversed, the new one issued — so each pool still adds up to the
 * cent. Members whose pay does not move are left alone (individual pay rules move only the appellant). Refuses when a
 * split would not add up to its amount, or when the standing pay and the priced group are not the same people.
 * Example: repriceGroup([{ employeeId: 'a', components: { bonus: '5000.00' } }, { employeeId: 'b', components: { bonus: '5000.00' } }], pricedAfterAppeal)
 *   -> { members: [{ employeeId: 'a', total: '5263.16', ... }, { employeeId: 'b', total: '4736.84', ... }], pools: [{ component: 'bonus', amount: '10000', before: '10000.00', after: '10000.00' }] }
 */
export function repriceGroup(standing: readonly StandingPay[], priced: GroupPay): Checked<GroupRepricing> {
  const issues: DomainIssue[] = [];
  const pricedIds = new Set(Object.keys(priced.totals));
  for (const l of priced.lines) pricedIds.add(l.employeeId);
  const standingIds = new Set(standing.map((s) => s.employeeId));
  for (const id of standingIds) if (!pricedIds.has(id)) issues.push(issue('appeal_pool_member', `${id} is paid from the group but was not priced again`, { employeeId: id }, ['pay']));
  for (const id of pricedIds) if (!standingIds.has(id)) issues.push(issue('appeal_pool_member', `${id} was priced but holds no pay in the group`, { employeeId: id }, ['pay']));

  const members: RepricedMember[] = [];
  for (const s of standing) {
    const lines = priced.lines.filter((l) => l.employeeId === s.employeeId);
    const before = sumBy(Object.entries(s.components));
    const after = sumBy(lines.map((l) => [l.component, l.amount]));
    const changes: PayShareChange[] = [];
    for (const component of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const from = before.get(component) ?? new Decimal(0);
      const to = after.get(component) ?? new Decimal(0);
      if (!from.eq(to)) changes.push({ component, from: from.toFixed(2), to: to.toFixed(2) });
    }
    if (changes.length) members.push({ employeeId: s.employeeId, lines, total: priced.totals[s.employeeId] ?? '0.00', changes });
  }

  const pools = priced.splits.map((split) => {
    const held = (list: Iterable<Decimal>) => [...list].reduce((a, b) => a.plus(b), new Decimal(0));
    const before = held(standing.map((s) => new Decimal(s.components[split.component] ?? '0')));
    const after = held(priced.lines.filter((l) => l.component === split.component).map((l) => new Decimal(l.amount)));
    if (!after.eq(split.amount)) issues.push(issue('pay_split_mismatch', `${split.component}: ${after.toFixed(2)} paid out of ${split.amount}`, { component: split.component, amount: split.amount, paid: after.toFixed(2) }, ['pay']));
    return { component: split.component, amount: split.amount, before: before.toFixed(2), after: after.toFixed(2) };
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { members, pools } };
}
