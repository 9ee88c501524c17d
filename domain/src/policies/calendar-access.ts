import { hasRole, type Actor } from './actor.js';
import { NO_FACTS, sameFor, type NoFacts, type ResourceAccess } from './access.js';

/** Fields of the WorkCalendarYear GraphQL type. */
export const WORK_CALENDAR_FIELDS = ['id', 'year', 'weekendDays', 'holidays', 'makeUpWorkdays', 'accountingMonths', 'version', 'createdAt', 'updatedAt'] as const;

const anyRole = (actor: Actor): boolean => actor.roles.length > 0;

/**
 * The work calendar is reference data: everyone signed in reads it (deadlines are shown on it); HR edits it.
 * Example: workCalendarAccess.fields.holidays(employeeActor, NO_FACTS) -> true
 */
export const workCalendarAccess: ResourceAccess<NoFacts> = {
  typeName: 'WorkCalendarYear',
  factClasses: (actor) => (anyRole(actor) ? [NO_FACTS] : []),
  fields: sameFor<NoFacts>(WORK_CALENDAR_FIELDS, (actor) => anyRole(actor)),
};

/** Which calendar years an actor may list: every one for any role, none without a role. Example: workCalendarRowScope(hrActor) -> { kind: 'all' } */
export function workCalendarRowScope(actor: Actor): { kind: 'all' } | { kind: 'none' } {
  return anyRole(actor) ? { kind: 'all' } : { kind: 'none' };
}

/** Creating and editing calendar years (holidays, make-up days, accounting months). Example: canManageWorkCalendar(adminActor) -> false */
export function canManageWorkCalendar(actor: Actor): boolean {
  return hasRole(actor, 'HR');
}
