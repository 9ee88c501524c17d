import { hasRole, type Actor } from './actor.js';
import type { ResourceAccess } from './access.js';

/** How a row's appraised employee relates to the actor: themself, someone in their reporting line, or anyone else. */
export type SubjectRelation = 'self' | 'line' | 'other';

/**
 * Every combination of the listed values of each fact: the building block of `factClasses`.
 * Example: factCombinations({ published: [true, false], subject: ['self'] }) -> [{ published: true, subject: 'self' }, { published: false, subject: 'self' }]
 */
export function factCombinations<F extends object>(choices: { readonly [K in keyof F]: readonly F[K][] }): F[] {
  let out: Record<string, unknown>[] = [{}];
  for (const key of Object.keys(choices) as (keyof F & string)[]) {
    const values = choices[key];
    const next: Record<string, unknown>[] = [];
    for (const partial of out) for (const v of values) next.push({ ...partial, [key]: v });
    out = next;
  }
  return out as F[];
}

/** The actor reads this row as the appraised person (a grant of the EMPLOYEE and SUPERVISOR roles, as for employee records). */
export const asSubject = (actor: Actor, subject: SubjectRelation): boolean => subject === 'self' && actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR');

/** The actor reads this row as a supervisor up the appraised person's line. */
export const asLineSupervisor = (actor: Actor, subject: SubjectRelation): boolean => subject === 'line' && actor.employeeId !== null && hasRole(actor, 'SUPERVISOR');


/**
 * The same field policies over a narrower set of rows: a connection that lists only part of the actor's scope
 * (myRatingTasks: ratings the actor fills) checks its filters and sorts against the rows it can actually hold.
 * Example: narrowAccess(ratingAccess, 'RatingTask', (f) => f.actorIsRater)
 */
export function narrowAccess<F>(access: ResourceAccess<F>, typeName: string, keep: (facts: F) => boolean): ResourceAccess<F> {
  return { typeName, factClasses: (actor) => access.factClasses(actor).filter(keep), fields: access.fields };
}
