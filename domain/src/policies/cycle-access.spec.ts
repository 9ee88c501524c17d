import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { NO_FACTS, readableOnEveryRow } from './access.js';
import { WORK_CALENDAR_FIELDS, canManageWorkCalendar, workCalendarAccess, workCalendarRowScope } from './calendar-access.js';
import { CYCLE_HR_FIELDS, CYCLE_PUBLIC_FIELDS, canManageCycles, cycleAccess, cycleRowScope } from './cycle-access.js';
import { PROBATION_FIELDS, canDecideProbation, canRecommendProbation, probationAccess, probationRowScope, type ProbationFacts } from './probation-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const hr = actor(['HR'], 'hr');
const employee = actor(['EMPLOYEE']);
const supervisor = actor(['EMPLOYEE', 'SUPERVISOR'], 'boss');
const committee = actor(['COMMITTEE'], null);
const admin = actor(['ADMIN'], null);
const nobody = actor([]);

describe('cycle access', () => {
  it('scopes rows: HR all, participants their cycles, the committee also published ones, admin none', () => {
    expect(cycleRowScope(hr)).toEqual({ kind: 'all' });
    expect(cycleRowScope(employee)).toEqual({ kind: 'involved', employeeId: 'me', line: false, publishedAll: false });
    expect(cycleRowScope(supervisor)).toEqual({ kind: 'involved', employeeId: 'boss', line: true, publishedAll: false });
    expect(cycleRowScope(committee)).toEqual({ kind: 'involved', employeeId: null, line: false, publishedAll: true });
    expect(cycleRowScope(admin)).toEqual({ kind: 'none' });
  });

  it('shows what a cycle is and its dates to participants; population, progress and calibration to HR only', () => {
    for (const a of [employee, supervisor, committee]) {
      for (const field of CYCLE_PUBLIC_FIELDS) expect(cycleAccess.fields[field]?.(a, NO_FACTS), field).toBe(true);
      for (const field of CYCLE_HR_FIELDS) expect(cycleAccess.fields[field]?.(a, NO_FACTS), field).toBe(false);
    }
    for (const field of Object.keys(cycleAccess.fields)) expect(cycleAccess.fields[field]?.(hr, NO_FACTS)).toBe(true);
    expect(Object.keys(cycleAccess.fields).filter((k) => cycleAccess.fields[k]?.(admin, NO_FACTS))).toEqual([]);
    expect(readableOnEveryRow(cycleAccess, supervisor, 'periodKey')).toBe(true);
    expect(readableOnEveryRow(cycleAccess, supervisor, 'progress')).toBe(false);
    expect(canManageCycles(hr)).toBe(true);
    expect(canManageCycles(supervisor)).toBe(false);
  });
});

describe('work calendar access', () => {
  it('everyone with a role reads the calendar, nobody without; only HR manages it', () => {
    for (const a of [hr, employee, supervisor, committee, admin]) {
      expect(workCalendarRowScope(a)).toEqual({ kind: 'all' });
      for (const field of WORK_CALENDAR_FIELDS) expect(workCalendarAccess.fields[field]?.(a, NO_FACTS)).toBe(true);
    }
    expect(workCalendarRowScope(nobody)).toEqual({ kind: 'none' });
    expect(workCalendarAccess.factClasses(nobody)).toEqual([]);
    expect(workCalendarAccess.fields.holidays?.(nobody, NO_FACTS)).toBe(false);
    expect(canManageWorkCalendar(hr)).toBe(true);
    expect(canManageWorkCalendar(admin)).toBe(false);
  });
});

describe('probation review access', () => {
  const p = (subject: ProbationFacts['subject'], decided: boolean): ProbationFacts => ({ subject, decided });
  const readable = (a: Actor, f: ProbationFacts) => Object.keys(probationAccess.fields).filter((k) => probationAccess.fields[k]?.(a, f));

  it('scopes rows like employees: HR all, supervisors self and line, employees self', () => {
    expect(probationRowScope(hr)).toEqual({ kind: 'all' });
    expect(probationRowScope(supervisor)).toEqual({ kind: 'reportingLine', employeeId: 'boss' });
    expect(probationRowScope(employee)).toEqual({ kind: 'self', employeeId: 'me' });
    expect(probationRowScope(committee)).toEqual({ kind: 'none' });
  });

  it('the person sees their review, the decision once made, never the supervisor recommendation', () => {
    expect(readable(employee, p('self', false))).toEqual([...PROBATION_FIELDS.involved]);
    expect(readable(employee, p('self', true))).toEqual([...PROBATION_FIELDS.involved, ...PROBATION_FIELDS.decision]);
    expect(readable(employee, p('other', true))).toEqual([]);
    expect(readable(supervisor, p('line', false))).toEqual(Object.keys(probationAccess.fields));
    expect(readable(supervisor, p('other', true))).toEqual([]);
    expect(readable(committee, p('other', true))).toEqual([]);
  });

  it('filters: an employee may not filter on the outcome (undecided rows hide it); HR decides, the line recommends', () => {
    expect(readableOnEveryRow(probationAccess, employee, 'outcome')).toBe(false);
    expect(readableOnEveryRow(probationAccess, supervisor, 'probationEndDate')).toBe(true);
    expect(canDecideProbation(hr)).toBe(true);
    expect(canDecideProbation(supervisor)).toBe(false);
    expect(canRecommendProbation(supervisor, 'line')).toBe(true);
    expect(canRecommendProbation(supervisor, 'self')).toBe(false);
  });
});
