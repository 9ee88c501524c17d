import type { Checked, DomainIssue } from '../issues.js';
import { addCalendarDays, compareIsoDates, isCalendarDate, isoDate, type IsoDate } from '../calendar/dates.js';
import { accountingConventionFor, buildWorkCalendar, checkCalendarCoverage, type WorkCalendarYear } from '../calendar/definition.js';
import { CalendarError } from '../calendar/errors.js';
import type { AccountingConvention } from '../calendar/periods.js';
import { addWorkingDays, nextWorkingDay, type WorkCalendar } from '../calendar/work-calendar.js';
import {
  schemeCycleKinds,
  type CyclePhaseName,
  type PeriodKindName,
  type PhasePoint,
  type PhaseWindowSpec,
  type SchedulePeriod,
  type SchemeDefinition,
} from '../scheme/index.js';
import { cycleIssue, fail } from './issue.js';
import { checkCyclePeriod, cyclePeriodLastMonth, cyclePeriodSpan, cyclePeriodYear, type CyclePeriod, type PeriodSpan } from './period.js';

/** Working days after publication to acknowledge a result when the scheme does not say. */
export const DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS = 5;

/** One phase of a cycle with its dates on the calendar (both inclusive); nominalCloses is before postponement. */
export interface CyclePhaseWindow {
  phase: CyclePhaseName;
  opens: IsoDate;
  closes: IsoDate;
  nominalCloses: IsoDate;
  postponed: boolean;
  /** True when HR set this phase's dates for the cycle instead of the scheme's rule. */
  overridden: boolean;
}

/** A cycle's computed schedule: its period's days, the accounting convention, the phase windows and the acknowledgement rule. */
export interface CycleSchedule {
  period: CyclePeriod;
  span: PeriodSpan;
  convention: AccountingConvention;
  phases: CyclePhaseWindow[];
  acknowledgementWorkingDays: number;
  /** Where the windows came from: the scheme's schedule for this kind, or the defaults. */
  source: 'scheme' | 'default';
}

/** HR's dates for one phase of one cycle, replacing the scheme's rule (later phases that count from it follow). */
export interface PhaseOverride {
  phase: CyclePhaseName;
  opens?: IsoDate;
  closes?: IsoDate;
}

const working = (days: number) => ({ from: 'periodEnd' as const, days, unit: 'working' as const });
const calendarDays = (days: number) => ({ from: 'periodEnd' as const, days, unit: 'calendar' as const });
const after = (phase: CyclePhaseName, days: number) => ({ from: 'phaseClose' as const, phase, days, unit: 'working' as const });

/**
 * The phase windows used when a scheme states none for a kind: self-review (when a section is rated by SELF) and
 * rating from the period's last day for 3 and 5 working days; calibration (when the scheme has quotas) for 2
 * working days after rating; probations end their rating 3 working days before the probation ends so HR can
 * decide in time; roll-up-only periods get an HR review of 10 working days.
 * Example: defaultSchedulePeriod(seedPrograms.nursing, 'month').phases.map((p) => p.phase) -> ['rating', 'calibration']
 */
export function defaultSchedulePeriod(scheme: SchemeDefinition, kind: PeriodKindName): SchedulePeriod {
  const rated = schemeCycleKinds(scheme).find((k) => k.kind === kind)?.rated ?? true;
  if (!rated) return { period: kind, phases: [{ phase: 'hrReview', opens: calendarDays(1), closes: working(10), postponeClose: true }] };
  const self = scheme.sections.some((s) => s.raters.some((r) => r.role === 'SELF'));
  const phases: PhaseWindowSpec[] = [];
  if (kind === 'probation') {
    if (self) phases.push({ phase: 'selfReview', opens: calendarDays(-14), closes: working(-5), postponeClose: false });
    phases.push({ phase: 'rating', opens: calendarDays(-14), closes: working(-3), postponeClose: false });
    phases.push({ phase: 'hrReview', opens: after('rating', 1), closes: after('rating', 2), postponeClose: false });
    return { period: kind, phases };
  }
  if (kind === 'day') {
    phases.push({ phase: 'rating', opens: calendarDays(0), closes: working(1), postponeClose: false });
  } else {
    if (self) phases.push({ phase: 'selfReview', opens: calendarDays(0), closes: working(3), postponeClose: false });
    phases.push({ phase: 'rating', opens: calendarDays(0), closes: working(5), postponeClose: false });
  }
  if (scheme.distribution) phases.push({ phase: 'calibration', opens: after('rating', 1), closes: after('rating', 2), postponeClose: false });
  return { period: kind, phases };
}

/** The scheme's schedule for a kind, or the default one. Example: schedulePeriodFor(seedPrograms.headquarters, 'quarter').anchorMonths -> [3, 6, 9] */
export function schedulePeriodFor(scheme: SchemeDefinition, kind: PeriodKindName): { spec: SchedulePeriod; source: 'scheme' | 'default' } {
  const own = scheme.schedule?.periods.find((p) => p.period === kind);
  return own ? { spec: own, source: 'scheme' } : { spec: defaultSchedulePeriod(scheme, kind), source: 'default' };
}

function resolvePoint(cal: WorkCalendar, span: PeriodSpan, lastMonth: number | undefined, year: number, point: PhasePoint, closes: ReadonlyMap<CyclePhaseName, IsoDate>): IsoDate | undefined {
  switch (point.from) {
    case 'periodMonth':
      // validateScheme keeps month points off day and probation schedules; isoDate clamps the day to the month.
      return lastMonth === undefined ? undefined : isoDate(year, lastMonth + point.monthOffset, point.day === 'last' ? 31 : point.day);
    case 'periodEnd':
      return point.unit === 'calendar' ? addCalendarDays(span.end, point.days) : addWorkingDays(cal, span.end, point.days);
    case 'phaseClose': {
      const base = closes.get(point.phase);
      if (base === undefined) return undefined;
      return point.unit === 'calendar' ? addCalendarDays(base, point.days) : addWorkingDays(cal, base, point.days);
    }
  }
}

/** Input of computePhaseSchedule: the scheme version, the period, HR's calendar years and any per-cycle overrides. */
export interface PhaseScheduleInput {
  scheme: SchemeDefinition;
  period: CyclePeriod;
  calendar: readonly WorkCalendarYear[];
  overrides?: readonly PhaseOverride[];
}

/**
 * Computes a cycle's phase windows from the scheme's schedule (or the defaults), the period and HR's work
 * calendar: dates relative to the period's last month, its last day or an earlier phase's close, a close on a
 * day off postponed to the next working day where the scheme says so, HR's overrides applied in order so later
 * phases follow them. Refuses a kind the scheme does not run, a month outside the schedule's anchor months, an
 * unknown accounting month, and any computation reaching a year HR has not entered.
 * Example: computePhaseSchedule({ scheme: seedPrograms.headquarters, period: { kind: 'quarter', key: '2026-Q3' }, calendar: [cn2026] }).value.phases[1] -> { phase: 'rating', opens: '2026-09-25', closes: '2026-10-08', nominalCloses: '2026-10-05', postponed: true, overridden: false }
 */
export function computePhaseSchedule(input: PhaseScheduleInput): Checked<CycleSchedule> {
  const { scheme, period } = input;
  const checked = checkCyclePeriod(scheme, period);
  if (!checked.ok) return checked;
  const year = cyclePeriodYear(period);
  const conv = accountingConventionFor(input.calendar, scheme.schedule?.accountingMonth, year);
  if (!conv.ok) return conv;
  const { spec, source } = schedulePeriodFor(scheme, period.kind);
  const lastMonth = cyclePeriodLastMonth(period);
  if (spec.anchorMonths && lastMonth !== undefined && !spec.anchorMonths.includes(lastMonth)) {
    return fail(
      cycleIssue(
        'cycle_period_not_scheduled',
        `${period.kind} cycles of "${scheme.code}" run only for periods ending in months ${spec.anchorMonths.join(', ')}; ${lastMonth} is appraised by another cycle`,
        { kind: period.kind, month: lastMonth, months: spec.anchorMonths.join(', ') },
        ['period'],
      ),
    );
  }
  const issues: DomainIssue[] = [];
  const overrides = new Map<CyclePhaseName, PhaseOverride>();
  (input.overrides ?? []).forEach((o, i) => {
    if (!spec.phases.some((p) => p.phase === o.phase)) {
      issues.push(cycleIssue('phase_override_unknown', `this cycle has no ${o.phase} phase`, { phase: o.phase }, ['overrides', i, 'phase']));
    }
    for (const k of ['opens', 'closes'] as const) {
      const v = o[k];
      if (v !== undefined && !isCalendarDate(v)) issues.push(cycleIssue('phase_override_date', `${v} is not a date`, { value: v }, ['overrides', i, k]));
    }
    overrides.set(o.phase, o);
  });
  if (issues.length) return { ok: false, issues };

  const span = cyclePeriodSpan(period, conv.value);
  const cal = buildWorkCalendar(input.calendar);
  const closes = new Map<CyclePhaseName, IsoDate>();
  const phases: CyclePhaseWindow[] = [];
  try {
    for (const [i, ph] of spec.phases.entries()) {
      const o = overrides.get(ph.phase);
      const opens = o?.opens ?? resolvePoint(cal, span, lastMonth, year, ph.opens, closes);
      const nominal = o?.closes ?? resolvePoint(cal, span, lastMonth, year, ph.closes, closes);
      if (opens === undefined || nominal === undefined) {
        issues.push(cycleIssue('phase_point_unresolved', `the ${ph.phase} window cannot be placed on a ${period.kind} period`, { phase: ph.phase, kind: period.kind }, ['phases', i]));
        continue;
      }
      // HR's own close date is taken as given; the scheme's is postponed past days off when it says so.
      const close = ph.postponeClose && !o?.closes ? nextWorkingDay(cal, nominal) : nominal;
      if (compareIsoDates(close, opens) < 0) {
        issues.push(cycleIssue('phase_reversed', `the ${ph.phase} window closes (${close}) before it opens (${opens})`, { phase: ph.phase, opens, closes: close }, ['phases', i]));
      }
      closes.set(ph.phase, close);
      phases.push({ phase: ph.phase, opens, closes: close, nominalCloses: nominal, postponed: close !== nominal, overridden: o !== undefined });
    }
  } catch (e) {
    if (e instanceof CalendarError) return fail(e.issue);
    throw e;
  }
  if (issues.length) return { ok: false, issues };
  // Dates computed in a year HR has not entered would silently ignore that year's holidays: refuse them.
  const dates = [span.end, ...phases.flatMap((p) => [p.opens, p.closes])].sort();
  const missing = checkCalendarCoverage(input.calendar, dates[0] ?? span.end, dates[dates.length - 1] ?? span.end);
  if (missing.length) return { ok: false, issues: missing };
  return {
    ok: true,
    value: {
      period,
      span,
      convention: conv.value,
      phases,
      acknowledgementWorkingDays: scheme.schedule?.acknowledgementWorkingDays ?? DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS,
      source,
    },
  };
}

/** The window of one phase of a schedule, if the cycle has that phase. Example: phaseWindow(schedule, 'rating')?.closes -> '2026-06-05' */
export function phaseWindow(schedule: Pick<CycleSchedule, 'phases'>, phase: CyclePhaseName): CyclePhaseWindow | undefined {
  return schedule.phases.find((p) => p.phase === phase);
}
