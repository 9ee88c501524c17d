import { hasRole, type Actor } from './actor.js';
import { sameFor, type ResourceAccess } from './access.js';

/** Below this many people nobody but HR sees a pay aggregate (an average of one or two reveals their pay). */
export const DEFAULT_MIN_PAY_GROUP = 5;

/**
 * Which appraisals, tasks, ledger entries and appeals an actor's analytics aggregate: HR everything; a supervisor
 * their reporting line (`employee.supervisor_path @> array[me]`, themself excluded); nobody else (employees see
 * their own tasks on the dashboard, not analytics).
 * Example: analyticsRowScope({ userId: 'u', employeeId: 'b', roles: ['SUPERVISOR'] }) -> { kind: 'line', employeeId: 'b' }
 */
export function analyticsRowScope(actor: Actor): { kind: 'all' } | { kind: 'line'; employeeId: string } | { kind: 'none' } {
  if (hasRole(actor, 'HR')) return { kind: 'all' };
  if (actor.employeeId && hasRole(actor, 'SUPERVISOR')) return { kind: 'line', employeeId: actor.employeeId };
  return { kind: 'none' };
}

/**
 * The small-group rule: HR sees every pay aggregate; anyone else only aggregates over at least `minimum` people.
 * Example: canSeePayAggregate(supervisorActor, 4) -> false
 */
export function canSeePayAggregate(actor: Actor, groupSize: number, minimum: number = DEFAULT_MIN_PAY_GROUP): boolean {
  return hasRole(actor, 'HR') || groupSize >= minimum;
}

/** Why a pay aggregate is withheld. */
export interface Suppression {
  reason: 'smallGroup' | 'complementary';
  minimum: number;
}

/**
 * Applies the small-group rule to a result of pay aggregates: groups below the minimum keep their counts but their
 * pay fields become null with an explicit `suppressed` reason (never a silent null). When the groups of a result add
 * up to a total the actor also sees, one suppressed group could be recovered by subtraction, so the smallest visible
 * group is suppressed with it ("complementary").
 * Example: suppressSmallPayGroups(rows, supervisorActor, { size: (r) => r.people, payFields: ['pay', 'net'] }).filter((r) => r.suppressed).length -> 2
 */
export function suppressSmallPayGroups<R extends object>(
  rows: readonly R[],
  actor: Actor,
  opts: { size: (row: R) => number; payFields: readonly (keyof R)[]; minimum?: number; complementary?: boolean },
): (R & { suppressed: Suppression | null })[] {
  const minimum = opts.minimum ?? DEFAULT_MIN_PAY_GROUP;
  const hidden = new Set<number>();
  rows.forEach((r, i) => {
    if (!canSeePayAggregate(actor, opts.size(r), minimum)) hidden.add(i);
  });
  const complementary = new Set<number>();
  if ((opts.complementary ?? true) && hidden.size === 1 && rows.length > 1) {
    let pick = -1;
    rows.forEach((r, i) => {
      if (hidden.has(i)) return;
      if (pick === -1 || opts.size(r) < opts.size(rows[pick] as R)) pick = i;
    });
    if (pick >= 0) complementary.add(pick);
  }
  return rows.map((r, i) => {
    if (!hidden.has(i) && !complementary.has(i)) return { ...r, suppressed: null };
    const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
    for (const f of opts.payFields) out[f as string] = null;
    return { ...(out as R), suppressed: { reason: hidden.has(i) ? 'smallGroup' : 'complementary', minimum } };
  });
}

/** What an aggregate row is to the actor: how many people it covers, and whether suppressSmallPayGroups withheld its money. */
export interface AggregateFacts {
  groupSize: number;
  suppressed: boolean;
}

/** Fields of the PayAggregate GraphQL type (one group of pay by department and period). */
export const PAY_AGGREGATE_FIELDS = {
  group: ['departmentId', 'department', 'periodKey', 'people', 'suppressed'],
  money: ['pay', 'rewards', 'penalties', 'net'],
} as const;

/**
 * Field access of PayAggregate: the group and its size to whoever may run pay analytics (HR, supervisors for their
 * line); the money only under the small-group rule. The API runs suppressSmallPayGroups first: a withheld value is
 * null next to its `suppressed` reason (explicit, not a silent null); a small group that was not withheld is a
 * FORBIDDEN field, so forgetting the suppression fails closed.
 * Example: payAggregateAccess.fields.pay(supervisorActor, { groupSize: 3, suppressed: false }) -> false
 */
export const payAggregateAccess: ResourceAccess<AggregateFacts> = {
  typeName: 'PayAggregate',
  factClasses: (actor) =>
    analyticsRowScope(actor).kind === 'none'
      ? []
      : [
          { groupSize: 1, suppressed: true },
          { groupSize: 1, suppressed: false },
          { groupSize: DEFAULT_MIN_PAY_GROUP, suppressed: false },
        ],
  fields: {
    ...sameFor<AggregateFacts>(PAY_AGGREGATE_FIELDS.group, (actor) => analyticsRowScope(actor).kind !== 'none'),
    ...sameFor<AggregateFacts>(PAY_AGGREGATE_FIELDS.money, (actor, f) => analyticsRowScope(actor).kind !== 'none' && (f.suppressed || canSeePayAggregate(actor, f.groupSize))),
  },
};

/** Running the analytics queries (each then scoped by analyticsRowScope). Example: canRunAnalytics(employeeActor) -> false */
export function canRunAnalytics(actor: Actor): boolean {
  return analyticsRowScope(actor).kind !== 'none';
}

/** What one service account row is to the actor. */
export interface ServiceAccountFacts {
  /** The actor's employee owns the tool. */
  ownerIsActor: boolean;
}

/** Fields of the ServiceAccount GraphQL type (the token itself is never a field: it is shown once in the create payload). */
export const SERVICE_ACCOUNT_FIELDS = {
  summary: ['id', 'name', 'owner', 'scopes', 'limits', 'expiresAt', 'revokedAt', 'status', 'lastUsedAt'],
  admin: ['createdBy', 'revokedBy', 'version', 'createdAt', 'updatedAt'],
} as const;

/**
 * Field access of ServiceAccount: ADMIN creates, reads and revokes every account; the owner reads what their tool
 * may do and when it was last used. Example: serviceAccountAccess.fields.scopes(ownerActor, { ownerIsActor: true }) -> true
 */
export const serviceAccountAccess: ResourceAccess<ServiceAccountFacts> = {
  typeName: 'ServiceAccount',
  factClasses: (actor) => (hasRole(actor, 'ADMIN') ? [{ ownerIsActor: true }, { ownerIsActor: false }] : actor.employeeId && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'HR') ? [{ ownerIsActor: true }] : []),
  fields: {
    ...sameFor<ServiceAccountFacts>(SERVICE_ACCOUNT_FIELDS.summary, (actor, f) => hasRole(actor, 'ADMIN') || (f.ownerIsActor && actor.employeeId !== null && !hasRole(actor, 'SERVICE'))),
    ...sameFor<ServiceAccountFacts>(SERVICE_ACCOUNT_FIELDS.admin, (actor) => hasRole(actor, 'ADMIN')),
  },
};

/** Creating, rotating and revoking service accounts. Example: canManageServiceAccounts(hrActor) -> false */
export function canManageServiceAccounts(actor: Actor): boolean {
  return hasRole(actor, 'ADMIN');
}

/** Fields of the Analytics GraphQL type: one aggregate each. */
export const ANALYTICS_FIELDS = ['gradeDistribution', 'scoreHistogram', 'scoreTrend', 'raterLeniency', 'completion', 'pay'] as const;

/**
 * Field access of Analytics (the aggregates): whoever may run analytics (HR, supervisors for their line); the rows
 * each aggregate covers are the actor's analyticsRowScope in SQL. Example: analyticsAccess.fields.scoreTrend(employeeActor, {}) -> false
 */
export const analyticsAccess: ResourceAccess<Readonly<Record<string, never>>> = {
  typeName: 'Analytics',
  factClasses: (actor) => (canRunAnalytics(actor) ? [{}] : []),
  fields: sameFor<Readonly<Record<string, never>>>(ANALYTICS_FIELDS, (actor) => canRunAnalytics(actor)),
};
