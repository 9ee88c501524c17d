import type { Checked, DomainIssue } from '../issues.js';
import { splitPool } from '../pay/pool.js';
import { PayError } from '../pay/errors.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { PricedEntry } from './entry.js';
import { fromHundredths, isLedgerQuantity, toHundredths } from './quantity.js';

/** A member of a team incident and how much of it they bear (equal shares when no member has a weight). */
export interface TeamMember {
  employeeId: string;
  /** Relative weight (e.g. the team leader 2, members 1); absent = 1. */
  weight?: string;
}

/** One member's part of a team incident, in the rule's unit and (when the incident has money) in money. */
export interface TeamShare {
  employeeId: string;
  /** Signed share of the incident's amount, 2 places. */
  amount: string;
  /** Signed share of the incident's money, split separately so money also sums exactly. */
  money?: string;
}

/** Most members one team incident may name. */
export const TEAM_MEMBERS_MAX = 200;

function split(totalMagnitude: bigint, members: readonly TeamMember[]): Map<string, bigint> {
  const shares = splitPool(fromHundredths(totalMagnitude), members.map((m) => ({ id: m.employeeId, weight: m.weight ?? '1' })), { places: 2 });
  return new Map(shares.map((s) => [s.id, toHundredths(s.amount)]));
}

/**
 * Splits one team incident (Part 4, Art. 12: joint liability) across its members: each gets the floor of their
 * exact proportion in hundredths, the remaining hundredths go to the largest remainders, ties to the lower
 * employee id, so the shares always sum exactly to the incident (and, separately, its money). The incident is
 * priced once by its rule (range checked for the whole incident); caps then apply to each member's share.
 * Example: splitTeamIncident({ ...priced, amount: '-7.00' }, [{ employeeId: 'a' }, { employeeId: 'b' }, { employeeId: 'c' }]) -> { ok: true, value: [{ employeeId: 'a', amount: '-2.34' }, { employeeId: 'b', amount: '-2.33' }, { employeeId: 'c', amount: '-2.33' }] }
 */
export function splitTeamIncident(priced: Pick<PricedEntry, 'amount' | 'money'>, members: readonly TeamMember[]): Checked<TeamShare[]> {
  const issues: DomainIssue[] = [];
  if (members.length < 2) issues.push(issue('ledger_team_too_small', 'a team incident names at least two members', { count: members.length }, ['members']));
  if (members.length > TEAM_MEMBERS_MAX) issues.push(issue('ledger_team_too_large', `a team incident names at most ${TEAM_MEMBERS_MAX} members`, { count: members.length, max: TEAM_MEMBERS_MAX }, ['members']));
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.employeeId)) issues.push(issue('ledger_team_duplicate', `${m.employeeId} is named twice`, { employeeId: m.employeeId }, ['members', i]));
    seen.add(m.employeeId);
    if (m.weight !== undefined && (!isLedgerQuantity(m.weight) || m.weight.startsWith('-'))) issues.push(issue('ledger_team_weight', `weight "${m.weight}" must be a number of at least 0`, { value: m.weight }, ['members', i, 'weight']));
  });
  if (issues.length) return { ok: false, issues };
  const amount = toHundredths(priced.amount);
  const sign = amount < 0n ? -1n : 1n;
  try {
    const amounts = split(amount * sign, members);
    const money = priced.money === undefined ? undefined : toHundredths(priced.money);
    const moneySign = money !== undefined && money < 0n ? -1n : 1n;
    const moneys = money === undefined ? undefined : split(money * moneySign, members);
    return {
      ok: true,
      value: members.map((m) => {
        const a = (amounts.get(m.employeeId) ?? 0n) * sign;
        const mo = moneys?.get(m.employeeId);
        return { employeeId: m.employeeId, amount: fromHundredths(a), ...(mo === undefined ? {} : { money: fromHundredths(mo * moneySign) }) };
      }),
    };
  } catch (error) {
    if (error instanceof PayError) return { ok: false, issues: [error.issue] };
    throw error;
  }
}
