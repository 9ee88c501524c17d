import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { scoreAppraisal, scoreAppraisalReference } from '../scoring/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { adjustmentRuleFromLedgerRule, appraisalInputsFromLedger, checkSchemeLedgerLinks, deductionRuleFromLedgerRule, schemeLedgerUses } from './scheme-link.js';
import { seedLedgerRule, seedLedgerRules } from './seed-rules.js';

const clone = (s: SchemeDefinition): SchemeDefinition => JSON.parse(JSON.stringify(s)) as SchemeDefinition;

describe('one catalog, referenced by the schemes', () => {
  it('every seed scheme links its plus/minus, deduction and pay rules to the catalog without drift', () => {
    for (const scheme of Object.values(seedPrograms)) expect(checkSchemeLedgerLinks(scheme, seedLedgerRules, { requireLinks: true }), scheme.code).toEqual([]);
    expect(schemeLedgerUses(seedPrograms.hotelAudit).get('hotel.complaint')).toEqual({ kind: 'deduction', itemId: 'dailyConduct', ruleId: 'complaint' });
    expect(schemeLedgerUses(seedPrograms.hotelAudit).get('hotel.goodDeed')).toEqual({ kind: 'adjustment', ruleId: 'goodDeed' });
    expect(schemeLedgerUses(seedPrograms.cafeteria).get('cafeteria.performancePay')).toEqual({ kind: 'pay', componentId: 'performancePay' });
  });

  it('derives a scheme plus/minus rule from a catalog rule (the link field ledgerRule points back)', () => {
    expect(adjustmentRuleFromLedgerRule(seedLedgerRule('ws.rationalisation'))).toEqual({
      ok: true,
      value: { id: 'rationalisation', name: { en: 'Rationalisation proposal reward', zh: '合理化建议奖励' }, direction: 'bonus', unit: 'money', amount: { kind: 'range', min: '10', max: '500' }, ledgerRule: 'ws.rationalisation' },
    });
    expect(seedPrograms.workshop.adjustments.rules.find((r) => r.id === 'equipmentDamage')?.amount).toEqual({ kind: 'range', min: '1', max: '200' });
    expect(deductionRuleFromLedgerRule(seedLedgerRule('hotel.complaint'))).toMatchObject({ ok: true, value: { id: 'complaint', points: '50', ledgerRule: 'hotel.complaint' } });
    expect(adjustmentRuleFromLedgerRule(seedLedgerRule('cafeteria.performancePay')).ok).toBe(false);
    expect(deductionRuleFromLedgerRule(seedLedgerRule('hotel.goodDeed')).ok).toBe(false);
  });

  it('reports drift, unknown and unlinked rules while a scheme is a draft', () => {
    const s = clone(seedPrograms.workshop);
    const rational = s.adjustments.rules.find((r) => r.id === 'rationalisation');
    if (rational) rational.amount = { kind: 'range', min: '10', max: '600' };
    s.adjustments.rules.push({ id: 'local', name: { en: 'Local', zh: '本地' }, direction: 'bonus', unit: 'points', amount: { kind: 'fixed', value: '1' } });
    s.adjustments.rules.push({ id: 'ghost', name: { en: 'Ghost', zh: '无' }, direction: 'bonus', unit: 'points', amount: { kind: 'fixed', value: '1' }, ledgerRule: 'ws.ghost' });
    const issues = checkSchemeLedgerLinks(s, seedLedgerRules, { requireLinks: true });
    expect(issues.map((i) => [i.code, i.params?.variant ?? i.params?.code ?? i.params?.rule])).toEqual([
      ['ledger_link_drift', 'amount'],
      ['ledger_link_missing', 'local'],
      ['ledger_link_unknown', 'ws.ghost'],
    ]);
    expect(checkSchemeLedgerLinks(s, seedLedgerRules).map((i) => i.code)).toEqual(['ledger_link_drift', 'ledger_link_unknown']);
  });
});

describe('ledger entries as appraisal inputs', () => {
  it('turns approved entries into plus/minus inputs and deduction occurrences, listing what the scheme does not use', () => {
    const hotel = appraisalInputsFromLedger(seedPrograms.hotelAudit, [
      { id: 'e2', ruleCode: 'hotel.complaint', count: 1 },
      { id: 'e1', ruleCode: 'hotel.overtimeDiligence', count: 1, quantity: '30.00' },
      { id: 'e3', ruleCode: 'hotel.complaint', count: 2 },
      { id: 'e4', ruleCode: 'nursing.praise', count: 1 },
    ]);
    expect(hotel.adjustments).toEqual([{ rule: 'overtimeDiligence', count: 1, amount: '30.00' }]);
    expect(hotel.occurrences).toEqual({ dailyConduct: { occurrences: { complaint: 3 } } });
    expect(hotel.unused).toEqual(['e4']);
    expect(hotel.sources).toEqual({ overtimeDiligence: ['e1'], 'dailyConduct.complaint': ['e2', 'e3'] });
    // The hotel day: 100 - 3 x 50 = 0 (floor) + 30 reward points.
    const scored = scoreAppraisal(seedPrograms.hotelAudit, {
      employeeId: 'clerk',
      ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR', items: hotel.occurrences }],
      adjustments: hotel.adjustments,
    });
    expect(scored.ok && scored.value.total).toBe('30');
  });

  it('a team share of workshop penalty hours enters the appraisal as that share and converts to money at 8.05', () => {
    const inputs = appraisalInputsFromLedger(seedPrograms.workshop, [
      { id: 't1', ruleCode: 'ws.hygiene', count: 1, share: '2.34' },
      { id: 'w1', ruleCode: 'ws.workwear', count: 2 },
    ]);
    expect(inputs.adjustments).toEqual([{ rule: 'hygiene', share: '2.34' }, { rule: 'workwear', count: 2 }]);
    const input = {
      employeeId: 'w2',
      ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR' as const, items: Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((id) => [id, { points: '20' }])) }],
      adjustments: inputs.adjustments,
    };
    const fast = scoreAppraisal(seedPrograms.workshop, input);
    const reference = scoreAppraisalReference(seedPrograms.workshop, input);
    expect(fast).toEqual(reference);
    // 2.34 + 2 hours = 4.34 hours x 8.05 = 34.937 -> 34.94
    expect(fast.ok && [fast.value.adjustmentHours, fast.value.adjustmentMoney]).toEqual(['-4.34', '-34.94']);
    const tooBig = scoreAppraisal(seedPrograms.workshop, { ...input, adjustments: [{ rule: 'hygiene', share: '7.5' }] });
    expect(tooBig.ok ? [] : tooBig.issues.map((i) => i.code)).toEqual(['adjustment_out_of_range']);
  });
});
