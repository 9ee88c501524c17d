import { describe, expect, it } from 'vitest';
import { checkLedgerCatalog, checkLedgerRule, describeLedgerRange, ledgerRuleBounds, type LedgerRule } from './rule.js';
import { seedLedgerRule, seedLedgerRules } from './seed-rules.js';

const codes = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? [] : (r.issues ?? []).map((i) => i.code));
const base: LedgerRule = seedLedgerRule('hotel.overtimeDiligence');

describe('the ledger rule catalog', () => {
  it('holds the seed programs as valid data: hotel, workshop, nursing, cafeteria, group', () => {
    const checked = checkLedgerCatalog(seedLedgerRules);
    expect(codes(checked)).toEqual([]);
    const by = (program: string) => seedLedgerRules.filter((r) => r.program === program).length;
    expect([by('hotelAudit'), by('workshop'), by('nursing'), by('cafeteria'), by('headquarters')]).toEqual([24, 13, 6, 1, 4]);
  });

  it('states the seed ranges: hotel +20..+50 overtime, +30..+50 proposals, +50..+100 the title; workshop 1..7 hours, more than 7 up to 42, 2-5 x repair hours, 10..500 yuan', () => {
    expect(ledgerRuleBounds(seedLedgerRule('hotel.overtimeDiligence'))).toEqual({ min: '20', max: '50', minExclusive: false });
    expect(ledgerRuleBounds(seedLedgerRule('hotel.proposalAdopted'))).toMatchObject({ min: '30', max: '50' });
    expect(ledgerRuleBounds(seedLedgerRule('hotel.excellentStaff'))).toMatchObject({ min: '50', max: '100' });
    expect(seedLedgerRule('hotel.complaint')).toMatchObject({ kind: 'punishment', unit: 'points', amount: { kind: 'fixed', value: '50' } });
    expect(ledgerRuleBounds(seedLedgerRule('ws.waste'))).toMatchObject({ min: '1', max: '7' });
    expect(describeLedgerRange(seedLedgerRule('ws.obstruction'))).toBe('more than 7 up to 42');
    expect(describeLedgerRange(seedLedgerRule('ws.equipmentDamage'))).toBe('2 to 5 times the repair hours');
    expect(ledgerRuleBounds(seedLedgerRule('ws.equipmentDamage'))).toEqual({ min: '1', max: '200', minExclusive: false });
    expect(seedLedgerRule('ws.rationalisation')).toMatchObject({ unit: 'money', amount: { kind: 'range', min: '10', max: '500' }, accountingMonth: 'workshop' });
    expect(seedLedgerRule('nursing.learning').amount).toEqual({ kind: 'fixed', value: '0.5' });
    expect(seedLedgerRule('cafeteria.performancePay')).toMatchObject({ amount: { kind: 'computed' }, settlement: 'payroll' });
    expect(seedLedgerRule('hotel.goodDeed').regulation?.policyCode).toBe('POL-HOTEL-AUDIT');
  });

  it('refuses rules that make no sense, naming each problem', () => {
    expect(codes(checkLedgerRule({ ...base, amount: { kind: 'range', min: '50', max: '20' } }))).toEqual(['ledger_range_reversed']);
    expect(codes(checkLedgerRule({ ...base, amount: { kind: 'range', min: '7', max: '7', minExclusive: true } }))).toEqual(['ledger_range_reversed']);
    expect(codes(checkLedgerRule({ ...base, amount: { kind: 'fixed', value: '-3' } }))).toEqual(['ledger_amount_negative']);
    expect(codes(checkLedgerRule({ ...base, amount: { kind: 'fixed', value: '0' } }))).toEqual(['ledger_fixed_zero']);
    expect(codes(checkLedgerRule({ ...base, settlement: 'payroll' }))).toEqual(['ledger_points_not_payable']);
    expect(codes(checkLedgerRule({ ...base, unit: 'hours', settlement: 'payroll' }))).toEqual(['ledger_hour_rate_missing']);
    expect(codes(checkLedgerRule({ ...base, hourRate: '8.05' }))).toEqual(['ledger_hour_rate_unit']);
    expect(codes(checkLedgerRule({ ...base, unit: 'points', amount: { kind: 'computed' } }))).toEqual(['ledger_computed_unit']);
    expect(codes(checkLedgerRule({ ...base, caps: [{ period: 'month', maxAmount: '10' }, { period: 'month', maxCount: 2 }, { period: 'year' }] }))).toEqual([
      'ledger_cap_below_minimum',
      'ledger_cap_duplicate',
      'ledger_cap_empty',
    ]);
    expect(codes(checkLedgerRule({ ...base, amount: { kind: 'range', min: '1.234', max: '5' } }))).toEqual(['schema_custom']);
    expect(codes(checkLedgerRule({ ...base, code: 'bad code' }))).toEqual(['schema_invalid_format']);
    expect(codes(checkLedgerCatalog([base, base]))).toEqual(['ledger_duplicate_code']);
  });

  it('accepts an hours rule paid through payroll with its hour rate', () => {
    expect(checkLedgerRule({ ...seedLedgerRule('ws.waste'), settlement: 'payroll', hourRate: '8.05' }).ok).toBe(true);
  });
});
