import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { ArgLimits } from '../../core/input-limits.js';
import { DepartmentNode, EmployeeNode } from '../org/org.types.js';
import { entriesInScope, entryInScope, ledgerTotals, listLedgerEntries, listLedgerRules, ruleById, rulesByCodes } from './ledger.read.js';
import * as ledger from './ledger.service.js';
import {
  LedgerEntriesArgs,
  LedgerEntryNode,
  LedgerRuleNode,
  LedgerRulesArgs,
  LedgerStatementView,
  LedgerTotalView,
  ProposeLedgerEntryInput,
  ProposeTeamIncidentInput,
} from './ledger.types.js';

export const LedgerRuleConnection = connectionType(LedgerRuleNode, 'LedgerRule');
export const LedgerEntryConnection = connectionType(LedgerEntryNode, 'LedgerEntry');

// One catalog statement per request for the rules of a page of entries.
const ruleLoaders = new WeakMap<RequestContext, DataLoader<string, LedgerRuleNode | null>>();
function ruleLoader(ctx: RequestContext): DataLoader<string, LedgerRuleNode | null> {
  let loader = ruleLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (codes) => {
      const rows = await rulesByCodes(ctx, codes);
      return codes.map((code) => rows.find((r) => r.code === code) ?? null);
    });
    ruleLoaders.set(ctx, loader);
  }
  return loader;
}

// One statement per request for the originals of the reversals on a page (in the caller's scope only).
const entryLoaders = new WeakMap<RequestContext, DataLoader<string, LedgerEntryNode | null>>();
function entryLoader(ctx: RequestContext): DataLoader<string, LedgerEntryNode | null> {
  let loader = entryLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await entriesInScope(ctx, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    entryLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => LedgerRuleNode)
export class LedgerRuleResolver {
  @Query(() => LedgerRuleConnection, { description: 'The reward-and-punishment catalog (everyone signed in reads it).' })
  ledgerRules(@Ctx() ctx: RequestContext, @Args(() => LedgerRulesArgs) args: LedgerRulesArgs, @Info() info: GraphQLResolveInfo) {
    return listLedgerRules(ctx, args, info);
  }

  @Query(() => LedgerRuleNode, { description: 'One catalog rule; NOT_FOUND when absent.' })
  ledgerRule(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ruleById(ctx, id);
  }

  @Mutation(() => LedgerRuleNode, { description: 'Creates (no id) or changes a catalog rule from a LedgerRule document (HR, audited; every save keeps a revision).' })
  @ArgLimits({ document: 'document' })
  saveLedgerRule(
    @Ctx() ctx: RequestContext,
    @Arg('document', () => JSONResolver) document: Record<string, unknown>,
    @Arg('id', () => ID, { nullable: true, description: 'The rule to change; absent to create.' }) id?: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read (required with id).' }) version?: number | null,
  ) {
    return ledger.saveLedgerRule(ctx, document, id, version);
  }

  @Mutation(() => LedgerRuleNode, { description: 'Retires a catalog rule: no new entries (HR, audited).' })
  retireLedgerRule(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return ledger.retireLedgerRule(ctx, id, version);
  }
}

@Resolver(() => LedgerEntryNode)
export class LedgerEntryResolver {
  @Query(() => LedgerEntryConnection, { description: 'Ledger entries the caller may see: HR all; people their own; supervisors their line and what they proposed; the approver those of batches before them.' })
  ledgerEntries(@Ctx() ctx: RequestContext, @Args(() => LedgerEntriesArgs) args: LedgerEntriesArgs, @Info() info: GraphQLResolveInfo) {
    return listLedgerEntries(ctx, args, info);
  }

  @Query(() => LedgerEntryNode, { description: 'One ledger entry; NOT_FOUND when absent or outside the caller\'s scope.' })
  ledgerEntry(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return entryInScope(ctx, id);
  }

  @Query(() => LedgerStatementView, { description: 'A person\'s statement over accounting months from..to (YYYY-MM): HR, the person, their supervisors.' })
  @ArgLimits({ from: 'code', to: 'code' })
  ledgerStatement(@Ctx() ctx: RequestContext, @Arg('employeeId', () => ID) employeeId: string, @Arg('from', () => String) from: string, @Arg('to', () => String) to: string) {
    return ledger.statementFor(ctx, employeeId, from, to);
  }

  @Query(() => [LedgerTotalView], { description: 'Department totals by unit and component of counted entries over accounting months from..to (HR).' })
  @ArgLimits({ from: 'code', to: 'code' })
  ledgerTotals(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('departmentId', () => ID, { nullable: true, description: 'Only this department and those below it.' }) departmentId?: string | null,
  ) {
    return ledgerTotals(ctx, from, to, departmentId);
  }

  @Mutation(() => LedgerEntryNode, { description: 'Proposes an entry under a catalog rule (HR for anyone, supervisors for their line); the amount must lie in the rule\'s range.' })
  proposeLedgerEntry(@Ctx() ctx: RequestContext, @Arg('input', () => ProposeLedgerEntryInput) input: ProposeLedgerEntryInput) {
    return ledger.proposeLedgerEntry(ctx, input);
  }

  @Mutation(() => [LedgerEntryNode], { description: 'Proposes a team incident (joint liability): one entry per member, shares summing exactly to the incident.' })
  proposeTeamIncident(@Ctx() ctx: RequestContext, @Arg('input', () => ProposeTeamIncidentInput) input: ProposeTeamIncidentInput) {
    return ledger.proposeTeamIncident(ctx, input);
  }

  @Mutation(() => LedgerEntryNode, { description: 'Approves a proposed entry (HR, never the proposer); it is final afterwards.' })
  approveLedgerEntry(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return ledger.approveLedgerEntry(ctx, id, version);
  }

  @Mutation(() => LedgerEntryNode, { description: 'Rejects a proposed entry with a reason (HR).' })
  @ArgLimits({ reason: 'comment' })
  rejectLedgerEntry(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string) {
    return ledger.rejectLedgerEntry(ctx, id, version, reason);
  }

  @Mutation(() => LedgerEntryNode, { description: 'Withdraws a proposed entry (its proposer).' })
  withdrawLedgerEntry(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return ledger.withdrawLedgerEntry(ctx, id, version);
  }

  @Mutation(() => LedgerEntryNode, { description: 'Reverses an approved or paid entry (HR): a proposed reversal entry pointing at it, approved by another HR person. Entries are never edited.' })
  @ArgLimits({ reason: 'comment' })
  reverseLedgerEntry(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return ledger.reverseLedgerEntry(ctx, id, reason);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The person (null when their record is outside the caller\'s view).' })
  employee(@Root() e: LedgerEntryNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(e.employeeId);
  }

  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'The person\'s department when the entry was recorded.' })
  department(@Root() e: LedgerEntryNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(e.departmentId);
  }

  @FieldResolver(() => LedgerEntryNode, { nullable: true, description: 'The entry this one reverses (null when it reverses none, or the original is outside the caller\'s view); it carries its own field rules.' })
  reverses(@Root() e: LedgerEntryNode, @Ctx() ctx: RequestContext) {
    return e.source.reversesId ? entryLoader(ctx).load(e.source.reversesId) : null;
  }

  @FieldResolver(() => LedgerRuleNode, { nullable: true, description: 'The catalog rule (null for generated lines without one).' })
  rule(@Root() e: LedgerEntryNode, @Ctx() ctx: RequestContext) {
    return e.ruleCode ? ruleLoader(ctx).load(e.ruleCode) : null;
  }
}
