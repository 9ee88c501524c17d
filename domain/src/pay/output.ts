import { dec, type Decimal } from '../decimal.js';
import { PayError } from './errors.js';
import { assertUniqueIds, formatMoney, nonNegative, payDecimal } from './money.js';
import type { PayRounding } from './rule.js';
import { evaluateFormulaExact, plain, validateFormula } from '../formula/index.js';
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
export function outputPay(input: OutputPayInput): OutputPayRow[] {
  return outputPaySplit(input).rows;
}

/** What outputPay splits: the output value, the groups' share percents and each member's hours and completion factor. */
export interface OutputPayInput {
  outputValue: string;
  groups: readonly { id: string; sharePercent: string }[];
  members: readonly { id: string; groupId: string; manHours: string; completionFactor: string }[];
}

/** The output split with its intermediate numbers: each group's amount and total weight (for explanations). */
export interface OutputPaySplit {
  groups: { id: string; sharePercent: string; amount: string; weight: string }[];
  rows: OutputPayRow[];
}

/**
 * outputPay with the group amounts and weights it used, so an explanation can show them.
 * Example: outputPaySplit({ outputValue: '1000', groups: [{ id: 'weld', sharePercent: '100' }], members: [{ id: 'w1', groupId: 'weld', manHours: '10', completionFactor: '0.9' }] }).groups -> [{ id: 'weld', sharePercent: '100', amount: '1000.00', weight: '9' }]
 */
export function outputPaySplit(input: OutputPayInput): OutputPaySplit {
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
  const groups = input.groups.map((g, gi) => {
    const amount = groupAmounts[gi]?.amount ?? '0.00';
    const members = input.members.map((m, i) => ({ m, w: weights[i] ?? dec(0) })).filter((x) => x.m.groupId === g.id);
    if (members.length === 0 && !dec(amount).isZero()) {
      throw new PayError({ path: ['groups', gi], code: 'pay_output_group_empty', message: `group ${g.id} has ${amount} to pay but no members`, params: { groupId: g.id, amount } });
    }
    for (const share of splitPool(amount, members.map((x) => ({ id: x.m.id, weight: x.w.toFixed() })))) byMember.set(share.id, share.amount);
    const weight = members.reduce<Decimal>((sum, x) => sum.plus(x.w), dec(0));
    return { id: g.id, sharePercent: g.sharePercent, amount, weight: weight.toFixed() };
  });
  return { groups, rows: input.members.map((m) => ({ id: m.id, groupId: m.groupId, amount: byMember.get(m.id) ?? '0.00' })) };
}

/** A work ticket: its hours and the completion level the team leader recorded for it. */
export interface PayTicket {
  hours: string;
  level: string;
}

/**
 * A worker's man-hours when completion is judged per work ticket (Part 4, Article 6): the sum over their
 * tickets of hours x the ticket level's percent / 100, exact. An unknown level is a PayError.
 * Example: ticketHours([{ hours: '100', level: 'onTime' }, { hours: '60', level: 'overUpTo2h' }], [{ code: 'onTime', percent: '100' }, { code: 'overUpTo2h', percent: '90' }]) -> { hours: '154', tickets: [...] }
 */
export function ticketHours(
  tickets: readonly PayTicket[],
  levels: readonly { code: string; percent: string }[],
  person = '',
): { hours: string; tickets: { hours: string; level: string; percent: string }[] } {
  const percents = new Map(levels.map((l) => [l.code, l.percent]));
  let total = dec(0);
  const out = tickets.map((t, i) => {
    const percent = percents.get(t.level);
    if (percent === undefined) {
      throw new PayError({ path: ['tickets', i, 'level'], code: 'pay_unknown_level', message: `work ticket ${i + 1} of ${person} has unknown completion level ${t.level}`, params: { person, level: t.level } });
    }
    const hours = nonNegative(t.hours, ['tickets', i, 'hours']);
    total = total.plus(hours.times(dec(percent)).div(100));
    return { hours: hours.toFixed(), level: t.level, percent };
  });
  return { hours: total.toFixed(), tickets: out };
}

/**
 * The period's output value from group-level inputs by the scheme's formula (Part 4, Article 4: month
 * revenue / kilograms produced = value per kilogram, times the kilograms of finished products), rounded as
 * the pay rule rounds money so it can be split exactly. A missing input or a failing formula is a PayError.
 * Example: outputValueOf({ inputs: [{ name: 'revenue' }, { name: 'kg' }, { name: 'finished' }], formula: 'revenue / kg * finished' }, { revenue: '1200000', kg: '60000', finished: '5000' }, { places: 2, mode: 'halfUp' }) -> { value: '100000.00', exact: '100000' }
 */
export function outputValueOf(
  spec: { inputs: readonly { name: string }[]; formula: string },
  inputs: Readonly<Record<string, string>>,
  rounding: PayRounding,
): { value: string; exact: string } {
  for (const input of spec.inputs) {
    if (inputs[input.name] === undefined || inputs[input.name] === '') {
      throw new PayError({ path: ['inputs', input.name], code: 'pay_input_missing', message: `the output value needs ${input.name}`, params: { name: input.name } });
    }
  }
  const parsed = validateFormula(spec.formula, spec.inputs.map((i) => i.name));
  const evaluated = parsed.ok ? evaluateFormulaExact(parsed.value, inputs) : parsed;
  if (!evaluated.ok) {
    const first = evaluated.issues[0];
    const variant = first?.code === 'formula_division_by_zero' ? 'divisionByZero' : first?.code === 'formula_invalid_value' ? 'invalidValue' : 'failed';
    throw new PayError({
      path: ['outputValue'],
      code: 'pay_output_value',
      message: `the output value cannot be computed: ${first?.message ?? 'formula failed'}`,
      params: { variant, ...(typeof first?.params?.name === 'string' ? { name: first.params.name } : {}) },
    });
  }
  if (evaluated.value.lt(0)) {
    throw new PayError({ path: ['outputValue'], code: 'pay_negative_value', message: `output value ${evaluated.value.toFixed()} must not be negative`, params: { value: evaluated.value.toFixed() } });
  }
  return { value: formatMoney(evaluated.value, rounding), exact: plain(evaluated.value) };
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
