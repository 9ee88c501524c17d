import { canManagePolicies } from '@appraisal/domain';
import { isUuid } from '../../core/ids.js';
import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, sql } from '../../core/db.js';
import { forbidden, notFound } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { LedgerRuleNode } from '../ledger/ledger.types.js';
import { Scheme } from '../schemes/scheme.entity.js';
import { policyById } from './policy.read.js';
import { PolicyNode, PolicyVersionNode } from './policy.types.js';

export enum GovernedKindValue {
  SCHEME = 'scheme',
  LEDGER_RULE = 'ledger_rule',
}
registerEnumType(GovernedKindValue, { name: 'GovernedKind', description: 'What a policy governs: an appraisal scheme or a ledger (reward and punishment) rule.' });

@ObjectType('PolicyLink', { simpleResolvers: true, description: 'A scheme or ledger rule and the policy that governs it.' })
export class PolicyLinkView {
  @Field(() => GovernedKindValue, { description: 'Scheme or ledger rule.' }) kind!: GovernedKindValue;
  @Field(() => ID, { description: 'Its id.' }) id!: string;
  @Field(() => String, { description: 'Its code.' }) code!: string;
  @Field(() => String, { description: 'Its name in English.' }) name!: string;
  @Field(() => String, { description: 'Its name in Chinese (the English one when none).' }) nameZh!: string;
  @Field(() => ID, { nullable: true, description: 'The governing policy; null when none.' }) policyId!: string | null;
}

const TABLE: Record<GovernedKindValue, string> = { [GovernedKindValue.SCHEME]: 'scheme', [GovernedKindValue.LEDGER_RULE]: 'ledger_rule' };
const NAMES: Record<GovernedKindValue, string> = {
  [GovernedKindValue.SCHEME]: `t.name as name, coalesce(t.name_zh, t.name) as name_zh`,
  [GovernedKindValue.LEDGER_RULE]: `coalesce(t.document->'name'->>'en', t.code) as name, coalesce(t.document->'name'->>'zh', t.document->'name'->>'en', t.code) as name_zh`,
};

async function linksWhere(ctx: RequestContext, kind: GovernedKindValue, condition: ReturnType<typeof sql>): Promise<PolicyLinkView[]> {
  const rows = await ctx.db.rows<{ id: string; code: string; name: string; name_zh: string; policy_id: string | null }>(
    sql`select t.id, t.code, ${raw(NAMES[kind])}, t.policy_id from ${raw(TABLE[kind])} t where ${condition} order by t.code`,
  );
  return rows.map((r) => ({ kind, id: r.id, code: r.code, name: r.name, nameZh: r.name_zh, policyId: r.policy_id }));
}

/**
 * HR names the policy that governs a scheme or a ledger rule (null: none). The policy must exist. Audited with
 * before and after.
 */
export async function setGoverningPolicy(ctx: RequestContext, kind: GovernedKindValue, id: string, policyId: string | null): Promise<PolicyLinkView> {
  const actor = requireActor(ctx);
  if (!canManagePolicies(actor)) throw forbidden('linking policies');
  if (!isUuid(id)) throw notFound(kind === GovernedKindValue.SCHEME ? 'Scheme' : 'LedgerRule', id);
  if (policyId && !isUuid(policyId)) throw notFound('Policy', policyId);
  if (policyId && !(await ctx.db.rows(sql`select 1 from policy where id = ${policyId}`)).length) throw notFound('Policy', policyId);
  const table = raw(TABLE[kind]);
  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const before = await em.getConnection().execute<Array<{ policy_id: string | null }>>(`select policy_id from ${TABLE[kind]} where id = ? for update`, [id], 'all', tx);
    if (!before[0]) throw notFound(kind === GovernedKindValue.SCHEME ? 'Scheme' : 'LedgerRule', id);
    await em.getConnection().execute(`update ${table.sql} set policy_id = ?, version = version + 1, updated_at = now() where id = ?`, [policyId, id], 'run', tx);
    recordAudit(em, ctx, { operation: 'setGoverningPolicy', entityType: kind === GovernedKindValue.SCHEME ? 'Scheme' : 'LedgerRule', entityId: id, before: { policyId: before[0].policy_id }, after: { policyId } });
    await em.flush();
  });
  const found = (await linksWhere(ctx, kind, sql`t.id = ${id}`))[0];
  if (!found) throw notFound('Scheme', id);
  return found;
}

@Resolver(() => PolicyLinkView)
export class PolicyLinkResolver {
  @Mutation(() => PolicyLinkView, { description: 'Names the policy that governs a scheme or a ledger rule; null removes the link (HR, audited).' })
  setGoverningPolicy(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => GovernedKindValue) kind: GovernedKindValue,
    @Arg('id', () => ID, { description: 'The scheme or ledger rule.' }) id: string,
    @Arg('policyId', () => ID, { nullable: true, description: 'The policy; null: none.' }) policyId: string | null,
  ) {
    return setGoverningPolicy(ctx, kind, id, policyId ?? null);
  }
}

@Resolver(() => Scheme)
export class SchemePolicyResolver {
  @FieldResolver(() => PolicyNode, { nullable: true, description: 'The policy that governs the scheme (its version in effect is `currentVersion`); null when none or outside the caller\'s scope.' })
  policy(@Root() scheme: Scheme, @Ctx() ctx: RequestContext) {
    return scheme.policyId ? policyById(ctx).load(scheme.policyId) : null;
  }
}

const rulePolicyLoaders = new WeakMap<RequestContext, DataLoader<string, string | null>>();

@Resolver(() => LedgerRuleNode)
export class LedgerRulePolicyResolver {
  @FieldResolver(() => PolicyNode, { nullable: true, description: 'The policy that governs the rule; null when none or outside the caller\'s scope.' })
  async policy(@Root() rule: LedgerRuleNode, @Ctx() ctx: RequestContext) {
    let loader = rulePolicyLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.db.rows<{ id: string; policy_id: string | null }>(sql`select id, policy_id from ledger_rule where id = any(${[...ids]}::uuid[])`);
        const byId = new Map(rows.map((r) => [r.id, r.policy_id]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      rulePolicyLoaders.set(ctx, loader);
    }
    const policyId = await loader.load(rule.id);
    return policyId ? policyById(ctx).load(policyId) : null;
  }
}

@Resolver(() => PolicyVersionNode)
export class PolicyVersionLinksResolver {
  @FieldResolver(() => [PolicyLinkView], { description: 'Schemes its policy governs.' })
  linkedSchemes(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext) {
    return linksWhere(ctx, GovernedKindValue.SCHEME, sql`t.policy_id = ${v.policyId}`);
  }

  @FieldResolver(() => [PolicyLinkView], { description: 'Ledger rules its policy governs.' })
  linkedLedgerRules(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext) {
    return linksWhere(ctx, GovernedKindValue.LEDGER_RULE, sql`t.policy_id = ${v.policyId}`);
  }
}
