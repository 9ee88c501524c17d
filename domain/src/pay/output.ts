import { dec, type Decimal } from '../decimal.js';
import { PayError } from './errors.js';
import { assertUniqueIds, nonNegative, payDecimal } from './money.js';
import { splitPool } from './pool.js';

/** One worker's share of the workshop output value. */
export interface OutputPayRow {
  id: string;
  groupId: string;
  amount: string;
}

/**
 * Workshop output pay (Part 4, Article 4): the month's output value is first split between groups by
 * their share percent (welding 55 / integrated 45, which must sum to 100), then each group's amount is
 * split among its members by man-hours x completion factor. Both levels use splitPool, so every group
 * sums exactly to its share and all groups to the output value. A group with money but no members is
 * an error; a group whose members all have zero weight splits equally.
 * Example: outputPay({ outputValue: '1000', groups: [{ id: 'weld', sharePercent: '55' }, { id: 'int', sharePercent: '45' }], members: [{ id: 'w1', groupId: 'weld', manHours: '10', completionFactor: '1' }, { id: 'i1', groupId: 'int', manHours: '8', completionFactor: '0.9' }] }) -> w1 550.00, i1 450.00
 */
export function outputPay(input: {
  outputValue: string;
  groups: readonly { id: string; sharePercent: string }[];
  members: readonly { id: string; groupId: string; manHours: string; completionFactor: string }[];
}): OutputPayRow[] {
  assertUniqueIds(input.groups.map((g) => g.id), 'groups');
  assertUniqueIds(input.members.map((m) => m.id), 'members');
  const shareSum = input.groups.reduce<Decimal>((s, g, i) => s.plus(nonNegative(g.sharePercent, ['groups', i, 'sharePercent'])), dec(0));
  if (!shareSum.eq(100)) {
    throw new PayError({
      path: ['groups'],
      code: 'pay_output_shares_sum',
      message: `group share percents sum to ${shareSum.toFixed()}, not 100`,
      params: { actual: shareSum.toFixed(), expected: 100 },
    });
  }
  payDecimal(input.outputValue, ['outputValue']);

  const groupIds = new Set(input.groups.map((g) => g.id));
  const weights = input.members.map((m, i) => {
    if (!groupIds.has(m.groupId)) {
      throw new PayError({ path: ['members', i, 'groupId'], code: 'pay_output_unknown_group', message: `member ${m.id} is in unknown group ${m.groupId}`, params: { id: m.id, groupId: m.groupId } });
    }
    const hours = nonNegative(m.manHours, ['members', i, 'manHours'], 'pay_negative_weight');
    const factor = nonNegative(m.completionFactor, ['members', i, 'completionFactor'], 'pay_negative_weight');
    return hours.times(factor);
  });

  const groupAmounts = splitPool(
    input.outputValue,
    input.groups.map((g) => ({ id: g.id, weight: g.sharePercent })),
  );
  const byMember = new Map<string, string>();
  input.groups.forEach((g, gi) => {
    const amount = groupAmounts[gi]?.amount ?? '0.00';
    const members = input.members.map((m, i) => ({ m, w: weights[i] ?? dec(0) })).filter((x) => x.m.groupId === g.id);
    if (members.length === 0 && !dec(amount).isZero()) {
      throw new PayError({ path: ['groups', gi], code: 'pay_output_group_empty', message: `group ${g.id} has ${amount} to pay but no members`, params: { groupId: g.id, amount } });
    }
    for (const share of splitPool(amount, members.map((x) => ({ id: x.m.id, weight: x.w.toFixed() })))) byMember.set(share.id, share.amount);
  });
  return input.members.map((m) => ({ id: m.id, groupId: m.groupId, amount: byMember.get(m.id) ?? '0.00' }));
}

/**
 * The workshop's completion factor for a work ticket (Part 4, Article 6): done in time 100 %, over by
 * at most two hours 90 %, over by more 80 % (the seed skips 2-4 hours; we read "more than two" as 80 %),
 * delivery affected 50 %. Returned as a decimal string for outputPay.
 * Example: completionFactorFor({ overrunHours: '3', affectsDelivery: false }) -> '0.8'
 */
export function completionFactorFor(input: { overrunHours: string; affectsDelivery: boolean }): string {
  if (input.affectsDelivery) return '0.5';
  const over = payDecimal(input.overrunHours, ['overrunHours']);
  if (over.lte(0)) return '1';
  if (over.lte(2)) return '0.9';
  return '0.8';
}
