import { describe, expect, it } from 'vitest';
import { decideProbation, probationDue, probationPeriod, type ProbationEmployee } from './probation.js';

const person = (employeeId: string, probationEndDate: string | null, over: Partial<ProbationEmployee> = {}): ProbationEmployee => ({
  employeeId,
  employmentStatus: 'PROBATION',
  active: true,
  hireDate: '2026-02-01',
  probationEndDate,
  ...over,
});

describe('probationDue', () => {
  const today = '2026-05-01';
  it('lists probations ending in the next 30 days and overdue ones without a decision, soonest first', () => {
    const due = probationDue(
      [
        person('cook', '2026-05-13'),
        person('late', '2026-04-28'),
        person('later', '2026-06-15'),
        person('decided', '2026-05-10', { review: 'decided' }),
        person('open', '2026-05-31', { review: 'open' }),
        person('regular', null, { employmentStatus: 'REGULAR' }),
        person('moved', '2026-05-20', { employmentStatus: 'REGULAR', hireDate: '2019-03-01', probationStart: '2026-02-20' }),
        person('gone', '2026-05-05', { employmentStatus: 'LEFT', active: false }),
      ],
      today,
    );
    expect(due.map((d) => [d.employeeId, d.daysLeft, d.overdue, d.reviewOpen])).toEqual([
      ['late', -3, true, false],
      ['cook', 12, false, false],
      ['moved', 19, false, false],
      ['open', 30, false, true],
    ]);
    expect(probationDue([person('cook', '2026-05-13')], today, 7)).toEqual([]);
  });

  it('gives the probation cycle its period: hire (or position change) to probation end', () => {
    expect(probationPeriod({ ...person('cook', '2026-05-13'), probationEndDate: '2026-05-13' })).toEqual({ kind: 'probation', start: '2026-02-01', end: '2026-05-13' });
    expect(probationPeriod({ ...person('moved', '2026-05-20', { probationStart: '2026-02-20' }), probationEndDate: '2026-05-20' }).kind === 'probation').toBe(true);
  });
});

describe('decideProbation', () => {
  const cook = person('cook', '2026-05-13');
  it('confirms: REGULAR from the day after the probation ends', () => {
    expect(decideProbation(cook, { kind: 'confirm' }, '', '2026-05-08')).toEqual({ ok: true, value: { outcome: 'confirm', effectiveOn: '2026-05-14', employeeChanges: { employmentStatus: 'REGULAR' } } });
    expect(decideProbation(cook, { kind: 'confirm' }, '', '2026-05-20').ok && (decideProbation(cook, { kind: 'confirm' }, '', '2026-05-20') as { value: { effectiveOn: string } }).value.effectiveOn).toBe('2026-05-20');
    const moved = person('moved', '2026-05-20', { employmentStatus: 'REGULAR', hireDate: '2019-03-01' });
    expect(decideProbation(moved, { kind: 'confirm' }, '', '2026-05-18')).toMatchObject({ ok: true, value: { employeeChanges: {} } });
  });

  it('extends to a later end date within the limit, with a reason', () => {
    expect(decideProbation(cook, { kind: 'extend', newEndDate: '2026-06-30' }, 'hygiene results uneven', '2026-05-08', { maxMonths: 6 })).toEqual({
      ok: true,
      value: { outcome: 'extend', effectiveOn: '2026-05-08', employeeChanges: { probationEndDate: '2026-06-30' }, nextReviewDue: '2026-06-30' },
    });
    const bad = decideProbation(cook, { kind: 'extend', newEndDate: '2026-05-13' }, '', '2026-05-08');
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.params])).toEqual([
      ['probation_reason_required', {}],
      ['probation_extend_not_later', { current: '2026-05-13', proposed: '2026-05-13' }],
    ]);
    const long = decideProbation(cook, { kind: 'extend', newEndDate: '2026-08-01' }, 'x', '2026-05-08', { maxMonths: 6 });
    expect(long.ok ? null : long.issues[0]).toMatchObject({ code: 'probation_too_long', params: { latest: '2026-07-31' } });
  });

  it('terminates within the probation, with a reason: the record becomes LEFT and inactive after the last working day', () => {
    expect(decideProbation(cook, { kind: 'terminate', lastWorkingDay: '2026-05-13' }, 'failed the food safety exam twice', '2026-05-08')).toEqual({
      ok: true,
      value: { outcome: 'terminate', effectiveOn: '2026-05-14', employeeChanges: { employmentStatus: 'LEFT', active: false } },
    });
    const bad = decideProbation(cook, { kind: 'terminate', lastWorkingDay: '2026-05-20' }, 'x', '2026-05-08');
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['probation_terminate_after_end']);
    const past = decideProbation(cook, { kind: 'terminate', lastWorkingDay: '2026-05-01' }, 'x', '2026-05-08');
    expect(past.ok ? [] : past.issues.map((i) => i.code)).toEqual(['probation_terminate_in_past']);
  });

  it('refuses people not on probation', () => {
    const r = decideProbation(person('x', null, { employmentStatus: 'REGULAR' }), { kind: 'confirm' }, '', '2026-05-08');
    expect(r.ok ? null : r.issues[0]?.code).toBe('probation_not_on_probation');
  });
});
