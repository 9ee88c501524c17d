import { describe, expect, it } from 'vitest';
import { capPeriodKey, checkLedgerCaps, priceLedgerEntry, validateLedgerEntry, type LedgerEntryDraft } from './entry.js';
import { seedLedgerRule } from './seed-rules.js';

const calendarMonths = { monthStartDay: 1 };
const workshopMonths = { monthStartDay: 26 };
const draft = (ruleCode: string, over: Partial<LedgerEntryDraft> = {}): LedgerEntryDraft => ({ ruleCode, employeeId: 'e1', occurredOn: '2026-05-12', evidence: 'seen by the shift leader', ...over });
const issues = (r: { ok: boolean; issues?: { code: string; params?: object }[] }) => (r.ok ? [] : (r.issues ?? []));

describe('pricing an entry by its rule', () => {
  it('refuses an amount outside the range, naming the range (hotel overtime +20..+50)', () => {
    const r = priceLedgerEntry(seedLedgerRule('hotel.overtimeDiligence'), draft('hotel.overtimeDiligence', { quantity: '60' }), calendarMonths);
    expect(issues(r)).toEqual([expect.objectContaining({ code: 'ledger_amount_out_of_range', params: { rule: 'hotel.overtimeDiligence', value: '60', min: '20', max: '50' }, path: ['quantity'] })]);
    const ok = priceLedgerEntry(seedLedgerRule('hotel.overtimeDiligence'), draft('hotel.overtimeDiligence', { quantity: '35' }), calendarMonths);
    expect(ok).toEqual({ ok: true, value: { ruleCode: 'hotel.overtimeDiligence', unit: 'points', settlement: 'appraisal', component: 'hotel.overtimeDiligence', quantity: '35.00', count: 1, amount: '35.00', periodKey: '2026-05' } });
  });

  it('reads "more than seven up to forty-two hours" exclusively at 7', () => {
    const rule = seedLedgerRule('ws.obstruction');
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { quantity: '7' }), workshopMonths))[0]).toMatchObject({ code: 'ledger_amount_out_of_range', params: { variant: 'exclusive', min: '7', max: '42' } });
    expect(priceLedgerEntry(rule, draft(rule.code, { quantity: '7.5' }), workshopMonths)).toMatchObject({ ok: true, value: { amount: '-7.50' } });
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { quantity: '42.01' }), workshopMonths))[0]?.code).toBe('ledger_amount_out_of_range');
  });

  it('counts fixed deductions per occurrence, signs punishments negative', () => {
    const rule = seedLedgerRule('hotel.complaint');
    expect(priceLedgerEntry(rule, draft(rule.code, { count: 2 }), calendarMonths)).toMatchObject({ ok: true, value: { quantity: '50.00', count: 2, amount: '-100.00' } });
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { quantity: '40' }), calendarMonths))[0]?.code).toBe('ledger_amount_out_of_range');
    expect(priceLedgerEntry(rule, draft(rule.code, { quantity: '50' }), calendarMonths).ok).toBe(true);
    expect(issues(priceLedgerEntry(seedLedgerRule('ws.obstruction'), draft('ws.obstruction', { quantity: '10', count: 2 }), workshopMonths))[0]?.code).toBe('ledger_count_not_allowed');
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { count: 0 }), calendarMonths))[0]?.code).toBe('ledger_count_invalid');
  });

  it('prices equipment damage at 2-5 times the repair hours, both in range', () => {
    const rule = seedLedgerRule('ws.equipmentDamage');
    expect(priceLedgerEntry(rule, draft(rule.code, { basis: '4', factor: '2.5' }), workshopMonths)).toMatchObject({ ok: true, value: { quantity: '10.00', amount: '-10.00', unit: 'hours' } });
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { basis: '4', factor: '6' }), workshopMonths))[0]).toMatchObject({ code: 'ledger_multiple_out_of_range', params: { variant: 'factor', min: '2', max: '5' } });
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { factor: '3' }), workshopMonths))[0]).toMatchObject({ code: 'ledger_multiple_required', params: { variant: 'basis' } });
  });

  it('files workshop entries in the 26th-25th accounting month', () => {
    const rule = seedLedgerRule('ws.rationalisation');
    expect(priceLedgerEntry(rule, draft(rule.code, { quantity: '200', occurredOn: '2026-04-27' }), workshopMonths)).toMatchObject({ ok: true, value: { periodKey: '2026-05', money: '200.00' } });
    expect(capPeriodKey('2026-12-27', 'year', workshopMonths)).toBe('2027');
  });

  it('converts paid working hours at the rule hour rate; unpaid hours and points carry no money', () => {
    const paid = { ...seedLedgerRule('ws.waste'), settlement: 'payroll' as const, hourRate: '8.05' };
    expect(priceLedgerEntry(paid, draft(paid.code, { quantity: '5' }), workshopMonths)).toMatchObject({ ok: true, value: { amount: '-5.00', money: '-40.25' } });
    expect(priceLedgerEntry(seedLedgerRule('ws.waste'), draft('ws.waste', { quantity: '5' }), workshopMonths)).not.toHaveProperty('value.money');
  });

  it('requires evidence, checks attachments, refuses computed and retired rules', () => {
    const rule = seedLedgerRule('hotel.goodDeed');
    const bad = priceLedgerEntry({ ...rule, active: false }, draft(rule.code, { quantity: '30', evidence: ' ', attachments: [{ name: 'a.jpg', contentType: 'image/jpeg', size: 10, sha256: 'xyz' }] }), calendarMonths);
    expect(issues(bad).map((i) => i.code)).toEqual(['ledger_rule_inactive', 'ledger_evidence_required', 'ledger_attachment_invalid']);
    expect(issues(priceLedgerEntry(seedLedgerRule('cafeteria.performancePay'), draft('cafeteria.performancePay'), calendarMonths))[0]?.code).toBe('ledger_rule_computed');
    expect(issues(priceLedgerEntry(rule, draft(rule.code), calendarMonths))[0]).toMatchObject({ code: 'ledger_amount_required', params: { min: '20', max: '100' } });
    expect(issues(priceLedgerEntry(rule, draft(rule.code, { quantity: '1e3' }), calendarMonths))[0]?.code).toBe('ledger_amount_not_a_number');
  });
});

describe('caps per period', () => {
  it('allows the hotel excellent staff title once a year', () => {
    const rule = seedLedgerRule('hotel.excellentStaff');
    const earlier = [{ occurredOn: '2026-01-10', amount: '60', count: 1 }];
    expect(checkLedgerCaps(rule, { occurredOn: '2026-03-01', amount: '80', count: 1 }, earlier, calendarMonths)).toEqual([
      expect.objectContaining({ code: 'ledger_cap_count_exceeded', params: { rule: rule.code, period: 'year', periodKey: '2026', max: 1, used: 1, requested: 1 } }),
    ]);
    expect(checkLedgerCaps(rule, { occurredOn: '2027-01-02', amount: '80', count: 1 }, earlier, calendarMonths)).toEqual([]);
  });

  it('sums magnitudes against an amount cap in the accounting month', () => {
    const rule = { ...seedLedgerRule('ws.waste'), caps: [{ period: 'month' as const, maxAmount: '10' }] };
    const existing = [
      { occurredOn: '2026-04-26', amount: '-4.00', count: 1 },
      { occurredOn: '2026-04-25', amount: '-7.00', count: 1 }, // the previous accounting month
    ];
    expect(checkLedgerCaps(rule, { occurredOn: '2026-05-20', amount: '-6.00', count: 1 }, existing, workshopMonths)).toEqual([]);
    expect(checkLedgerCaps(rule, { occurredOn: '2026-05-20', amount: '-6.01', count: 1 }, existing, workshopMonths)[0]).toMatchObject({ code: 'ledger_cap_exceeded', params: { periodKey: '2026-05', used: '4.00', requested: '6.01', max: '10' } });
  });

  it('validateLedgerEntry adds the caps and a date after today', () => {
    const rule = seedLedgerRule('hotel.excellentStaff');
    const r = validateLedgerEntry(rule, draft(rule.code, { quantity: '80', occurredOn: '2026-06-01' }), { convention: calendarMonths, today: '2026-05-31', existing: [{ occurredOn: '2026-02-01', amount: '50', count: 1 }] });
    expect(issues(r).map((i) => i.code)).toEqual(['ledger_date_future', 'ledger_cap_count_exceeded']);
  });
});
