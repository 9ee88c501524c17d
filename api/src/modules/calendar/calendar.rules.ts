import { workCalendarAccess } from '@appraisal/domain';
import { type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of the work calendar's operations. */
export const calendarRules: Record<string, Record<string, IRule>> = {
  Query: fields(['workCalendarYears', 'workCalendarYear', 'calendarDay'], isAuthenticated),
  Mutation: { saveWorkCalendarYear: hasAnyRole('HR') },
};

/** Field guards: the year from the domain's policy (any role reads), its parts for anyone signed in. */
export const calendarGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(workCalendarAccess, { what: 'calendar year', factless: true }),
  typeGuards('CalendarHoliday', ['from', 'to', 'name'], signedIn),
  typeGuards('CalendarMakeUpDay', ['date', 'name'], signedIn),
  typeGuards('AccountingMonth', ['code', 'name', 'monthStartDay'], signedIn),
  typeGuards('CalendarDay', ['date', 'working', 'holiday', 'makeUp', 'yearEntered'], signedIn),
);
