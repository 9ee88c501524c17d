import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { EmployeeNode } from '../org/org.types.js';
import { acknowledgementEntries, acknowledgementStatusOf, listPolicies, policyInScope, policyVersionInScope, versionsOfPolicy } from './policy.read.js';
import { acknowledgePolicy, createPolicy, remindPolicyAcknowledgement, savePolicyVersion, transitionPolicyVersion } from './policy.service.js';
import {
  AcknowledgementStatusView,
  CreatePolicyInput,
  PoliciesArgs,
  PolicyAcknowledgementEntryView,
  PolicyNode,
  PolicyVersionActionValue,
  PolicyVersionInput,
  PolicyVersionNode,
} from './policy.types.js';

const PolicyConnection = connectionType(PolicyNode, 'Policy');

@Resolver(() => PolicyNode)
export class PolicyResolver {
  @Query(() => PolicyConnection, { description: 'Policies: HR all; people the ones whose published version governs them.' })
  policies(@Ctx() ctx: RequestContext, @Args(() => PoliciesArgs) args: PoliciesArgs, @Info() info: GraphQLResolveInfo) {
    return listPolicies(ctx, args, info);
  }

  @Query(() => PolicyNode, { description: 'One policy; NOT_FOUND when absent or outside the caller\'s scope.' })
  async policy(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await policyInScope(ctx, id);
    if (!found) throw notFound('Policy', id);
    return found;
  }

  @Mutation(() => PolicyNode, { description: 'Creates a policy with its first draft (HR).' })
  createPolicy(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePolicyInput) input: CreatePolicyInput) {
    return createPolicy(ctx, input);
  }

  @FieldResolver(() => PolicyVersionNode, { nullable: true, description: 'The published version; null until one is published.' })
  async currentVersion(@Root() p: PolicyNode, @Ctx() ctx: RequestContext) {
    if (!p.currentVersionId) return null;
    return (await versionsOfPolicy(ctx).load(p.id)).find((v) => v.id === p.currentVersionId) ?? null;
  }

  @FieldResolver(() => [PolicyVersionNode], { description: 'Versions the caller may see, newest first (people: the published and superseded ones).' })
  versions(@Root() p: PolicyNode, @Ctx() ctx: RequestContext) {
    return versionsOfPolicy(ctx).load(p.id);
  }
}

@Resolver(() => PolicyVersionNode)
export class PolicyVersionResolver {
  @Query(() => PolicyVersionNode, { description: 'One policy version; NOT_FOUND when absent or outside the caller\'s scope.' })
  async policyVersion(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await policyVersionInScope(ctx, id);
    if (!found) throw notFound('PolicyVersion', id);
    return found;
  }

  @Mutation(() => PolicyVersionNode, { description: 'Edits a draft (with versionId and version) or starts a new draft version (HR). Checked by the domain: both languages, Markdown without raw HTML, scope, dates.' })
  savePolicyVersion(
    @Ctx() ctx: RequestContext,
    @Arg('policyId', () => ID) policyId: string,
    @Arg('input', () => PolicyVersionInput) input: PolicyVersionInput,
    @Arg('versionId', () => ID, { nullable: true, description: 'The draft to edit; absent: a new draft.' }) versionId?: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The draft\'s version as read (optimistic lock).' }) version?: number | null,
  ) {
    return savePolicyVersion(ctx, policyId, input, versionId, version);
  }

  @Mutation(() => PolicyVersionNode, { description: 'Submits for review, returns to draft or publishes a version (HR; the author does not publish their own). Publishing supersedes the version published before.' })
  transitionPolicyVersion(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('action', () => PolicyVersionActionValue) action: PolicyVersionActionValue,
  ) {
    return transitionPolicyVersion(ctx, id, version, action);
  }

  @Mutation(() => PolicyVersionNode, { description: 'The caller acknowledges a published version that governs them (idempotent).' })
  acknowledgePolicy(@Ctx() ctx: RequestContext, @Arg('versionId', () => ID) versionId: string) {
    return acknowledgePolicy(ctx, versionId);
  }

  @Mutation(() => Int, { description: 'Reminds the people in scope who have not acknowledged this published version (an inbox task each, never twice a day; HR). Returns how many.' })
  remindPolicyAcknowledgement(@Ctx() ctx: RequestContext, @Arg('versionId', () => ID) versionId: string) {
    return remindPolicyAcknowledgement(ctx, versionId);
  }

  @FieldResolver(() => PolicyNode, { description: 'The policy.' })
  async policy(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext) {
    const found = await policyInScope(ctx, v.policyId);
    if (!found) throw notFound('Policy', v.policyId);
    return found;
  }

  @FieldResolver(() => AcknowledgementStatusView, { description: 'Who has acknowledged it among the active people in scope (HR).' })
  acknowledgementStatus(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext) {
    return acknowledgementStatusOf(ctx).load(v.id);
  }

  @FieldResolver(() => [PolicyAcknowledgementEntryView], { description: 'People in scope who acknowledged, by name (HR).' })
  acknowledged(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1 to 500).' }) first: number) {
    return acknowledgementEntries(ctx.db, v.id, true, first);
  }

  @FieldResolver(() => [PolicyAcknowledgementEntryView], { description: 'People in scope who have not acknowledged yet, by name (HR).' })
  pending(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1 to 500).' }) first: number) {
    return acknowledgementEntries(ctx.db, v.id, false, first);
  }

  @FieldResolver(() => String, { description: 'Who wrote it (HR).' })
  async author(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext) {
    return (await ctx.db.rows<{ name: string }>(sql`select display_name as name from app_user where id = ${v.authorUserId}`))[0]?.name ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who published it (HR).' })
  async reviewer(@Root() v: PolicyVersionNode, @Ctx() ctx: RequestContext) {
    if (!v.reviewerUserId) return null;
    return (await ctx.db.rows<{ name: string }>(sql`select display_name as name from app_user where id = ${v.reviewerUserId}`))[0]?.name ?? null;
  }
}

@Resolver(() => PolicyAcknowledgementEntryView)
export class PolicyAcknowledgementEntryResolver {
  @FieldResolver(() => EmployeeNode, { description: 'The person.' })
  employee(@Root() e: PolicyAcknowledgementEntryView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(e.employeeId);
  }
}
