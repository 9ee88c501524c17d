import { describe, expect, it } from 'vitest';
import type { LedgerEntryRecord } from './record.js';
import { correctionOf, reversalOf, standingEntries } from './reversal.js';
import { departmentTotals, personStatement } from './statement.js';
import { seedLedgerRule } from './seed-rules.js';

let n = 0;
const entry = (over: Partial<LedgerEntryRecord>): LedgerEntryRecord => ({
  id: `e${String(++n).padStart(3, '0')}`,
  employeeId: 'w2',
  departmentId: 'welding',
  ruleCode: 'ws.rationalisation',
  component: 'ws.rationalisation',
  unit: 'money',
  amount: '100.00',
  money: '100.00',
  settlement: 'payroll',
  periodKey: '2026-05',
  occurredOn: '2026-05-10',
  status: 'approved',
  source: { kind: 'manual' },
  ...over,
});

const workshopMonths = { monthStartDay: 26 };

describe('reversals instead of edits', () => {
  const original = entry({ id: 'orig', amount: '-5.00', money: undefined, unit: 'hours', ruleCode: 'ws.waste', component: 'ws.waste', settlement: 'appraisal', status: 'paid' });

  it('a reversal negates the original, points at it and posts in the period of the correction', () => {
    const r = reversalOf(original, { reason: 'recorded for the wrong worker', on: '2026-06-03', convention: workshopMonths, existingReversals: [] });
    expect(r).toMatchObject({ ok: true, value: { amount: '5.00', employeeId: 'w2', ruleCode: 'ws.waste', periodKey: '2026-06', occurredOn: '2026-06-03', source: { kind: 'reversal', reversesId: 'orig' } } });
    expect(r.ok && 'money' in r.value).toBe(false);
  });

  it('refuses to reverse proposals, reversals, an entry twice, or without a reason', () => {
    const codes = (x: ReturnType<typeof reversalOf>) => (x.ok ? [] : x.issues.map((i) => i.code));
    const req = { reason: 'x', on: '2026-06-03', convention: workshopMonths, existingReversals: [] };
    expect(codes(reversalOf({ ...original, status: 'proposed' }, req))).toEqual(['ledger_reverse_not_approved']);
    expect(codes(reversalOf({ ...original, source: { kind: 'reversal', reversesId: 'x' } }, req))).toEqual(['ledger_reverse_reversal']);
    expect(codes(reversalOf(original, { ...req, existingReversals: ['r1'] }))).toEqual(['ledger_already_reversed']);
    expect(codes(reversalOf(original, { ...req, reason: '  ' }))).toEqual(['ledger_reversal_reason']);
  });

  it('a correction is the reversal plus a new entry checked against the rule', () => {
    const rule = seedLedgerRule('ws.waste');
    const req = { reason: '3 hours, not 5', on: '2026-06-03', convention: workshopMonths, existingReversals: [] };
    const ctx = { convention: workshopMonths, today: '2026-06-03', existing: [] };
    const c = correctionOf(original, rule, { ruleCode: rule.code, employeeId: 'w2', occurredOn: '2026-05-10', quantity: '3', evidence: 'waste of welding rods' }, req, ctx);
    expect(c).toMatchObject({ ok: true, value: { reversal: { amount: '5.00' }, replacement: { amount: '-3.00', correctsId: 'orig' } } });
    const bad = correctionOf(original, rule, { ruleCode: rule.code, employeeId: 'w2', occurredOn: '2026-05-10', quantity: '9', evidence: 'x' }, req, ctx);
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['ledger_amount_out_of_range', 'replacement.quantity']]);
  });

  it('standing entries leave out reversed originals and their reversals', () => {
    const rev = entry({ id: 'rev', amount: '5.00', source: { kind: 'reversal', reversesId: 'orig' } });
    const other = entry({ id: 'other' });
    expect(standingEntries([original, rev, other, entry({ id: 'prop', status: 'proposed' })]).map((e) => e.id)).toEqual(['other']);
  });
});

describe('statements and department totals', () => {
  const entries = [
    entry({ id: 'a1', periodKey: '2026-04', occurredOn: '2026-04-10', amount: '120.00', money: '120.00' }),
    entry({ id: 'a2', periodKey: '2026-05', occurredOn: '2026-05-12', unit: 'hours', amount: '-5.00', money: undefined, ruleCode: 'ws.waste', component: 'ws.waste', settlement: 'appraisal' }),
    entry({ id: 'a3', periodKey: '2026-05', occurredOn: '2026-05-02', component: 'adjustmentHours', ruleCode: null, amount: '-40.25', money: '-40.25', source: { kind: 'appraisal', appraisalId: 'ap', resultNumber: 1, cycleId: 'c', component: 'adjustmentHours' } }),
    entry({ id: 'a4', periodKey: '2026-05', status: 'proposed', amount: '300.00', money: '300.00' }),
    entry({ id: 'a5', periodKey: '2026-05', status: 'rejected', amount: '50.00', money: '50.00' }),
    entry({ id: 'a6', periodKey: '2026-06', amount: '10.00', money: '10.00' }),
    entry({ id: 'b1', employeeId: 'w1', periodKey: '2026-05', amount: '-7.00', money: undefined, unit: 'hours', component: 'ws.waste', ruleCode: 'ws.waste', settlement: 'appraisal' }),
    entry({ id: 'c1', employeeId: 'i1', departmentId: 'integrated', periodKey: '2026-05', amount: '200.00', money: '200.00' }),
  ];

  it('opening, the period in date order, closing, per unit and in money; pending apart', () => {
    const s = personStatement(entries, 'w2', '2026-05', '2026-05');
    expect(s.entries.map((e) => e.id)).toEqual(['a3', 'a2']);
    expect(s.totals).toEqual([
      { unit: 'points', opening: '0.00', movement: '0.00', closing: '0.00' },
      { unit: 'hours', opening: '0.00', movement: '-5.00', closing: '-5.00' },
      { unit: 'money', opening: '120.00', movement: '-40.25', closing: '79.75' },
    ]);
    expect(s.money).toEqual({ opening: '120.00', movement: '-40.25', closing: '79.75' });
    expect(s.pending.map((e) => e.id)).toEqual(['a4']);
  });

  it('department totals group rewards, punishments, net, money, entries and people', () => {
    expect(departmentTotals(entries, '2026-05', '2026-05')).toEqual([
      { departmentId: 'integrated', unit: 'money', component: 'ws.rationalisation', rewards: '200.00', punishments: '0.00', net: '200.00', money: '200.00', entries: 1, people: 1 },
      { departmentId: 'welding', unit: 'hours', component: 'ws.waste', rewards: '0.00', punishments: '-12.00', net: '-12.00', money: '0.00', entries: 2, people: 2 },
      { departmentId: 'welding', unit: 'money', component: 'adjustmentHours', rewards: '0.00', punishments: '-40.25', net: '-40.25', money: '-40.25', entries: 1, people: 1 },
    ]);
  });
});
