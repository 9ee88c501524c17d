import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { ArgLimits } from '../../core/input-limits.js';
import { entriesByIds } from '../ledger/ledger.read.js';
import { LedgerEntryNode } from '../ledger/ledger.types.js';
import { DepartmentNode, EmployeeNode } from '../org/org.types.js';
import {
  annualOf,
  awardsOfPrograms,
  type CandidateResultRow,
  honorsOfPeople,
  listHonorPrograms,
  listNominations,
  nominationInScope,
  nominationsInScope,
  nominationsOfPrograms,
  programInScope,
  programsInScope,
  resultsOfPeople,
  votesOf,
} from './honors.read.js';
import * as honors from './honors.service.js';
import {
  AwardNode,
  CandidateHonorView,
  CandidateResultView,
  HonorCommitteeMemberView,
  HonorDecisionInput,
  HonorProgramActionValue,
  HonorProgramNode,
  HonorProgramsArgs,
  NominateInput,
  NominationNode,
  NominationsArgs,
  VoteChoiceEnum,
  VoteNode,
} from './honors.types.js';

export const HonorProgramConnection = connectionType(HonorProgramNode, 'HonorProgram');
export const NominationConnection = connectionType(NominationNode, 'Nomination');

/** One loader per request and key kind: a page of rows costs one statement per relation. */
function loader<K, V>(ctx: RequestContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  const bag = ((ctx as unknown as { honorLoaders?: Map<string, DataLoader<unknown, unknown>> }).honorLoaders ??= new Map());
  let found = bag.get(name) as DataLoader<K, V> | undefined;
  if (!found) {
    found = new DataLoader<K, V>(async (keys) => batch(keys));
    bag.set(name, found as DataLoader<unknown, unknown>);
  }
  return found;
}

const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K, keys: readonly K[]): T[][] => keys.map((k) => rows.filter((r) => key(r) === k));

const programLoader = (ctx: RequestContext) =>
  loader<string, HonorProgramNode | null>(ctx, 'program', async (ids) => {
    const rows = await programsInScope(ctx, ids);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
const resultsLoader = (ctx: RequestContext) => loader<string, CandidateResultRow[]>(ctx, 'results', async (ids) => groupBy(await resultsOfPeople(ctx, ids), (r) => r.employeeId, ids));

@Resolver(() => HonorProgramNode)
export class HonorProgramResolver {
  @Query(() => HonorProgramConnection, { description: 'Honor programs: HR all; committee members theirs; supervisors those open for nominations; everyone announced ones.' })
  honorPrograms(@Ctx() ctx: RequestContext, @Args(() => HonorProgramsArgs) args: HonorProgramsArgs, @Info() info: GraphQLResolveInfo) {
    return listHonorPrograms(ctx, args, info);
  }

  @Query(() => HonorProgramNode, { description: 'One honor program; NOT_FOUND when absent or outside the caller\'s scope.' })
  honorProgram(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return programInScope(ctx, id);
  }

  @Mutation(() => HonorProgramNode, { description: 'Creates (no id) or changes a draft program from an HonorProgram document (HR, audited).' })
  @ArgLimits({ document: 'document' })
  saveHonorProgram(
    @Ctx() ctx: RequestContext,
    @Arg('document', () => JSONResolver, { description: 'The HonorProgram document.' }) document: Record<string, unknown>,
    @Arg('id', () => ID, { nullable: true, description: 'The program to change; absent to create.' }) id?: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read (required with id).' }) version?: number | null,
  ) {
    return honors.saveHonorProgram(ctx, document, id, version);
  }

  @Mutation(() => HonorProgramNode, { description: 'HR\'s step of a program: open or close nominations, open the vote, announce (awards and their ledger rewards), cancel (with a reason). Audited.' })
  @ArgLimits({ reason: 'comment' })
  transitionHonorProgram(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('action', () => HonorProgramActionValue) action: HonorProgramActionValue,
    @Arg('reason', () => String, { nullable: true, description: 'Why (cancelling).' }) reason?: string | null,
  ) {
    return honors.transitionHonorProgram(ctx, id, version, action, reason);
  }

  @Mutation(() => HonorProgramNode, { description: 'The chair records the committee\'s decision with minutes once the vote has closed: each candidate approved (carried, within quota) or rejected with a note. Audited.' })
  @ArgLimits({ minutes: 'longText' })
  recordHonorDecision(
    @Ctx() ctx: RequestContext,
    @Arg('programId', () => ID) programId: string,
    @Arg('version', () => Int) version: number,
    @Arg('minutes', () => String, { description: 'Minutes of the committee\'s meeting.' }) minutes: string,
    @Arg('decisions', () => [HonorDecisionInput], { description: 'One decision per candidate on the ballot.' }) decisions: HonorDecisionInput[],
  ) {
    return honors.recordHonorDecision(ctx, programId, version, minutes, decisions);
  }

  @FieldResolver(() => [NominationNode], { description: 'The program\'s nominations the caller may see (HR all, members the ballot, nominators their own).' })
  async nominations(@Root() p: HonorProgramNode, @Ctx() ctx: RequestContext) {
    return loader<string, NominationNode[]>(ctx, 'programNominations', async (ids) => groupBy(await nominationsOfPrograms(ctx, ids), (n) => n.programId, ids)).load(p.id);
  }

  @FieldResolver(() => [AwardNode], { description: 'The awards (once announced; HR always).' })
  async awards(@Root() p: HonorProgramNode, @Ctx() ctx: RequestContext) {
    return loader<string, AwardNode[]>(ctx, 'programAwards', async (ids) => groupBy(await awardsOfPrograms(ctx, ids), (a) => a.programId, ids)).load(p.id);
  }
}

@Resolver(() => HonorCommitteeMemberView)
export class HonorCommitteeMemberResolver {
  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The member.' })
  employee(@Root() m: HonorCommitteeMemberView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(m.employeeId);
  }
}

@Resolver(() => NominationNode)
export class NominationResolver {
  @Query(() => NominationConnection, { description: 'Nominations: HR all; committee members the ballot of their programs; nominators their own.' })
  nominations(@Ctx() ctx: RequestContext, @Args(() => NominationsArgs) args: NominationsArgs, @Info() info: GraphQLResolveInfo) {
    return listNominations(ctx, args, info);
  }

  @Query(() => NominationNode, { description: 'One nomination; NOT_FOUND when absent or outside the caller\'s scope.' })
  nomination(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return nominationInScope(ctx, id);
  }

  @Mutation(() => NominationNode, { description: 'Nominates a candidate with a written reason (a supervisor their line, HR anyone) while nominations are open; the engine\'s eligibility is stored with it. Audited.' })
  nominate(@Ctx() ctx: RequestContext, @Arg('input', () => NominateInput) input: NominateInput) {
    return honors.nominate(ctx, input);
  }

  @Mutation(() => NominationNode, { description: 'The nominator withdraws a nomination before the vote. Audited.' })
  withdrawNomination(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return honors.withdrawNomination(ctx, id, version);
  }

  @Mutation(() => NominationNode, { description: 'HR\'s eligibility review: shortlisted onto the ballot when the engine finds the candidate eligible, else ineligible with the failed checks. Audited.' })
  reviewNomination(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return honors.reviewNomination(ctx, id, version);
  }

  @Mutation(() => NominationNode, { description: 'A committee member\'s vote on a candidate of the ballot; final (a second vote is refused) and secret until the vote closes.' })
  castVote(@Ctx() ctx: RequestContext, @Arg('nominationId', () => ID) nominationId: string, @Arg('choice', () => VoteChoiceEnum) choice: VoteChoiceEnum) {
    return honors.castVote(ctx, nominationId, choice);
  }

  @FieldResolver(() => HonorProgramNode, { nullable: true, description: 'The program (null when the caller no longer sees it).' })
  program(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    return programLoader(ctx).load(n.programId);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The candidate person (employee programs).' })
  candidate(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    return n.candidateId ? ctx.loaders.employee.load(n.candidateId) : null;
  }

  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'The candidate team (team programs).' })
  team(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    return n.teamId ? ctx.loaders.department.load(n.teamId) : null;
  }

  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'The candidate\'s department when nominated.' })
  department(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(n.departmentId);
  }

  @FieldResolver(() => CandidateResultView, { nullable: true, description: 'The finalized annual result of the program year (a year cycle or roll-up).' })
  async annualResult(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    if (!n.candidateId) return null;
    return annualOf(await resultsLoader(ctx).load(n.candidateId), n.candidateId, n.year) ?? null;
  }

  @FieldResolver(() => [CandidateResultView], { description: 'The candidate\'s finalized results, newest first: period, scheme, total and grade — never pay, ledger amounts or appeals.' })
  async resultsHistory(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    return n.candidateId ? resultsLoader(ctx).load(n.candidateId) : [];
  }

  @FieldResolver(() => [CandidateHonorView], { description: 'Honours the candidate received before.' })
  async honorsHistory(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    if (!n.candidateId) return [];
    return loader<string, CandidateHonorView[]>(ctx, 'honors', async (ids) => groupBy(await honorsOfPeople(ctx, ids), (h) => h.employeeId, ids)).load(n.candidateId);
  }

  @FieldResolver(() => [VoteNode], { description: 'The votes the caller may see: their own; everyone\'s once the vote has closed (HR included only then).' })
  votes(@Root() n: NominationNode, @Ctx() ctx: RequestContext) {
    return loader<string, VoteNode[]>(ctx, 'votes', async (ids) => groupBy(await votesOf(ctx, ids), (v) => v.nominationId, ids)).load(n.id);
  }
}

@Resolver(() => VoteNode)
export class VoteResolver {
  @FieldResolver(() => NominationNode, { nullable: true, description: 'The candidate\'s nomination.' })
  async nomination(@Root() v: VoteNode, @Ctx() ctx: RequestContext) {
    return loader<string, NominationNode | null>(ctx, 'nomination', async (ids) => {
      const rows = await nominationsInScope(ctx, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }).load(v.nominationId);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The member who voted.' })
  member(@Root() v: VoteNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(v.memberId);
  }
}

@Resolver(() => AwardNode)
export class AwardResolver {
  @FieldResolver(() => HonorProgramNode, { nullable: true, description: 'The program.' })
  program(@Root() a: AwardNode, @Ctx() ctx: RequestContext) {
    return programLoader(ctx).load(a.programId);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The person honoured (employee programs).' })
  recipient(@Root() a: AwardNode, @Ctx() ctx: RequestContext) {
    return a.recipientId ? ctx.loaders.employee.load(a.recipientId) : null;
  }

  @FieldResolver(() => DepartmentNode, { nullable: true, description: 'The team honoured (team programs).' })
  team(@Root() a: AwardNode, @Ctx() ctx: RequestContext) {
    return a.teamId ? ctx.loaders.department.load(a.teamId) : null;
  }

  @FieldResolver(() => [LedgerEntryNode], { description: 'The reward\'s ledger entries (HR and the recipient).' })
  async rewardEntries(@Root() a: AwardNode, @Ctx() ctx: RequestContext) {
    return loader<string, LedgerEntryNode[]>(ctx, 'awardEntries', async (ids) => {
      const rows = await ctx.db.rows<{ id: string; award_id: string }>(sql`select id, award_id from ledger_entry where award_id = any(${ids}::uuid[]) order by employee_id, id`);
      const entries = await entriesByIds(ctx, rows.map((r) => r.id));
      const awardOf = new Map(rows.map((r) => [r.id, r.award_id]));
      return groupBy(entries, (e) => awardOf.get(e.id), ids);
    }).load(a.id);
  }
}
