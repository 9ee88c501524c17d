import { describe, expect, it } from 'vitest';
import { cn2025, cn2026, cnYears } from '../calendar/__fixtures__/cn-years.js';
import { buildWorkCalendar } from '../calendar/definition.js';
import { seedPrograms } from '../programs/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { cyclePeriodKey, workingDayPeriods, type CyclePeriod } from './period.js';
import { computePhaseSchedule, defaultSchedulePeriod, type CycleSchedule, type PhaseOverride } from './schedule.js';
import { acknowledgementDue, checkActionWindow, checkReopening, type ActionWindowInput } from './windows.js';

function schedule(scheme: SchemeDefinition, period: CyclePeriod, overrides?: PhaseOverride[]): CycleSchedule {
  const r = computePhaseSchedule({ scheme, period, calendar: cnYears, ...(overrides ? { overrides } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const issueOf = (scheme: SchemeDefinition, period: CyclePeriod, calendar = cnYears) => {
  const r = computePhaseSchedule({ scheme, period, calendar });
  return r.ok ? null : r.issues[0];
};
const dates = (s: CycleSchedule) => s.phases.map((p) => [p.phase, p.opens, p.closes]);

describe('phase schedule: Part 5 (group headquarters), Article 3', () => {
  it('quarter Q3 2026: the 25th of September to the 5th of October, postponed past National Day to October 8', () => {
    const s = schedule(seedPrograms.headquarters, { kind: 'quarter', key: '2026-Q3' });
    expect(s.phases[1]).toEqual({ phase: 'rating', opens: '2026-09-25', closes: '2026-10-08', nominalCloses: '2026-10-05', postponed: true, overridden: false });
    // Calibration: 1..3 working days after Oct 8 = Fri 9, make-up Sat 10, Mon 12; HR review Tue 13 .. Wed 14.
    expect(dates(s)).toEqual([
      ['selfReview', '2026-09-25', '2026-10-08'],
      ['rating', '2026-09-25', '2026-10-08'],
      ['calibration', '2026-10-09', '2026-10-12'],
      ['hrReview', '2026-10-13', '2026-10-14'],
    ]);
    expect(s.acknowledgementWorkingDays).toBe(5);
    expect(s.source).toBe('scheme');
  });

  it('monthly May 2026: May 25 to June 5 (a Friday, no postponement)', () => {
    const s = schedule(seedPrograms.headquarters, { kind: 'month', key: '2026-05' });
    expect(s.phases[1]).toMatchObject({ opens: '2026-05-25', closes: '2026-06-05', postponed: false });
    expect(s.span).toEqual({ start: '2026-05-01', end: '2026-05-31' });
  });

  it('refuses a monthly cycle for March: quarter months are appraised by the quarterly cycle', () => {
    expect(issueOf(seedPrograms.headquarters, { kind: 'month', key: '2026-03' })).toMatchObject({
      code: 'cycle_period_not_scheduled',
      params: { kind: 'month', month: 3, months: '1, 2, 4, 5, 7, 8, 10, 11' },
    });
  });

  it('half-year: June 25 to July 10 2026 (a Friday)', () => {
    expect(schedule(seedPrograms.headquarters, { kind: 'half', key: '2026-H1' }).phases[1]).toMatchObject({ opens: '2026-06-25', closes: '2026-07-10' });
  });

  it('annual 2025: December 25 to January 25 2026 (a Sunday, postponed to Monday 26); 2026 needs the 2027 calendar', () => {
    expect(schedule(seedPrograms.headquarters, { kind: 'year', key: '2025' }).phases[1]).toMatchObject({ opens: '2025-12-25', closes: '2026-01-26', nominalCloses: '2026-01-25', postponed: true });
    expect(issueOf(seedPrograms.headquarters, { kind: 'year', key: '2026' })).toMatchObject({ code: 'calendar_year_missing', params: { year: 2027 } });
  });
});

describe('phase schedule: Part 2 (cafeteria) "before the 5th of next month, postponed in case of holidays"', () => {
  it('September 2025: October 1-5 is National Day, so rating closes on Thursday October 9', () => {
    const s = schedule(seedPrograms.cafeteria, { kind: 'month', key: '2025-09' });
    expect(s.phases[0]).toEqual({ phase: 'rating', opens: '2025-10-01', closes: '2025-10-09', nominalCloses: '2025-10-05', postponed: true, overridden: false });
    // Calibration: 1..2 working days after Oct 9 = Fri 10, make-up Sat 11.
    expect(s.phases[1]).toMatchObject({ phase: 'calibration', opens: '2025-10-10', closes: '2025-10-11' });
  });

  it('April 2026: May 1-5 is Labour Day, so rating closes on Wednesday May 6', () => {
    expect(schedule(seedPrograms.cafeteria, { kind: 'month', key: '2026-04' }).phases[0]).toMatchObject({ closes: '2026-05-06', postponed: true });
  });

  it('the annual result is an HR review before January 15; no quarters', () => {
    expect(dates(schedule(seedPrograms.cafeteria, { kind: 'year', key: '2025' }))).toEqual([['hrReview', '2026-01-01', '2026-01-15']]);
    expect(issueOf(seedPrograms.cafeteria, { kind: 'quarter', key: '2026-Q1' })).toMatchObject({ code: 'cycle_period_kind_not_allowed', params: { kind: 'quarter', allowed: 'month, year, probation' } });
  });
});

describe('phase schedule: Part 4 (workshop) accounting month 26th to 25th', () => {
  it('May 2026 runs April 26 to May 25; team leaders rate May 26 to June 3', () => {
    const s = schedule(seedPrograms.workshop, { kind: 'month', key: '2026-05' });
    expect(s.span).toEqual({ start: '2026-04-26', end: '2026-05-25' });
    expect(s.convention).toEqual({ monthStartDay: 26 });
    expect(dates(s)).toEqual([
      ['rating', '2026-05-26', '2026-06-03'],
      ['calibration', '2026-06-04', '2026-06-05'],
    ]);
  });

  it('needs the workshop convention in the calendar of the period year', () => {
    const noConvention = [{ ...cn2026, accountingMonths: [] }];
    expect(issueOf(seedPrograms.workshop, { kind: 'month', key: '2026-05' }, noConvention)).toMatchObject({ code: 'calendar_accounting_month_unknown', params: { code: 'workshop', year: 2026 } });
  });
});

describe('phase schedule: Part 1 (hotel audit) daily and the defaults', () => {
  it('a day is rated by the end of the next working day: Tuesday September 30 2025 -> Thursday October 9', () => {
    expect(dates(schedule(seedPrograms.hotelAudit, { kind: 'day', date: '2025-09-30' }))).toEqual([['rating', '2025-09-30', '2025-10-09']]);
  });

  it('lists the working days of a month as day cycles', () => {
    const days = workingDayPeriods(buildWorkCalendar(cnYears), '2025-10-01', '2025-10-12');
    expect(days.map(cyclePeriodKey)).toEqual(['2025-10-09', '2025-10-10', '2025-10-11']);
  });

  it('nursing has no schedule: rating 5 working days after the month, calibration 2 more (it has quotas)', () => {
    const s = schedule(seedPrograms.nursing, { kind: 'month', key: '2026-05' });
    expect(s.source).toBe('default');
    expect(dates(s)).toEqual([
      ['rating', '2026-05-31', '2026-06-05'],
      ['calibration', '2026-06-08', '2026-06-09'],
    ]);
    expect(defaultSchedulePeriod(seedPrograms.cafeteria, 'year').phases.map((p) => p.phase)).toEqual(['hrReview']);
  });

  it('a probation on any scheme ends its rating 3 working days before the probation ends; self-review where the scheme has a SELF section', () => {
    const s = schedule(seedPrograms.headquarters, { kind: 'probation', start: '2026-03-01', end: '2026-05-31' });
    expect(dates(s)).toEqual([
      ['selfReview', '2026-05-17', '2026-05-25'],
      ['rating', '2026-05-17', '2026-05-27'],
      ['hrReview', '2026-05-28', '2026-05-29'],
    ]);
    expect(cyclePeriodKey(s.period)).toBe('P2026-03-01..2026-05-31');
  });
});

describe('HR overrides of a cycle phase', () => {
  it('moves the rating close and calibration follows; an unknown phase or reversed window is refused', () => {
    const s = schedule(seedPrograms.cafeteria, { kind: 'month', key: '2026-04' }, [{ phase: 'rating', closes: '2026-05-08' }]);
    expect(s.phases.map((p) => [p.phase, p.closes, p.overridden])).toEqual([
      ['rating', '2026-05-08', true],
      ['calibration', '2026-05-11', false],
    ]);
    const r = computePhaseSchedule({ scheme: seedPrograms.cafeteria, period: { kind: 'month', key: '2026-04' }, calendar: cnYears, overrides: [{ phase: 'selfReview', opens: '2026-05-01' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['phase_override_unknown']);
    const rev = computePhaseSchedule({ scheme: seedPrograms.cafeteria, period: { kind: 'month', key: '2026-04' }, calendar: cnYears, overrides: [{ phase: 'rating', closes: '2026-04-20' }] });
    expect(rev.ok ? null : rev.issues[0]).toMatchObject({ code: 'phase_reversed', params: { phase: 'rating', opens: '2026-05-01', closes: '2026-04-20' } });
  });
});

describe('checkActionWindow', () => {
  const phases = schedule(seedPrograms.headquarters, { kind: 'month', key: '2026-05' }).phases;
  const base: ActionWindowInput = { action: 'rating.submit', today: '2026-06-05', phases, target: { appraisalId: 'a1', ratingId: 'r1' } };

  it('allows a rating on the close day and refuses it the day after, naming the phase and the close date', () => {
    expect(checkActionWindow(base)).toEqual({ ok: true, window: 'rating', closes: '2026-06-05' });
    expect(checkActionWindow({ ...base, today: '2026-06-06' })).toEqual({
      ok: false,
      issue: { path: [], code: 'phase_closed', message: 'the rating window closed on 2026-06-05; HR can reopen it', params: { phase: 'rating', closedOn: '2026-06-05', today: '2026-06-06' } },
    });
    expect(checkActionWindow({ ...base, today: '2026-05-24' })).toMatchObject({ ok: false, issue: { code: 'phase_not_open', params: { phase: 'rating', opensOn: '2026-05-25' } } });
  });

  it('honours an HR reopening for the appraisal it covers only, until its date', () => {
    const reopenings = [{ window: 'rating' as const, scope: { kind: 'appraisal' as const, appraisalId: 'a1' }, until: '2026-06-10', reason: 'rater was on sick leave' }];
    expect(checkActionWindow({ ...base, today: '2026-06-09', reopenings })).toEqual({ ok: true, window: 'rating', closes: '2026-06-05', reopenedUntil: '2026-06-10' });
    expect(checkActionWindow({ ...base, today: '2026-06-09', reopenings, target: { appraisalId: 'a2' } })).toMatchObject({ ok: false, issue: { code: 'phase_closed' } });
    expect(checkActionWindow({ ...base, today: '2026-06-11', reopenings })).toMatchObject({ ok: false, issue: { params: { closedOn: '2026-06-10' } } });
  });

  it('puts SELF ratings and self-review text in the self-review window; the cafeteria has none', () => {
    expect(checkActionWindow({ ...base, ratingRole: 'SELF' })).toMatchObject({ ok: true, window: 'selfReview' });
    const cafe = schedule(seedPrograms.cafeteria, { kind: 'month', key: '2026-04' }).phases;
    expect(checkActionWindow({ ...base, action: 'selfReview.save', phases: cafe })).toMatchObject({ ok: false, issue: { code: 'phase_not_scheduled', params: { phase: 'selfReview' } } });
  });

  it('enforces the acknowledgement window: 5 working days after publication', () => {
    const cal = buildWorkCalendar([cn2025]);
    const due = acknowledgementDue(cal, '2025-09-30', 5);
    expect(due).toBe('2025-10-14');
    const ack = { ...base, action: 'acknowledgement.acknowledge' as const, acknowledgement: { publishedOn: '2025-09-30', due } };
    expect(checkActionWindow({ ...ack, today: '2025-10-14' })).toMatchObject({ ok: true, window: 'acknowledgement' });
    expect(checkActionWindow({ ...ack, today: '2025-10-15' })).toMatchObject({ ok: false, issue: { code: 'phase_closed', params: { phase: 'acknowledgement', closedOn: '2025-10-14' } } });
    expect(checkActionWindow({ ...base, action: 'acknowledgement.refuse' })).toMatchObject({ ok: false, issue: { code: 'acknowledgement_not_published' } });
  });

  it('checks reopenings HR asks for', () => {
    const bad = checkReopening({ window: 'rating', scope: { kind: 'cycle' }, until: '2026-06-03', reason: ' ' }, '2026-06-06', phases);
    expect(bad.map((i) => i.code)).toEqual(['reopen_reason_required', 'reopen_until_past', 'reopen_until_before_close']);
    expect(checkReopening({ window: 'rating', scope: { kind: 'cycle' }, until: '2026-06-12', reason: 'system outage' }, '2026-06-08', phases)).toEqual([]);
    expect(checkReopening({ window: 'acknowledgement', scope: { kind: 'cycle' }, until: '2026-06-12', reason: 'x' }, '2026-06-08', phases).map((i) => i.code)).toEqual(['phase_not_scheduled']);
  });
});
