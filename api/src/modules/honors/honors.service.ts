import {
  type Actor,
  awardEntries,
  canManageHonors,
  canNominate,
  canVote,
  type CandidateFacts,
  candidateEligibility,
  checkDecisionRecord,
  checkHonorProgram,
  checkNomination,
  checkVote,
  type DomainIssue,
  type EmployeeFacts,
  type HonorEligibility,
  type HonorProgram,
  type HonorProgramAction,
  type HonorProgramState,
  honorProgramWorkflow,
  type InboxItem,
  type LedgerRule,
  nextState,
  type NominationAction,
  type NominationState,
  nominationWorkflow,
  selectHonors,
  type SelectionCandidate,
  type SubjectRelation,
  tallyVotes,
  taskTitle,
  teamEligibility,
  type Tally,
  type VoteChoice,
} from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { AppError, forbidden, notFound, staleRecord } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { postAwardEntries } from '../ledger/ledger-awards.service.js';
import { conventionOf, problemsWithParams } from '../ledger/ledger.service.js';
import { completeInboxTasks, deliverInbox } from '../notifications/inbox.service.js';
import { Department } from '../org/department.entity.js';
import { Employee } from '../org/employee.entity.js';
import { Award, HonorProgramRecord, Nomination, Vote } from './honors.entity.js';
import { annualOf, nominationInScope, programInScope, resultsOfPeople, voteClosedSql } from './honors.read.js';
import type { HonorDecisionInput, HonorProgramNode, NominateInput, NominationNode } from './honors.types.js';

const staleConflict = () => staleRecord();

const fail = (issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = []): never => {
  throw new AppError('VALIDATION_FAILED', issues.map((i) => i.message).join('; ') || 'invalid', problemsWithParams(issues, prefix));
};

const stepIssue = (issue: { code: string; message: string; params?: Record<string, unknown> }, path: string[]): DomainIssue => ({ code: issue.code, message: issue.message, params: (issue.params ?? {}) as DomainIssue['params'], path });

function requireHR(ctx: RequestContext, what: string): Actor {
  const actor = requireActor(ctx);
  if (!canManageHonors(actor)) throw forbidden(what);
  return actor;
}

/** The catalog rules a program names (reward and disciplinary rules), for checkHonorProgram. */
async function catalogFor(ctx: Pick<RequestContext, 'db'>, doc: unknown): Promise<LedgerRule[]> {
  const d = (doc ?? {}) as { reward?: { ruleCode?: unknown } | null; eligibility?: { disciplinaryRuleCodes?: unknown } };
  const codes = [d.reward?.ruleCode, ...(Array.isArray(d.eligibility?.disciplinaryRuleCodes) ? d.eligibility.disciplinaryRuleCodes : [])].filter((c): c is string => typeof c === 'string');
  if (!codes.length) return [];
  const rows = await ctx.db.rows<{ document: LedgerRule }>(sql`select document from ledger_rule where code = any(${codes}::text[])`);
  return rows.map((r) => r.document);
}

async function lockedProgram(em: EntityManager, id: string, version?: number): Promise<HonorProgramRecord> {
  const program = await em.findOne(HonorProgramRecord, { id }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
  if (!program) throw notFound('HonorProgram', id);
  if (version !== undefined && program.version !== version) throw staleConflict();
  return program;
}

// ---- programs ---------------------------------------------------------------------------------------

/** Creates (no id) or changes a draft program from an HonorProgram document (HR), validated by the domain against the catalog. */
export async function saveHonorProgram(ctx: RequestContext, document: unknown, id: string | null | undefined, version: number | null | undefined): Promise<HonorProgramNode> {
  const actor = requireHR(ctx, 'honor programs');
  const checked = checkHonorProgram(document, await catalogFor(ctx, document));
  if (!checked.ok) fail(checked.issues, ['document']);
  const doc = (checked as { ok: true; value: HonorProgram }).value;
  const savedId = await inTransaction(ctx, async (em) => {
    if (id) {
      const program = await lockedProgram(em, id, version ?? -1);
      if (program.state !== 'draft') fail([{ code: 'honor_program_not_draft', message: 'only a draft program is edited', params: { state: program.state }, path: ['id'] }]);
      const before = snapshot(program);
      Object.assign(program, { code: doc.code, year: doc.year, kind: doc.kind, document: doc });
      await em.flush();
      recordAudit(em, ctx, { operation: 'saveHonorProgram', entityType: 'HonorProgram', entityId: program.id, before, after: snapshot(program) });
      return program.id;
    }
    if (await em.findOne(HonorProgramRecord, { code: doc.code })) fail([{ code: 'honor_program_code_taken', message: `a program ${doc.code} exists`, params: { code: doc.code }, path: ['code'] }], ['document']);
    const program = em.create(HonorProgramRecord, { code: doc.code, year: doc.year, kind: doc.kind, document: doc, createdByUserId: actor.userId });
    await em.flush();
    recordAudit(em, ctx, { operation: 'saveHonorProgram', entityType: 'HonorProgram', entityId: program.id, after: snapshot(program) });
    return program.id;
  });
  return programInScope(ctx, savedId);
}

/** Counts of a program's nominations by state. */
async function nominationCounts(em: EntityManager, programId: string): Promise<Record<string, number>> {
  const rows = (await em.execute(`select state, count(*)::int as n from nomination where program_id = ? group by state`, [programId])) as Array<{ state: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Whether the vote of a program is closed now (window past, or every member voted on every candidate). */
async function voteClosed(ctx: RequestContext, programId: string): Promise<boolean> {
  const rows = await ctx.db.rows<{ closed: boolean }>(sql`select ${voteClosedSql(ctx.clock.today())} as closed from honor_program p where p.id = ${programId}::uuid`);
  return rows[0]?.closed === true;
}

/**
 * HR's steps of a program (open nominations, close them, open the vote, announce, cancel) through the domain's
 * workflow. Opening the vote gives each member a `vote` task per candidate; announcing creates the awards, their
 * ledger rewards (through the ledger) and an announcement item in everyone's inbox, in one transaction.
 */
export async function transitionHonorProgram(ctx: RequestContext, id: string, version: number, action: HonorProgramAction, reason: string | null | undefined): Promise<HonorProgramNode> {
  const actor = requireHR(ctx, 'honor program steps');
  await inTransaction(ctx, async (em) => {
    const program = await lockedProgram(em, id, version);
    const counts = await nominationCounts(em, id);
    const valid = checkHonorProgram(program.document, await catalogFor(ctx, program.document));
    const step = nextState(honorProgramWorkflow, program.state, action, {
      roles: [...actor.roles],
      programValid: valid.ok,
      unreviewedNominations: counts.nominated ?? 0,
      shortlisted: counts.shortlisted ?? 0,
      reason: reason?.trim() ?? '',
    });
    if (!step.ok) fail([stepIssue({ ...step.issue, params: { ...step.issue.params, count: counts.nominated ?? 0 } }, ['action'])]);
    const to = (step as { ok: true; to: HonorProgramState }).to;
    const before = snapshot(program);
    if (action === 'announce') await announce(em, ctx, program);
    program.state = to;
    if (action === 'cancel') program.cancelReason = reason?.trim() ?? null;
    if (action === 'announce') program.announcedAt = ctx.clock.now();
    await em.flush();
    if (action === 'open_voting') await deliverVoteTasks(em, program);
    recordAudit(em, ctx, { operation: `transitionHonorProgram.${action}`, entityType: 'HonorProgram', entityId: id, before, after: snapshot(program) });
  });
  return programInScope(ctx, id);
}

/** A `vote` task per member and candidate on the ballot (keyed, so a second delivery is a no-op). */
async function deliverVoteTasks(em: EntityManager, program: HonorProgramRecord): Promise<void> {
  const rows = (await em.execute(
    `select n.id, coalesce(e.name, d.name) as name, coalesce(e.name, coalesce(d.name_zh, d.name)) as name_zh from nomination n
       left join employee e on e.id = n.candidate_employee_id left join department d on d.id = n.team_department_id
      where n.program_id = ? and n.state = 'shortlisted'`,
    [program.id],
  )) as Array<{ id: string; name: string; name_zh: string }>;
  const now = new Date().toISOString();
  const items: InboxItem[] = [];
  for (const n of rows)
    for (const member of program.document.committee.memberIds)
      items.push({ key: `vote:${n.id}:${member}`, recipientId: member, kind: 'task', taskKind: 'vote', title: taskTitle('vote', { en: n.name, zh: n.name_zh }), link: { type: 'Nomination', id: n.id }, due: program.document.votingWindow.closes, createdAt: now });
  await deliverInbox(em, items);
}

/**
 * The announcement: per approved nomination an award (title and citation from the program), the domain's
 * `awardEntries` priced by the reward rule and posted as approved ledger entries, the nomination `awarded`; then one
 * announcement item in the inbox of every active employee (a notice once notices exist).
 */
async function announce(em: EntityManager, ctx: RequestContext, program: HonorProgramRecord): Promise<void> {
  const doc = program.document;
  const approved = await em.find(Nomination, { program: program.id, state: 'approved' }, { orderBy: { createdAt: 'asc' }, populate: ['candidateEmployee', 'teamDepartment'] });
  const announcedAt = ctx.clock.now();
  const today = ctx.clock.today();
  let rule: { document: LedgerRule; revision: number } | undefined;
  if (doc.reward) {
    const rows = (await em.execute(`select document, revision from ledger_rule where code = ?`, [doc.reward.ruleCode])) as Array<{ document: LedgerRule; revision: number }>;
    rule = rows[0];
    if (!rule) fail([{ code: 'honor_reward_rule', message: `no rule ${doc.reward.ruleCode}`, params: { code: doc.reward.ruleCode }, path: ['reward', 'ruleCode'] }]);
  }
  for (const n of approved) {
    const recipients = n.candidateEmployee
      ? [{ id: n.candidateEmployee.id, departmentId: n.department.id }]
      : ((await em.execute(`select id, department_id from employee where department_id = ? and active`, [n.teamDepartment?.id])) as Array<{ id: string; department_id: string }>).map((r) => ({ id: r.id, departmentId: r.department_id }));
    const who = n.candidateEmployee?.name ?? n.teamDepartment?.name ?? '';
    const citation = `${doc.title.en} — ${who}`;
    const award = em.create(Award, { program, nomination: n, recipientEmployee: n.candidateEmployee, teamDepartment: n.teamDepartment, title: doc.title, citation, announcedAt });
    await em.flush();
    if (rule) {
      const convention = await conventionOf(ctx, rule.document, today);
      const priced = awardEntries(doc, rule.document, { awardId: award.id, recipients: recipients.map((r) => r.id), announcedOn: today, citation }, convention);
      if (!priced.ok) fail(priced.issues, ['reward']);
      const departmentOf = new Map(recipients.map((r) => [r.id, r.departmentId]));
      const drafts = (priced as Extract<typeof priced, { ok: true }>).value.map((p) => ({ ...p, departmentId: departmentOf.get(p.employeeId) as string }));
      await postAwardEntries(em, ctx, rule.document, rule.revision, drafts, today);
    }
    const step = nextState(nominationWorkflow, n.state, 'award', { roles: ['HR'], announced: true });
    if (!step.ok) fail([stepIssue(step.issue, ['nominations'])]);
    n.state = (step as { ok: true; to: NominationState }).to;
    n.awardId = award.id;
    await em.flush();
    recordAudit(em, ctx, { operation: 'announceHonors.award', entityType: 'Award', entityId: award.id, after: snapshot(award) });
  }
  const people = (await em.execute(`select id from employee where active`)) as Array<{ id: string }>;
  const title = { en: `${doc.title.en}: results announced`, zh: `${doc.title.zh}：评选结果公布` };
  await deliverInbox(
    em,
    people.map((p) => ({ key: `honors:${program.id}:${p.id}`, recipientId: p.id, kind: 'notice' as const, title, link: { type: 'HonorProgram' as const, id: program.id }, createdAt: announcedAt.toISOString() })),
  );
}

// ---- nominations ------------------------------------------------------------------------------------

interface PersonRow {
  id: string;
  department_id: string;
  hire_date: string;
  employment_status: EmployeeFacts['employmentStatus'];
  probation_end_date: string | null;
  category: string | null;
  position_id: string;
  position_level: string | null;
  disciplinary_flag: boolean;
  disciplined: boolean;
}

/**
 * What the engine needs about people for a program year: the annual result (a YEAR cycle's published result or a
 * year roll-up, not under appeal), a disciplinary decision in the year (an approved, unreversed entry of one of the
 * program's punishment rules dated in the year), hire date and the employee record.
 */
export async function candidateFacts(ctx: Pick<RequestContext, 'db'>, doc: HonorProgram, employeeIds: readonly string[]): Promise<CandidateFacts[]> {
  if (!employeeIds.length) return [];
  const codes = doc.eligibility.disciplinaryRuleCodes ?? [];
  const from = `${doc.year}-01-01`;
  const to = `${doc.year}-12-31`;
  const people = await ctx.db.rows<PersonRow>(
    sql`select e.id, e.department_id, e.hire_date::text as hire_date, e.employment_status, e.probation_end_date::text as probation_end_date, e.category, e.position_id,
          pos.level as position_level, e.disciplinary_flag,
          exists (select 1 from ledger_entry le where le.employee_id = e.id and le.rule_code = any(${codes}::text[]) and le.kind = 'punishment'
                    and le.status in ('approved', 'paid') and le.occurred_on between ${from}::date and ${to}::date
                    and not exists (select 1 from ledger_entry r where r.reverses_id = le.id and r.status in ('approved', 'paid'))) as disciplined
        from employee e left join position pos on pos.id = e.position_id where e.id = any(${employeeIds}::uuid[])`,
  );
  const results = await resultsOfPeople(ctx, employeeIds);
  return people.map((p) => {
    const annual = annualOf(results, p.id, doc.year);
    return {
      employeeId: p.id,
      departmentId: p.department_id,
      hireDate: p.hire_date,
      ...(annual ? { annual: { cycleId: annual.cycleName, schemeCode: annual.schemeName, periodKey: annual.periodKey, total: annual.total, ...(annual.grade ? { grade: annual.grade } : {}) } } : {}),
      disciplinaryDecisionInYear: p.disciplined,
      employee: {
        employmentStatus: p.employment_status,
        onProbation: p.employment_status === 'PROBATION' || (p.probation_end_date !== null && p.probation_end_date > to),
        specialApproval: false,
        disciplinaryDecision: p.disciplinary_flag || p.disciplined,
        ...(p.category ? { category: p.category } : {}),
        ...(p.position_level ? { positionLevel: p.position_level } : {}),
        departmentId: p.department_id,
        positionId: p.position_id,
      },
    };
  });
}

/** The engine's eligibility of a nomination's candidate (a person, or a team's active members). */
async function eligibilityOf(ctx: Pick<RequestContext, 'db'>, doc: HonorProgram, candidateEmployeeId: string | null, teamDepartmentId: string | null): Promise<HonorEligibility> {
  if (candidateEmployeeId) {
    const facts = (await candidateFacts(ctx, doc, [candidateEmployeeId]))[0];
    if (!facts) throw notFound('Employee', candidateEmployeeId);
    return candidateEligibility(doc, facts);
  }
  const members = await ctx.db.rows<{ id: string }>(sql`select id from employee where department_id = ${teamDepartmentId}::uuid and active order by id`);
  return teamEligibility(doc, await candidateFacts(ctx, doc, members.map((m) => m.id)));
}

/**
 * A supervisor (their line) or HR (anyone) nominates a candidate with a written reason while nominations are open.
 * The engine's eligibility is computed at once and stored with the nomination, so an ineligible one shows why.
 */
export async function nominate(ctx: RequestContext, input: NominateInput): Promise<NominationNode> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.rows<{ id: string; state: string; document: HonorProgram }>(sql`select id, state, document from honor_program where id = ${input.programId}::uuid`);
  const program = rows[0];
  if (!program) throw notFound('HonorProgram', input.programId);
  const doc = program.document;
  const team = doc.kind === 'team';
  const me = actor.employeeId ?? '00000000-0000-0000-0000-000000000000';
  // A team's relation to the nominator is its head's: the team is in the line when the nominator supervises someone in it or works in it.
  const subjectRows = team
    ? await ctx.db.rows<{ subject: SubjectRelation; department_id: string }>(
        sql`select case when exists (select 1 from employee e where e.department_id = d.id and (e.supervisor_path @> array[${me}]::uuid[] or e.id = ${me}::uuid)) then 'line' else 'other' end as subject, d.id as department_id
            from department d where d.id = ${input.candidateId}::uuid`,
      )
    : await ctx.db.rows<{ subject: SubjectRelation; department_id: string }>(
        sql`select case when e.id = ${me}::uuid then 'self' when e.supervisor_path @> array[${me}]::uuid[] then 'line' else 'other' end as subject, e.department_id from employee e where e.id = ${input.candidateId}::uuid`,
      );
  const subject = subjectRows[0];
  if (!subject) throw notFound(team ? 'Department' : 'Employee', input.candidateId);
  // HR nominates anyone and supervisors their line; other cases are named by checkNomination (self, not in line).
  if (!canManageHonors(actor) && !actor.roles.includes('SUPERVISOR')) throw forbidden('nominating');
  const existing = await ctx.db.rows<{ n: number }>(
    sql`select count(*)::int as n from nomination where program_id = ${program.id}::uuid and state <> 'withdrawn' and ${team ? sql`team_department_id` : sql`candidate_employee_id`} = ${input.candidateId}::uuid`,
  );
  const issues = checkNomination(doc, { candidateId: input.candidateId, reason: input.reason }, { today: ctx.clock.today(), candidate: subject.subject, nominatorIsHR: canManageHonors(actor), alreadyNominated: (existing[0]?.n ?? 0) > 0 });
  if (program.state !== 'nominating' && !issues.some((i) => i.code === 'honor_nominations_closed'))
    issues.unshift({ code: 'honor_nominations_closed', message: 'nominations are not open', params: { opens: doc.nominationWindow.opens, closes: doc.nominationWindow.closes, today: ctx.clock.today() }, path: [] });
  if (issues.length) fail(issues);
  if (!canNominate(actor, subject.subject)) throw forbidden('nominating this candidate');
  const eligibility = await eligibilityOf(ctx, doc, team ? null : input.candidateId, team ? input.candidateId : null);
  const id = await inTransaction(ctx, async (em) => {
    const nomination = em.create(Nomination, {
      program: em.getReference(HonorProgramRecord, program.id),
      candidateEmployee: team ? null : em.getReference(Employee, input.candidateId),
      teamDepartment: team ? em.getReference(Department, input.candidateId) : null,
      department: em.getReference(Department, subject.department_id),
      nominatedByUserId: actor.userId,
      reason: input.reason.trim(),
      eligibility,
    });
    await em.flush().catch((error: unknown) => {
      if (error instanceof Error && /nomination_program_(candidate|team)_unique/.test(error.message)) fail([{ code: 'honor_already_nominated', message: 'the candidate is already nominated in this program', params: { candidateId: input.candidateId }, path: ['candidateId'] }]);
      throw error;
    });
    recordAudit(em, ctx, { operation: 'nominate', entityType: 'Nomination', entityId: nomination.id, after: snapshot(nomination) });
    return nomination.id;
  });
  return nominationInScope(ctx, id);
}

async function lockedNomination(em: EntityManager, id: string, version?: number): Promise<Nomination> {
  const nomination = await em.findOne(Nomination, { id }, { lockMode: 4, populate: ['program'] });
  if (!nomination) throw notFound('Nomination', id);
  if (version !== undefined && nomination.version !== version) throw staleConflict();
  return nomination;
}

function nominationStep(from: string, action: NominationAction, facts: Record<string, unknown>, path: string[]): NominationState {
  const step = nextState(nominationWorkflow, from, action, facts as never);
  if (!step.ok) fail([stepIssue(step.issue, path)]);
  return (step as { ok: true; to: NominationState }).to;
}

/** The nominator withdraws their nomination before the vote opens. */
export async function withdrawNomination(ctx: RequestContext, id: string, version: number): Promise<NominationNode> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (em) => {
    const n = await lockedNomination(em, id, version);
    if (n.nominatedByUserId !== actor.userId && !canManageHonors(actor)) throw notFound('Nomination', id);
    if (n.program.state === 'voting' || n.program.state === 'decided' || n.program.state === 'announced')
      fail([{ code: 'honor_voting_closed', message: 'the vote has started', params: n.program.document.votingWindow, path: ['id'] }]);
    const before = snapshot(n);
    n.state = nominationStep(n.state, 'withdraw', { roles: [...actor.roles], isNominator: n.nominatedByUserId === actor.userId }, ['id']);
    await em.flush();
    recordAudit(em, ctx, { operation: 'withdrawNomination', entityType: 'Nomination', entityId: id, before, after: snapshot(n) });
  });
  return nominationInScope(ctx, id);
}

/**
 * HR's eligibility review: the engine checks the candidate again (results may have been published since), the
 * nomination is shortlisted onto the ballot when eligible, else declared ineligible with the failed checks.
 */
export async function reviewNomination(ctx: RequestContext, id: string, version: number): Promise<NominationNode> {
  const actor = requireHR(ctx, 'reviewing nominations');
  const rows = await ctx.db.rows<{ candidate_employee_id: string | null; team_department_id: string | null; document: HonorProgram; state: string }>(
    sql`select n.candidate_employee_id, n.team_department_id, p.document, p.state from nomination n join honor_program p on p.id = n.program_id where n.id = ${id}::uuid`,
  );
  const row = rows[0];
  if (!row) throw notFound('Nomination', id);
  if (row.state !== 'nominating' && row.state !== 'reviewing') fail([{ code: 'honor_review_closed', message: 'nominations are reviewed before the vote opens', params: { state: row.state }, path: ['id'] }]);
  const eligibility = await eligibilityOf(ctx, row.document, row.candidate_employee_id, row.team_department_id);
  await inTransaction(ctx, async (em) => {
    const n = await lockedNomination(em, id, version);
    const before = snapshot(n);
    n.state = nominationStep(n.state, eligibility.eligible ? 'shortlist' : 'declare_ineligible', { roles: [...actor.roles], candidateEligible: eligibility.eligible }, ['id']);
    n.eligibility = eligibility;
    n.reviewedByUserId = actor.userId;
    await em.flush();
    recordAudit(em, ctx, { operation: 'reviewNomination', entityType: 'Nomination', entityId: id, before, after: snapshot(n) });
  });
  return nominationInScope(ctx, id);
}

// ---- votes and the decision -------------------------------------------------------------------------

/**
 * A member's vote on a candidate of the ballot while the vote is open. A vote is final: a second vote (or a change)
 * is refused with `honor_already_voted` — the unique (nomination, member) index is the backstop under a race, and the
 * `vote` table is append-only. The member's `vote` task for the candidate is done.
 */
export async function castVote(ctx: RequestContext, nominationId: string, choice: VoteChoice): Promise<NominationNode> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.rows<{ program_id: string; program_state: string; state: string; document: HonorProgram; voted: boolean }>(
    sql`select n.program_id, p.state as program_state, n.state, p.document,
          exists (select 1 from vote v where v.nomination_id = n.id and v.member_employee_id = ${actor.employeeId ?? '00000000-0000-0000-0000-000000000000'}::uuid) as voted
        from nomination n join honor_program p on p.id = n.program_id where n.id = ${nominationId}::uuid`,
  );
  const row = rows[0];
  const isMember = row !== undefined && actor.employeeId !== null && row.document.committee.memberIds.includes(actor.employeeId);
  if (!row || !canVote(actor, isMember)) throw forbidden('voting on this candidate');
  const issues = checkVote(row.document, choice, { today: ctx.clock.today(), memberId: actor.employeeId as string, onBallot: row.state === 'shortlisted' && row.program_state === 'voting', alreadyVoted: row.voted });
  if (row.program_state !== 'voting' && !issues.some((i) => i.code === 'honor_voting_closed'))
    issues.unshift({ code: 'honor_voting_closed', message: 'the vote is not open', params: { opens: row.document.votingWindow.opens, closes: row.document.votingWindow.closes, today: ctx.clock.today() }, path: [] });
  if (issues.length) fail(issues);
  await inTransaction(ctx, async (em) => {
    const vote = em.create(Vote, { nomination: em.getReference(Nomination, nominationId), memberEmployee: em.getReference(Employee, actor.employeeId as string), choice, castAt: ctx.clock.now() });
    await em.flush().catch((error: unknown) => {
      if (error instanceof Error && error.message.includes('vote_nomination_id_member_employee_id_unique')) fail([{ code: 'honor_already_voted', message: 'each member votes once per candidate', params: {}, path: ['choice'] }]);
      throw error;
    });
    // The audit keeps who voted and when; the choice stays out of it (votes are secret until the vote closes).
    recordAudit(em, ctx, { operation: 'castVote', entityType: 'Vote', entityId: vote.id, after: { nominationId, castAt: vote.castAt } });
    await completeInboxTasks(em, 'Nomination', nominationId, actor.employeeId as string);
  });
  return nominationInScope(ctx, nominationId);
}

/**
 * The chair records the committee's decision once the vote is closed: every candidate on the ballot is approved
 * (carried by the program's rule and within the quotas of `selectHonors`) or rejected with a note; the tallies are
 * stored with the nominations, and the program moves to `decided` with the minutes.
 */
export async function recordHonorDecision(ctx: RequestContext, programId: string, version: number, minutes: string, decisions: readonly HonorDecisionInput[]): Promise<HonorProgramNode> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.rows<{ document: HonorProgram; state: string }>(sql`select document, state from honor_program where id = ${programId}::uuid`);
  const current = rows[0];
  const isMember = current !== undefined && actor.employeeId !== null && current.document.committee.memberIds.includes(actor.employeeId);
  if (!current || !isMember) throw notFound('HonorProgram', programId);
  const doc = current.document;
  const isChair = actor.employeeId === doc.committee.chairId;
  const closed = await voteClosed(ctx, programId);
  const recordIssues = checkDecisionRecord(doc, { chairId: actor.employeeId as string, minutes, decidedOn: ctx.clock.today() }, { allVoted: closed });
  if (!isChair || !closed) fail(recordIssues.filter((i) => i.code === 'honor_not_chair' || i.code === 'honor_vote_open'));
  const ballot = await ctx.db.rows<{ id: string; candidate_employee_id: string | null; team_department_id: string | null; department_id: string; state: string }>(
    sql`select id, candidate_employee_id, team_department_id, department_id, state from nomination where program_id = ${programId}::uuid and state = 'shortlisted' order by created_at, id`,
  );
  const votes = await ctx.db.rows<{ nomination_id: string; member_employee_id: string; choice: VoteChoice }>(
    sql`select v.nomination_id, v.member_employee_id, v.choice from vote v join nomination n on n.id = v.nomination_id where n.program_id = ${programId}::uuid`,
  );
  const scores = await resultsOfPeople(ctx, ballot.map((b) => b.candidate_employee_id).filter((x): x is string => x !== null));
  const tallies = new Map<string, Tally>(ballot.map((b) => [b.id, tallyVotes(doc, votes.filter((v) => v.nomination_id === b.id).map((v) => ({ memberId: v.member_employee_id, choice: v.choice })))]));
  const candidates: SelectionCandidate[] = ballot.map((b) => {
    const score = b.candidate_employee_id ? annualOf(scores, b.candidate_employee_id, doc.year)?.total : undefined;
    return { nominationId: b.id, candidateId: b.candidate_employee_id ?? b.team_department_id ?? b.id, departmentId: b.department_id, tally: tallies.get(b.id) as Tally, ...(score ? { score } : {}) };
  });
  const selection = selectHonors(doc, candidates);
  const within = new Set(selection.awarded.map((c) => c.nominationId));
  const issues: DomainIssue[] = [...recordIssues];
  const byId = new Map(decisions.map((d) => [d.nominationId, d]));
  const undecided = ballot.filter((b) => !byId.has(b.id)).length;
  const planned = new Map<string, { to: NominationState; note: string | null }>();
  decisions.forEach((d, i) => {
    if (!ballot.some((b) => b.id === d.nominationId)) {
      issues.push({ code: 'honor_not_on_ballot', message: 'the candidate is not on the ballot', params: {}, path: ['decisions', i, 'nominationId'] });
      return;
    }
    const note = d.note?.trim() ?? '';
    const step = nextState(nominationWorkflow, 'shortlisted', d.decision, {
      roles: [...actor.roles],
      isChair,
      voteClosed: closed,
      outcome: tallies.get(d.nominationId)?.outcome,
      withinQuota: within.has(d.nominationId),
      decisionNote: note,
    } as never);
    if (!step.ok) issues.push(stepIssue(step.issue, ['decisions', String(i), step.issue.code === 'nomination_decision_note' ? 'note' : 'decision']));
    else planned.set(d.nominationId, { to: step.to as NominationState, note: note || null });
  });
  const programStep = nextState(honorProgramWorkflow, current.state, 'record_decision', { roles: [...actor.roles], isChair, voteClosed: closed, undecided, minutes: minutes.trim() });
  if (!programStep.ok && !issues.some((i) => i.code === programStep.issue.code)) issues.push(stepIssue({ ...programStep.issue, params: { ...programStep.issue.params, count: undecided } }, ['decisions']));
  if (issues.length) fail(issues);
  await inTransaction(ctx, async (em) => {
    const program = await lockedProgram(em, programId, version);
    const before = snapshot(program);
    const now = ctx.clock.now();
    for (const [nid, plan] of planned) {
      const n = await lockedNomination(em, nid);
      n.state = plan.to;
      n.tally = tallies.get(nid) ?? null;
      n.decisionNote = plan.note;
      n.decidedAt = now;
    }
    program.state = (programStep as { ok: true; to: HonorProgramState }).to;
    program.minutes = minutes.trim();
    program.decidedByUserId = actor.userId;
    program.decidedAt = now;
    await em.flush();
    recordAudit(em, ctx, { operation: 'recordHonorDecision', entityType: 'HonorProgram', entityId: programId, before, after: { ...snapshot(program), decisions: [...planned].map(([id, p]) => ({ id, state: p.to })) } });
  });
  return programInScope(ctx, programId);
}
