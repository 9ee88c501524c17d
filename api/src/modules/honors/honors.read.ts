import {
  type Actor,
  type AwardFacts,
  describeIssue,
  type HonorEligibility,
  type HonorProgram,
  type HonorProgramFacts,
  honorProgramAccess,
  honorProgramRowScope,
  type NominationFacts,
  nominationAccess,
  nominationRowScope,
  type SubjectRelation,
  type Tally,
  tallyVotes,
  type VoteChoice,
  type VoteFacts,
  voteRowScope,
} from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, raw, sql, type Sql } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import {
  type AwardNode,
  type CandidateHonorView,
  type CandidateResultView,
  type HonorEligibilityView,
  type HonorKindValue,
  type HonorProgramNode,
  type HonorProgramsArgs,
  type HonorProgramStateValue,
  type NominationNode,
  type NominationsArgs,
  type NominationStateValue,
  type VoteChoiceEnum,
  type VoteNode,
} from './honors.types.js';

const NO_ONE = '00000000-0000-0000-0000-000000000000';
const me = (actor: Actor): string => actor.employeeId ?? NO_ONE;

/** The actor sits on the committee of program `p` (its document names them). */
const memberOf = (actor: Actor): Sql => sql`((p.document->'committee'->'memberIds') @> jsonb_build_array(${me(actor)}::text))`;

/**
 * The vote of program `p` has closed: decided or announced, or voting with its window past, or every member has voted
 * on every shortlisted candidate. Votes are secret until then.
 */
export const voteClosedSql = (today: string): Sql =>
  sql`(p.state in ('decided', 'announced') or (p.state = 'voting' and ((p.document->'votingWindow'->>'closes')::date < ${today}::date
    or (select count(*) from vote v join nomination n2 on n2.id = v.nomination_id where n2.program_id = p.id and n2.state = 'shortlisted')
       >= (select count(*) from nomination n2 where n2.program_id = p.id and n2.state = 'shortlisted') * jsonb_array_length(p.document->'committee'->'memberIds'))))`;

// ---- programs ---------------------------------------------------------------------------------------

const programColumns = (actor: Actor): Sql =>
  sql`p.id, p.version, p.created_at, p.updated_at, p.code, p.year, p.kind, p.document, p.state, p.minutes, p.decided_at, p.created_by_user_id,
    (select u.display_name from app_user u where u.id = p.created_by_user_id) as created_by,
    ${memberOf(actor)} as f_member, p.state = 'nominating' as f_nominating, p.state = 'announced' as f_announced`;

export function toProgramNode(r: Record<string, unknown>): HonorProgramNode {
  const doc = r.document as HonorProgram;
  const node: HonorProgramNode = {
    __typename: 'HonorProgram',
    id: r.id as string,
    version: r.version as number,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    doc,
    document: doc,
    createdBy: (r.created_by as string | null) ?? null,
    code: r.code as string,
    year: r.year as number,
    kind: r.kind as HonorKindValue,
    name: doc.name,
    title: doc.title,
    state: r.state as HonorProgramStateValue,
    minutes: (r.minutes as string | null) ?? null,
    eligibility: {
      acceptedGrades: doc.eligibility.acceptedGrades,
      minScore: doc.eligibility.minScore ?? null,
      noDisciplinaryDecision: doc.eligibility.noDisciplinaryDecision,
      disciplinaryRuleCodes: doc.eligibility.disciplinaryRuleCodes ?? [],
      minTenureMonths: doc.eligibility.minTenureMonths,
      teamMinMembers: doc.eligibility.team?.minMembers ?? null,
      teamMinAverageScore: doc.eligibility.team?.minAverageScore ?? null,
    },
    quotas: {
      overall: doc.quotas.overall ?? null,
      perDepartment: doc.quotas.perDepartment ?? null,
      departments: Object.entries(doc.quotas.departments ?? {}).map(([departmentId, quota]) => ({ departmentId, quota })),
    },
    nominationWindow: doc.nominationWindow,
    votingWindow: doc.votingWindow,
    committee: doc.committee.memberIds.map((employeeId) => ({ employeeId, chair: employeeId === doc.committee.chairId })),
    decisionRule: { quorum: doc.committee.quorum, decision: doc.committee.decision, members: doc.committee.memberIds.length },
    decision: r.decided_at ? { decidedAt: toDate(r.decided_at) } : null,
    reward: doc.reward ? { ruleCode: doc.reward.ruleCode, amount: doc.reward.amount } : null,
  };
  const facts: HonorProgramFacts = { actorIsMember: r.f_member === true, nominating: r.f_nominating === true, announced: r.f_announced === true };
  return withFacts(node, facts);
}

/** The programs an actor may list, as a condition on `p` (null = all, 'none' = nothing). */
export function programScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = honorProgramRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  const parts: Sql[] = [];
  if (scope.member) parts.push(memberOf(actor));
  if (scope.nominating) parts.push(sql`p.state = 'nominating'`);
  if (scope.announced) parts.push(sql`p.state = 'announced'`);
  return parts.length ? sql`(${join(parts, ' or ')})` : 'none';
}

export const honorProgramListing = defineListing({
  query: 'honorPrograms',
  access: honorProgramAccess,
  filters: { year: 'year', kind: 'kind', state: 'state' },
  search: [{ field: 'code', sql: raw('p.code') }, { field: 'name', sql: raw(`(p.document->'name'->>'en') || ' ' || (p.document->'name'->>'zh')`) }],
  sorts: { YEAR: { field: 'year', sql: raw('p.year') }, CODE: { field: 'code', sql: raw('p.code') } },
  defaultSort: [{ field: 'YEAR', direction: SortDirection.DESC }],
  id: raw('p.id'),
});

/** One page of the programs the actor may list. */
export async function listHonorPrograms(ctx: RequestContext, args: HonorProgramsArgs, info: GraphQLResolveInfo): Promise<Page<HonorProgramNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, honorProgramListing, args);
  const scope = programScopeSql(actor);
  if (scope === 'none') return Page.empty();
  const f = args.filter;
  const where = [...(scope ? [scope] : [])];
  // Compared as int: the column is a smallint, and a year beyond its range matches nothing rather than failing.
  if (f?.year) where.push(sql`p.year = ${f.year}::int`);
  if (f?.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f?.state) where.push(sql`p.state = ${f.state}`);
  return fetchPage(ctx.db, { select: programColumns(actor), from: sql`honor_program p`, where }, checked, selectedHere(info).has('totalCount'), toProgramNode);
}

/** Programs by id in the actor's scope. */
export async function programsInScope(ctx: RequestContext, ids: readonly string[]): Promise<HonorProgramNode[]> {
  const actor = requireActor(ctx);
  const scope = programScopeSql(actor);
  if (scope === 'none' || !ids.length) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`select ${programColumns(actor)} from honor_program p where p.id = any(${ids}::uuid[])${scope ? sql` and ${scope}` : empty}`);
  return rows.map(toProgramNode);
}

/** One program in scope, else NOT_FOUND. */
export async function programInScope(ctx: RequestContext, id: string): Promise<HonorProgramNode> {
  const found = (await programsInScope(ctx, [id]))[0];
  if (!found) throw notFound('HonorProgram', id);
  return found;
}

// ---- nominations ------------------------------------------------------------------------------------

function eligibilityView(e: HonorEligibility | null): HonorEligibilityView | null {
  if (!e) return null;
  return {
    eligible: e.eligible,
    checks: e.checks.map((c) => ({
      code: c.code,
      passed: c.passed,
      params: { ...c.params },
      message: describeIssue({ code: c.code, params: c.params }, 'en'),
      messageZh: describeIssue({ code: c.code, params: c.params }, 'zh'),
    })),
  };
}

const nominationColumns = (actor: Actor, today: string): Sql =>
  sql`n.id, n.version, n.created_at, n.updated_at, n.program_id, n.candidate_employee_id, n.team_department_id, n.department_id, n.reason, n.state,
    n.eligibility, n.tally, n.decision_note, n.decided_at, p.year, coalesce(u.display_name, '') as nominated_by,
    (select count(*)::int from vote v where v.nomination_id = n.id) as votes_cast,
    (select v.choice from vote v where v.nomination_id = n.id and v.member_employee_id = ${me(actor)}::uuid) as my_vote,
    case when n.candidate_employee_id = ${me(actor)}::uuid then 'self' when ce.supervisor_path @> array[${me(actor)}]::uuid[] then 'line' else 'other' end as f_subject,
    n.nominated_by_user_id = ${actor.userId}::uuid as f_nominator, ${memberOf(actor)} as f_member, ${voteClosedSql(today)} as f_closed,
    p.document->'committee' as committee,
    case when n.tally is null and ${voteClosedSql(today)} then coalesce((select jsonb_agg(jsonb_build_object('memberId', v.member_employee_id, 'choice', v.choice)) from vote v where v.nomination_id = n.id), '[]'::jsonb) end as closed_votes`;

const NOMINATION_FROM = sql`nomination n join honor_program p on p.id = n.program_id left join employee ce on ce.id = n.candidate_employee_id left join app_user u on u.id = n.nominated_by_user_id`;

export function toNominationNode(r: Record<string, unknown>): NominationNode {
  const node: NominationNode = {
    __typename: 'Nomination',
    id: r.id as string,
    version: r.version as number,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    programId: r.program_id as string,
    candidateId: (r.candidate_employee_id as string | null) ?? null,
    teamId: (r.team_department_id as string | null) ?? null,
    departmentId: r.department_id as string,
    year: r.year as number,
    state: r.state as NominationStateValue,
    reason: r.reason as string,
    nominatedBy: r.nominated_by as string,
    decisionNote: (r.decision_note as string | null) ?? null,
    decidedAt: r.decided_at ? toDate(r.decided_at) : null,
    eligibility: eligibilityView((r.eligibility as HonorEligibility | null) ?? null),
    votesCast: r.votes_cast as number,
    // Stored at the decision; computed from the votes once the vote has closed (the chair decides on it).
    tally: (r.tally as Tally | null) ?? (r.closed_votes ? tallyVotes({ committee: r.committee } as HonorProgram, r.closed_votes as Array<{ memberId: string; choice: VoteChoice }>) : null),
    myVote: (r.my_vote as VoteChoiceEnum | null) ?? null,
  };
  const facts: NominationFacts = { candidate: r.f_subject as SubjectRelation, nominatedByActor: r.f_nominator === true, actorIsMember: r.f_member === true, voteClosed: r.f_closed === true };
  return withFacts(node, facts);
}

/** The nominations an actor may list: HR all; members the ballot of their programs; nominators their own. */
export function nominationScopeSql(actor: Actor): Sql | null | 'none' {
  const scope = nominationRowScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return 'none';
  const parts: Sql[] = [];
  if (scope.asMember) parts.push(sql`(${memberOf(actor)} and n.state in ('shortlisted', 'approved', 'rejected', 'awarded'))`);
  if (scope.asNominator) parts.push(sql`n.nominated_by_user_id = ${actor.userId}::uuid`);
  return parts.length ? sql`(${join(parts, ' or ')})` : 'none';
}

export const nominationListing = defineListing({
  query: 'nominations',
  access: nominationAccess,
  filters: { programId: 'program', state: 'state', departmentId: 'department' },
  search: [{ field: 'candidate', sql: raw('ce.name') }],
  sorts: {
    CREATED_AT: { field: 'createdAt', sql: raw('n.created_at') },
    STATE: { field: 'state', sql: raw('n.state') },
    APPROVALS: { field: 'tally', sql: raw(`coalesce((n.tally->>'approve')::int, -1)`) },
  },
  defaultSort: [{ field: 'CREATED_AT', direction: SortDirection.ASC }],
  id: raw('n.id'),
});

/** One page of the nominations the actor may list (facts, turnout and the actor's own vote in the same statement). */
export async function listNominations(ctx: RequestContext, args: NominationsArgs, info: GraphQLResolveInfo): Promise<Page<NominationNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, nominationListing, args);
  const scope = nominationScopeSql(actor);
  if (scope === 'none') return Page.empty();
  const f = args.filter;
  const where = [...(scope ? [scope] : [])];
  if (f?.programId) where.push(sql`n.program_id = ${f.programId}::uuid`);
  if (f?.state) where.push(sql`n.state = ${f.state}`);
  if (f?.departmentId) where.push(sql`n.department_id = ${f.departmentId}::uuid`);
  return fetchPage(ctx.db, { select: nominationColumns(actor, ctx.clock.today()), from: NOMINATION_FROM, where }, checked, selectedHere(info).has('totalCount'), toNominationNode);
}

/** Nominations by id within the actor's scope. */
export async function nominationsInScope(ctx: RequestContext, ids: readonly string[]): Promise<NominationNode[]> {
  const actor = requireActor(ctx);
  const scope = nominationScopeSql(actor);
  if (scope === 'none' || !ids.length) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${nominationColumns(actor, ctx.clock.today())} from ${NOMINATION_FROM} where n.id = any(${ids}::uuid[])${scope ? sql` and ${scope}` : empty} order by n.created_at, n.id`,
  );
  return rows.map(toNominationNode);
}

/** One nomination in scope, else NOT_FOUND. */
export async function nominationInScope(ctx: RequestContext, id: string): Promise<NominationNode> {
  const found = (await nominationsInScope(ctx, [id]))[0];
  if (!found) throw notFound('Nomination', id);
  return found;
}

/** The nominations of some programs within the actor's scope (HonorProgram.nominations; one statement per page of programs). */
export async function nominationsOfPrograms(ctx: RequestContext, programIds: readonly string[]): Promise<NominationNode[]> {
  const actor = requireActor(ctx);
  const scope = nominationScopeSql(actor);
  if (scope === 'none' || !programIds.length) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select ${nominationColumns(actor, ctx.clock.today())} from ${NOMINATION_FROM} where n.program_id = any(${programIds}::uuid[])${scope ? sql` and ${scope}` : empty} order by n.created_at, n.id`,
  );
  return rows.map(toNominationNode);
}

// ---- votes ------------------------------------------------------------------------------------------

/** The votes of some nominations the actor may see: their own; after the vote closes, members' and HR's all. */
export async function votesOf(ctx: RequestContext, nominationIds: readonly string[]): Promise<VoteNode[]> {
  const actor = requireActor(ctx);
  const scope = voteRowScope(actor);
  if (scope.kind === 'none' || !nominationIds.length) return [];
  const today = ctx.clock.today();
  const own = sql`v.member_employee_id = ${me(actor)}::uuid`;
  const closed = scope.all ? voteClosedSql(today) : sql`(${voteClosedSql(today)} and ${memberOf(actor)})`;
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select v.id, v.nomination_id, v.member_employee_id, v.choice, v.cast_at, ${own} as f_own, ${memberOf(actor)} as f_member, ${voteClosedSql(today)} as f_closed
        from vote v join nomination n on n.id = v.nomination_id join honor_program p on p.id = n.program_id
        where v.nomination_id = any(${nominationIds}::uuid[]) and ((${own}${scope.member ? empty : sql` and false`}) or ${closed})
        order by v.cast_at, v.id`,
  );
  return rows.map((r) => {
    const node: VoteNode = { __typename: 'Vote', id: r.id as string, nominationId: r.nomination_id as string, memberId: r.member_employee_id as string, choice: r.choice as VoteChoiceEnum, castAt: toDate(r.cast_at) };
    const facts: VoteFacts = { ownVote: r.f_own === true, actorIsMember: r.f_member === true, voteClosed: r.f_closed === true };
    return withFacts(node, facts);
  });
}

// ---- awards -----------------------------------------------------------------------------------------

/** The awards of some programs: HR all; everyone else once announced. */
export async function awardsOfPrograms(ctx: RequestContext, programIds: readonly string[]): Promise<AwardNode[]> {
  const actor = requireActor(ctx);
  if (!programIds.length) return [];
  const hr = actor.roles.includes('HR');
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`select a.id, a.program_id, a.recipient_employee_id, a.team_department_id, a.title, a.citation, a.announced_at,
          a.recipient_employee_id = ${me(actor)}::uuid as f_recipient, p.state = 'announced' as f_announced
        from award a join honor_program p on p.id = a.program_id
        where a.program_id = any(${programIds}::uuid[])${hr ? empty : sql` and p.state = 'announced'`} order by a.announced_at, a.id`,
  );
  return rows.map((r) => {
    const node: AwardNode = {
      __typename: 'Award',
      id: r.id as string,
      programId: r.program_id as string,
      recipientId: (r.recipient_employee_id as string | null) ?? null,
      teamId: (r.team_department_id as string | null) ?? null,
      title: r.title as AwardNode['title'],
      citation: r.citation as string,
      announcedAt: toDate(r.announced_at),
    };
    const facts: AwardFacts = { recipientIsActor: r.f_recipient === true, announced: r.f_announced === true };
    return withFacts(node, facts);
  });
}

// ---- candidates' records ----------------------------------------------------------------------------

/** A finalized result row: a published cycle's latest published result (never pay), or a roll-up result. */
export interface CandidateResultRow extends CandidateResultView {
  employeeId: string;
  periodKind: string;
}

/**
 * The finalized results of some people, newest period first: per appraisal of a published or closed cycle its latest
 * published result (total and final grade, not the pay), and the year roll-ups. An appraisal under appeal is left out.
 */
export async function resultsOfPeople(ctx: Pick<RequestContext, 'db'>, employeeIds: readonly string[]): Promise<CandidateResultRow[]> {
  if (!employeeIds.length) return [];
  const rows = await ctx.db.rows<{ employee_id: string; period_key: string; period_kind: string; cycle_name: string; scheme_name: string; total: string; grade: string | null }>(
    sql`select * from (
          select distinct on (pr.appraisal_id) a.employee_id, c.period_key, c.period_kind, c.name as cycle_name, s.name as scheme_name,
            trim_scale(pr.total)::text as total, coalesce(a.final_grade, pr.grade) as grade, c.period_end, pr.created_at
          from published_result pr join appraisal a on a.id = pr.appraisal_id join cycle c on c.id = pr.cycle_id join scheme s on s.id = c.scheme_id
          where a.employee_id = any(${employeeIds}::uuid[]) and c.state in ('published', 'closed') and a.state <> 'appealed'
          order by pr.appraisal_id, pr.created_at desc) pub
        union all
        select * from (
          select distinct on (rr.employee_id, rr.scheme_id, rr.period_key) rr.employee_id, rr.period_key, 'YEAR' as period_kind, rr.rollup_id as cycle_name, s.name as scheme_name,
            trim_scale(rr.value)::text as total, rr.grade, (rr.period_key || '-12-31')::date as period_end, rr.created_at
          from rollup_result rr join scheme s on s.id = rr.scheme_id
          where rr.employee_id = any(${employeeIds}::uuid[]) and rr.period_key ~ '^[0-9]{4}$'
          order by rr.employee_id, rr.scheme_id, rr.period_key, rr.number desc) roll
        order by period_end desc, created_at desc`,
  );
  return rows.map((r) => ({ employeeId: r.employee_id, periodKey: r.period_key, periodKind: r.period_kind, cycleName: r.cycle_name, schemeName: r.scheme_name, total: r.total, grade: r.grade }));
}

/** The annual result of a year among a person's results: a YEAR cycle's or a year roll-up's. */
export function annualOf(results: readonly CandidateResultRow[], employeeId: string, year: number): CandidateResultRow | undefined {
  return results.find((r) => r.employeeId === employeeId && r.periodKind === 'YEAR' && r.periodKey === String(year));
}

/** Honours some people received in announced programs. */
export async function honorsOfPeople(ctx: Pick<RequestContext, 'db'>, employeeIds: readonly string[]): Promise<Array<CandidateHonorView & { employeeId: string }>> {
  if (!employeeIds.length) return [];
  const rows = await ctx.db.rows<{ employee_id: string; year: number; title: CandidateHonorView['title'] }>(
    sql`select a.recipient_employee_id as employee_id, p.year, a.title from award a join honor_program p on p.id = a.program_id
        where a.recipient_employee_id = any(${employeeIds}::uuid[]) and p.state = 'announced' order by p.year desc, a.id`,
  );
  return rows.map((r) => ({ employeeId: r.employee_id, year: r.year, title: r.title }));
}
