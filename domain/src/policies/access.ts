import type { Actor } from './actor.js';

/**
 * Field-level access to one kind of record, as data.
 *
 * `F` is what one row tells about its relation to the actor (is it the actor themself, in their reporting
 * line, published yet, is the actor a rater of it, ...). The API computes these facts in SQL for a whole
 * page at once and carries them on the row, so a field check is a synchronous call of a pure function.
 *
 * The same declaration drives three things in the API, so they can never disagree:
 * 1. the field guards (may the actor read `email` on this row?),
 * 2. the filter / search / sort check (may the actor filter on `email` at all? only when the field is
 *    readable on every row their scope can contain: `readableOnEveryRow`),
 * 3. the permission matrix tests.
 */
export type FieldPolicy<F> = (actor: Actor, facts: F) => boolean;

export interface ResourceAccess<F> {
  /** The GraphQL type these policies guard, e.g. 'Employee'. */
  typeName: string;
  /**
   * Every distinct kind of row the actor's row scope can contain, as facts. For employees and a supervisor:
   * themself and people in their line; for HR: themself, a report and anyone else. Empty when the actor sees no row.
   * Used to decide whether filtering or sorting on a field could reveal its value on a row the actor may not read.
   */
  factClasses(actor: Actor): ReadonlyArray<F>;
  /** Per GraphQL field of the type: may the actor read it on a row with these facts. Every field is listed. */
  fields: Readonly<Record<string, FieldPolicy<F>>>;
}

/** Facts for records whose readability depends on nothing but the actor (reference data such as departments). */
export type NoFacts = Readonly<Record<string, never>>;
export const NO_FACTS: NoFacts = Object.freeze({});

/**
 * True when the actor may read `field` on every row its scope can contain: the condition for filtering,
 * searching or sorting on it. A field without a policy is never readable (deny by default).
 * Example: readableOnEveryRow(employeeAccess, committeeActor, 'hireDate') -> false
 */
export function readableOnEveryRow<F>(access: ResourceAccess<F>, actor: Actor, field: string): boolean {
  const policy = access.fields[field];
  if (!policy) return false;
  return access.factClasses(actor).every((facts) => policy(actor, facts));
}

/** The same policy for each listed field: every field is named, none is covered by a wildcard. */
export function sameFor<F>(names: readonly string[], policy: FieldPolicy<F>): Record<string, FieldPolicy<F>> {
  return Object.fromEntries(names.map((name) => [name, policy]));
}
