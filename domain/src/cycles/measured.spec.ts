import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { applyMeasuredInputs, measuredPayFacts, validateMeasuredEntry, type MeasuredEntry } from './measured.js';
import type { StoredRating } from './results.js';

const october = { start: '2025-10-01', end: '2025-10-31' };
const codes = (entry: MeasuredEntry, scheme = seedPrograms.nursing) => validateMeasuredEntry(scheme, entry, october).map((i) => `${i.code}@${i.path.join('.')}`);

describe('validateMeasuredEntry', () => {
  it('survey figures: exactly the formula inputs, whole counts, satisfied <= returned', () => {
    expect(codes({ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '48', returned: '50' } })).toEqual([]);
    expect(codes({ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '51', returned: '50' } })).toEqual(['survey_satisfied_exceeds_returned@values.satisfied']);
    expect(codes({ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '4.5', returned: '50' } })).toEqual(['survey_count@values.satisfied']);
    expect(codes({ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '-1', returned: '50' } })).toEqual(['measured_negative@values.satisfied']);
    expect(codes({ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '1', returned: '2', asked: '3' } })).toEqual(['measured_value_unknown@values.asked']);
    expect(codes({ kind: 'ITEM_VALUES', item: 'nope', values: {} })).toEqual(['unknown_item@item']);
    expect(codes({ kind: 'ITEM_VALUES', item: 'medicalEthics', values: {} })).toEqual(['measured_item_not_formula@item']);
  });

  it('occurrences: a deduction rule of the item, a whole count, a day of the period', () => {
    const hotel = seedPrograms.hotelAudit;
    expect(codes({ kind: 'OCCURRENCE', item: 'dailyConduct', rule: 'complaint', date: '2025-10-10', count: 2 }, hotel)).toEqual([]);
    expect(codes({ kind: 'OCCURRENCE', item: 'dailyConduct', rule: 'complaint', date: '2025-11-01', count: 0 }, hotel)).toEqual(['occurrence_count@count', 'occurrence_outside_period@date']);
    expect(codes({ kind: 'OCCURRENCE', item: 'dailyConduct', rule: 'nope', date: '2025-10-10', count: 1 }, hotel)).toEqual(['deduction_unknown_rule@rule']);
  });

  it('work tickets and pay facts: levels and groups of the scheme\'s output pay, non-negative numbers, known names', () => {
    const ws = seedPrograms.workshop;
    expect(codes({ kind: 'WORK_TICKET', ticket: 'T1', hours: '8', level: 'onTime' }, ws)).toEqual([]);
    expect(codes({ kind: 'WORK_TICKET', ticket: ' ', hours: '-8', level: 'late' }, ws)).toEqual(['ticket_number_required@ticket', 'measured_negative@hours', 'ticket_level_unknown@level']);
    expect(codes({ kind: 'WORK_TICKET', ticket: 'T1', hours: '8', level: 'onTime' })).toEqual(['ticket_no_levels@level']);
    expect(codes({ kind: 'PAY_FACT', values: { groupId: 'welding', manHours: '160' } }, ws)).toEqual([]);
    expect(codes({ kind: 'PAY_FACT', values: { groupId: 'paint', manHours: 'x', bonus: '1' } }, ws)).toEqual(['pay_fact_group_unknown@values.groupId', 'measured_not_a_number@values.manHours', 'pay_fact_unknown@values.bonus']);
  });
});

describe('applyMeasuredInputs', () => {
  const slot = (section: string, role: StoredRating['role'], raterId: string | null, state: StoredRating['state'], items: StoredRating['items'] = {}): StoredRating => ({ slotKey: `${section}/${role}`, section, role, raterId, state, items });

  it('a survey data slot is submitted once its formula item has values; person ratings keep their state', () => {
    const ratings = [slot('headNurse', 'DIRECT_SUPERVISOR', 'hn', 'draft'), slot('satisfaction', 'SURVEY', null, 'pending')];
    expect(applyMeasuredInputs(seedPrograms.nursing, ratings, [])).toEqual(ratings);
    const out = applyMeasuredInputs(seedPrograms.nursing, ratings, [{ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '48', returned: '50' } }]);
    expect(out[1]).toMatchObject({ state: 'submitted', items: { patientSatisfaction: { values: { satisfied: '48', returned: '50' } } } });
    expect(out[0]).toBe(ratings[0]);
  });

  it('occurrences of the day are summed per rule and replace what the rater typed for that item', () => {
    const ratings = [slot('daily', 'DIRECT_SUPERVISOR', 'mgr', 'submitted', { dailyConduct: { occurrences: { complaint: 5 } } })];
    const out = applyMeasuredInputs(seedPrograms.hotelAudit, ratings, [
      { kind: 'OCCURRENCE', item: 'dailyConduct', rule: 'complaint', date: '2025-10-10', count: 1 },
      { kind: 'OCCURRENCE', item: 'dailyConduct', rule: 'complaint', date: '2025-10-10', count: 1 },
    ]);
    expect(out[0]).toMatchObject({ state: 'submitted', items: { dailyConduct: { occurrences: { complaint: 2 } } } });
  });
});

describe('measuredPayFacts', () => {
  it('per-ticket completion when the output pay has levels, else man-hours summed', () => {
    const entries: MeasuredEntry[] = [
      { kind: 'WORK_TICKET', ticket: 'T1', hours: '100', level: 'onTime' },
      { kind: 'WORK_TICKET', ticket: 'T2', hours: '60.5', level: 'overUpTo2h' },
      { kind: 'PAY_FACT', values: { groupId: 'welding' } },
    ];
    expect(measuredPayFacts(seedPrograms.workshop, entries)).toEqual({ groupId: 'welding', tickets: [{ hours: '100', level: 'onTime' }, { hours: '60.5', level: 'overUpTo2h' }] });
    expect(measuredPayFacts(seedPrograms.headquarters, entries)).toEqual({ groupId: 'welding', manHours: '160.5' });
    expect(measuredPayFacts(seedPrograms.headquarters, [{ kind: 'PAY_FACT', values: { base: '3000.00' } }])).toEqual({ base: '3000.00' });
  });
});
