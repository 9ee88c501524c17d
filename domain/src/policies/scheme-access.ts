import { NO_FACTS, type NoFacts, sameFor, type ResourceAccess } from './access.js';
import { hasRole, type Actor } from './actor.js';

/** What the visibility rules need to know about a scheme: whether it is readable at all, and whom it applies to. */
export interface SchemeVisibilityFacts {
  /** True once a version has been published and the scheme is not archived. */
  published: boolean;
  /** Departments the scheme applies to (with their sub-departments); empty = every department. */
  departmentIds: ReadonlyArray<string>;
  /** Positions the scheme applies to; empty = every position. */
  positionIds: ReadonlyArray<string>;
}

/** Where the actor works: their department with every ancestor, and their position (empty/null without an employee). */
export interface ActorPlacement {
  departmentLineage: ReadonlyArray<string>;
  positionId: string | null;
}

/**
 * Which schemes an actor may list: HR every scheme (drafts and archived included), COMMITTEE every published one,
 * SUPERVISOR and EMPLOYEE the published ones that apply to them, anyone else none.
 * Example: schemeRowScope({ userId: 'u', employeeId: 'e', roles: ['EMPLOYEE'] }) -> { kind: 'applicable' }
 */
export type SchemeRowScope = { kind: 'all' } | { kind: 'published' } | { kind: 'applicable' } | { kind: 'none' };

export function schemeRowScope(actor: Actor): SchemeRowScope {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  if (hasRole(actor, 'COMMITTEE')) return { kind: 'published' };
  // Without an employee record there is no department or position a scheme could apply to.
  if (actor.employeeId && hasRole(actor, 'SUPERVISOR', 'EMPLOYEE')) return { kind: 'applicable' };
  return { kind: 'none' };
}

/**
 * A scheme applies to a person when it names no department and no position, or names their department or one
 * of its ancestors, or names their position.
 * Example: schemeAppliesTo({ published: true, departmentIds: ['NURSING'], positionIds: [] }, { departmentLineage: ['WARD', 'NURSING'], positionId: null }) -> true
 */
export function schemeAppliesTo(scheme: SchemeVisibilityFacts, placement: ActorPlacement): boolean {
  if (scheme.departmentIds.length === 0 && scheme.positionIds.length === 0) return true;
  if (scheme.departmentIds.some((id) => placement.departmentLineage.includes(id))) return true;
  return placement.positionId !== null && scheme.positionIds.includes(placement.positionId);
}

/**
 * Reading a scheme's metadata and its published versions; drafts are a separate grant (canReadSchemeDraft).
 * Example: canReadScheme(committeeActor, { published: false, departmentIds: [], positionIds: [] }, noPlacement) -> false
 */
export function canReadScheme(actor: Actor, scheme: SchemeVisibilityFacts, placement: ActorPlacement): boolean {
  const scope = schemeRowScope(actor);
  if (scope.kind === 'all') return true;
  if (!scheme.published || scope.kind === 'none') return false;
  return scope.kind === 'published' || schemeAppliesTo(scheme, placement);
}

/** Drafts are work in progress of HR: nobody else sees them. Example: canReadSchemeDraft(supervisorActor) -> false */
export function canReadSchemeDraft(actor: Actor): boolean {
  return hasRole(actor, 'HR');
}

/** Creating, editing, publishing, archiving, importing and exporting schemes, and the indicator library. Example: canManageSchemes(hrActor) -> true */
export function canManageSchemes(actor: Actor): boolean {
  return hasRole(actor, 'HR');
}

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const isSchemeReader = (actor: Actor): boolean => hasRole(actor, 'HR', 'COMMITTEE', 'SUPERVISOR', 'EMPLOYEE');

/** Field access to `Scheme`: published metadata for readers (the row scope picks which schemes), the draft for HR. */
export const schemeAccess: ResourceAccess<NoFacts> = {
  typeName: 'Scheme',
  factClasses: () => [NO_FACTS],
  fields: {
    ...sameFor(
      ['id', 'code', 'name', 'nameZh', 'periodType', 'applicableDepartments', 'applicablePositions', 'owner', 'status', 'latestVersion', 'versions', 'templateKey', 'policy', 'version', 'createdAt', 'updatedAt'],
      isSchemeReader,
    ),
    draft: isHR,
  },
};

/** Field access to `Indicator`: the library is HR's working material. */
export const indicatorAccess: ResourceAccess<NoFacts> = {
  typeName: 'Indicator',
  factClasses: () => [NO_FACTS],
  fields: sameFor(
    ['id', 'code', 'name', 'nameZh', 'description', 'category', 'scoringMethod', 'minPoints', 'maxPoints', 'measurementSource', 'applicableDepartments', 'applicablePositions', 'tags', 'active', 'usedBySchemes', 'version', 'createdAt', 'updatedAt'],
    isHR,
  ),
};

/** Field access to `IndicatorCategory`: HR only, like the library. */
export const indicatorCategoryAccess: ResourceAccess<NoFacts> = {
  typeName: 'IndicatorCategory',
  factClasses: () => [NO_FACTS],
  fields: sameFor(['id', 'code', 'name', 'nameZh', 'active', 'version', 'createdAt', 'updatedAt'], isHR),
};
