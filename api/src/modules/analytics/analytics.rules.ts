import { analyticsAccess, canRunAnalytics, payAggregateAccess, rowScopeActor, serviceAccountAccess } from '@appraisal/domain';
import { rule } from 'graphql-shield';
import type { RequestContext } from '../../core/context.js';
import { forbidden, unauthenticated } from '../../core/errors.js';
import { type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of reporting access: reading accounts needs sign-in (the row scope decides); writes are ADMIN's. */
/** HR, supervisors and service tokens with an Analytics grant run analytics. */
const runsAnalytics: IRule = rule('runsAnalytics', { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (!ctx.actor) return unauthenticated();
  return canRunAnalytics(rowScopeActor(ctx.actor, 'Analytics')) ? true : forbidden('analytics');
});

export const analyticsRules: Record<string, Record<string, IRule>> = {
  Query: { ...fields(['serviceAccounts', 'serviceAccount'], isAuthenticated), analytics: runsAnalytics },
  Mutation: fields(['createServiceAccount', 'rotateServiceToken', 'revokeServiceAccount'], hasAnyRole('ADMIN')),
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;


/** Field guards: the account from the domain's policy; its scope and limit rows follow the account field. */
export const analyticsGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(serviceAccountAccess, { what: 'service account' }),
  typeGuards('ServiceScope', ['type', 'fields', 'pay'], signedIn),
  typeGuards('ServiceLimits', ['requestsPerMinute', 'burst', 'costPerMinute', 'maxQueryCost', 'maxPageSize'], signedIn),
  typeGuards('ServiceAccountCreated', ['account', 'token'], signedIn),
  typeGuards('ServiceAccountConnection', page, signedIn),
  typeGuards('ServiceAccountEdge', ['cursor', 'node'], signedIn),
  // Aggregates: who may run them (the rows are the actor's scope in SQL); their row types follow the aggregate field.
  guardsFromAccess(analyticsAccess, { what: 'analytics', factless: true }),
  typeGuards('GradeDistribution', ['departmentId', 'schemeId', 'size', 'grades', 'quotas'], signedIn),
  typeGuards('AnalyticsGradeCount', ['grade', 'label', 'labelZh', 'count', 'percent'], signedIn),
  typeGuards('QuotaCheck', ['grade', 'bound', 'percent', 'grades', 'limit', 'actual', 'within'], signedIn),
  typeGuards('ScoreHistogram', ['buckets', 'outside'], signedIn),
  typeGuards('HistogramBucket', ['from', 'to', 'count'], signedIn),
  typeGuards('TrendPoint', ['cycleId', 'periodEnd', 'departmentId', 'n', 'average'], signedIn),
  typeGuards('LeniencyRow', ['raterId', 'departmentId', 'ratings', 'raterAverage', 'departmentAverage', 'difference', 'rater', 'department'], signedIn),
  typeGuards('AppealStatsRow', ['departmentId', 'appraisals', 'appeals', 'rate', 'upheld', 'rejected', 'withdrawn', 'open', 'decided', 'onTime', 'onTimePercent'], signedIn),
  typeGuards('CompletionRow', ['phase', 'departmentId', 'total', 'done', 'percent', 'overdue', 'late'], signedIn),
  // Pay: the money under the small-group rule (a small group's money that was not withheld is FORBIDDEN: fails closed).
  guardsFromAccess(payAggregateAccess, { what: 'pay aggregate' }),
  typeGuards('PaySuppression', ['reason', 'minimum'], signedIn),
);
