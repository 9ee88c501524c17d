import 'reflect-metadata';
import { type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import type { IMiddlewareFieldMap } from 'graphql-middleware';
import { applyFieldGuards, type FieldGuardTree, mergeGuards } from './core/access.js';
import { useDirectResolvers } from './core/direct-resolvers.js';
import { buildSchema } from 'type-graphql';
import { forbidden } from './core/errors.js';
import type { IRule } from './core/shield-rules.js';
import type { TokenService } from './core/tokens.js';
import { analyticsGuards, analyticsRules } from './modules/analytics/analytics.rules.js';
import { ServiceAccountResolver } from './modules/analytics/service-account.resolver.js';
import { AnalyticsResolver, LeniencyRowResolver, PayAggregateResolver } from './modules/analytics/analytics.resolver.js';
import { createAuthResolver } from './modules/auth/auth.resolver.js';
import { CalendarResolver } from './modules/calendar/calendar.resolver.js';
import { calendarGuards, calendarRules } from './modules/calendar/calendar.rules.js';
import { AppraisalResolver, RatingResolver } from './modules/cycles/appraisal.resolver.js';
import { appraisalGuards, appraisalRules } from './modules/cycles/appraisals.rules.js';
import { CycleResolver } from './modules/cycles/cycle.resolver.js';
import { RatingCloseResolver } from './modules/cycles/rating-close.resolver.js';
import { cycleGuards, cycleRules } from './modules/cycles/cycles.rules.js';
import { CycleDashboardResolver, OverdueTaskResolver } from './modules/cycles/dashboard.resolver.js';
import { dashboardGuards, dashboardRules } from './modules/cycles/dashboard.rules.js';
import { RemindersResolver } from './modules/notifications/reminders.resolver.js';
import { NoticeResolver } from './modules/notices/notice.resolver.js';
import { noticeGuards, noticeRules } from './modules/notices/notice.rules.js';
import { AppraisalResultsResolver, CycleResultsResolver } from './modules/cycles/results.resolver.js';
import { CycleGroupAmountsResolver } from './modules/cycles/group-amounts.resolver.js';
import { resultGuards, resultRules } from './modules/cycles/results.rules.js';
import { AppraisalRollupResolver, RollupResolver } from './modules/cycles/rollup.resolver.js';
import { AdjustmentResolver, MeasuredInputResolver } from './modules/cycles/inputs.resolver.js';
import { inputGuards, inputRules } from './modules/cycles/inputs.rules.js';
import { rollupGuards, rollupRules } from './modules/cycles/rollup.rules.js';
import { authGuards, authRules } from './modules/auth/auth.rules.js';
import { IndicatorCategoryResolver, IndicatorResolver } from './modules/indicators/indicator.resolver.js';
import { indicatorGuards, indicatorRules } from './modules/indicators/indicators.rules.js';
import { DepartmentResolver } from './modules/org/department.resolver.js';
import { EmployeeFileResolver } from './modules/org/employee-file.resolver.js';
import { EmployeeResolver } from './modules/org/employee.resolver.js';
import { InboxResolver } from './modules/notifications/inbox.resolver.js';
import { inboxGuards, inboxRules } from './modules/notifications/inbox.rules.js';
import { NodeResolver } from './modules/org/node.resolver.js';
import { PolicyAcknowledgementEntryResolver, PolicyResolver, PolicyVersionResolver } from './modules/policies/policy.resolver.js';
import { LedgerRulePolicyResolver, PolicyLinkResolver, PolicyVersionLinksResolver, SchemePolicyResolver } from './modules/policies/policy-links.js';
import { policyGuards, policyRules } from './modules/policies/policy.rules.js';
import { orgGuards, orgRules } from './modules/org/org.rules.js';
import { PositionResolver } from './modules/org/position.resolver.js';
import { ProbationDueResolver, ProbationReviewResolver } from './modules/probation/probation.resolver.js';
import { probationGuards, probationRules } from './modules/probation/probation.rules.js';
import { SchemePreviewResolver } from './modules/schemes/scheme-preview.resolver.js';
import { SchemeResolver, SchemeVersionResolver } from './modules/schemes/scheme.resolver.js';
import { schemeGuards, schemeRules } from './modules/schemes/schemes.rules.js';
import { LedgerEntryResolver, LedgerRuleResolver } from './modules/ledger/ledger.resolver.js';
import { AppealResolver } from './modules/appeals/appeal.resolver.js';
import { ArchiveResolver } from './modules/archives/archive.resolver.js';
import { archiveGuards, archiveRules } from './modules/archives/archive.rules.js';
import { appealGuards, appealRules } from './modules/appeals/appeal.rules.js';
import { ledgerGuards, ledgerRules } from './modules/ledger/ledger.rules.js';
import { PayoutBatchResolver } from './modules/ledger/payout.resolver.js';
import { AwardResolver, HonorCommitteeMemberResolver, HonorProgramResolver, NominationResolver, VoteResolver } from './modules/honors/honors.resolver.js';
import { honorGuards, honorRules } from './modules/honors/honors.rules.js';

/** graphql-shield rules of the root fields (Query, Mutation): one check per operation field. */
export type RuleTree = Record<string, Record<string, IRule>>;

/** Merges module rule maps type by type; a field named twice is a programming error. */
export function mergeRules(...maps: RuleTree[]): RuleTree {
  const merged: RuleTree = {};
  for (const map of maps)
    for (const [type, typeRules] of Object.entries(map)) {
      const target = (merged[type] ??= {});
      for (const [field, fieldRule] of Object.entries(typeRules)) {
        if (target[field]) throw new Error(`Shield rule for ${type}.${field} is defined twice`);
        target[field] = fieldRule;
      }
    }
  return merged;
}

export const ruleTree: RuleTree = mergeRules(authRules, orgRules, indicatorRules, schemeRules, calendarRules, cycleRules, appraisalRules, resultRules, rollupRules, ledgerRules, inboxRules, policyRules, analyticsRules, probationRules, noticeRules, dashboardRules, honorRules, inputRules, appealRules, archiveRules);

/** Field guards of every type below the root, from the domain's field policies. */
export const guardTree: FieldGuardTree = mergeGuards(authGuards, orgGuards, indicatorGuards, schemeGuards, calendarGuards, cycleGuards, appraisalGuards, resultGuards, rollupGuards, ledgerGuards, inboxGuards, policyGuards, analyticsGuards, probationGuards, noticeGuards, dashboardGuards, honorGuards, inputGuards, appealGuards, archiveGuards);

/** The type-graphql schema without permissions (used to emit the SDL and to check rule coverage). */
export async function buildBareSchema(tokens: TokenService): Promise<GraphQLSchema> {
  const options = {
    resolvers: [
      createAuthResolver(tokens),
      EmployeeResolver,
      DepartmentResolver,
      PositionResolver,
      NodeResolver,
      EmployeeFileResolver,
      IndicatorResolver,
      IndicatorCategoryResolver,
      SchemeResolver,
      SchemeVersionResolver,
      SchemePreviewResolver,
      CalendarResolver,
      CycleResolver,
      AppraisalResolver,
      RatingResolver,
      ProbationReviewResolver,
      ProbationDueResolver,
      RemindersResolver,
      NoticeResolver,
      CycleDashboardResolver,
      OverdueTaskResolver,
      AppraisalResultsResolver,
      CycleResultsResolver,
      CycleGroupAmountsResolver,
      RollupResolver,
      AppraisalRollupResolver,
      MeasuredInputResolver,
      AdjustmentResolver,
      LedgerRuleResolver,
      LedgerEntryResolver,
      PayoutBatchResolver,
      RatingCloseResolver,
      InboxResolver,
      PolicyResolver,
      PolicyVersionResolver,
      PolicyAcknowledgementEntryResolver,
      PolicyLinkResolver,
      SchemePolicyResolver,
      LedgerRulePolicyResolver,
      PolicyVersionLinksResolver,
      ServiceAccountResolver,
      AnalyticsResolver,
      PayAggregateResolver,
      AppealResolver,
      ArchiveResolver,
      HonorProgramResolver,
      HonorCommitteeMemberResolver,
      NominationResolver,
      VoteResolver,
      AwardResolver,
      LeniencyRowResolver,
    ] as const,
    validate: false,
    emitSchemaFile: false,
  };
  const schema = await buildSchema(options);
  // Plain property reads and simple field resolvers without type-graphql's per-call wrapper (core/direct-resolvers.ts).
  useDirectResolvers(schema, options.resolvers);
  return schema;
}

/**
 * The served schema, deny by default at both layers: graphql-shield guards the root fields (anything
 * unlisted is denied), and the field guards compiled from the domain's policies guard every field below.
 * Shield's middleware is applied to the root types only: on every field of every row it would turn
 * synchronous property reads into promises and multiply the cost of long lists.
 */
export async function buildAppSchema(tokens: TokenService): Promise<GraphQLSchema> {
  const schema = await buildBareSchema(tokens);
  applyFieldGuards(schema, guardTree);
  const permissions = shield(ruleTree, {
    fallbackRule: deny,
    fallbackError: forbidden('this field'),
    allowExternalErrors: true,
  });
  const generated = permissions.generate(schema) as IMiddlewareFieldMap;
  const roots: IMiddlewareFieldMap = {};
  for (const type of ['Query', 'Mutation']) if (generated[type]) roots[type] = generated[type];
  return applyMiddleware(schema, roots);
}
