import { type Actor, computeRollup, type HonorProgram, seedPrograms } from '@appraisal/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { fixedClock } from '../core/clock.js';
import { createRequestContext, type RequestContext } from '../core/context.js';
import { createReadDb } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { RollupResult } from '../modules/cycles/appraisal.entity.js';
import { castVote, nominate, reviewNomination, saveHonorProgram, transitionHonorProgram } from '../modules/honors/honors.service.js';
import type { HonorProgramActionValue, VoteChoiceEnum } from '../modules/honors/honors.types.js';
import { Employee } from '../modules/org/employee.entity.js';
import { Scheme } from '../modules/schemes/scheme.entity.js';

// Reasons are in Chinese like the people who write them (the console's strict Chinese walk reads them as content).
/** The cafeteria's 2025 annual results (the average of twelve monthly totals) and why each person is on the ballot. */
const ANNUAL_2025: ReadonlyArray<readonly [employeeNumber: string, annual: number]> = [
  ['CF002', 93],
  ['CFC001', 95],
  ['CFC002', 91],
  ['CFC003', 89],
  ['CFC004', 76],
  ['CFH001', 87],
  ['CFH002', 82],
];
/** Twelve monthly deviations around the annual total (summing to zero, so the average is the annual total). */
const MONTHLY = [2, -2, 1, -1, 3, -3, 0, 0, 1, -1, 2, -2];

const NOMINATIONS: ReadonlyArray<readonly [employeeNumber: string, reason: string]> = [
  ['CF002', '食堂改造期间保障供餐从未中断，并带出三名新厨师。'],
  ['CFC001', '全年菜品质量评分第一，推出医院提出的低盐菜单。'],
  ['CFC002', '连续两个月顶岗夜班，卫生检查零扣分。'],
  ['CFC003', '乐于助人，2025 年零投诉。'],
  ['CFH001', '重新整理冷库，食材浪费减少五分之一。'],
  ['CFC009', '新员工干劲足，就餐人员评价很好。'],
];

/** Votes of the four other members on every candidate; committee@demo.local (the chair) has voted on the first two. */
const MEMBER_VOTES: Record<string, VoteChoiceEnum[]> = {
  HQO002: ['approve', 'approve', 'approve', 'reject', 'abstain'] as VoteChoiceEnum[],
  HQO003: ['approve', 'approve', 'reject', 'approve', 'approve'] as VoteChoiceEnum[],
  HQO004: ['approve', 'abstain', 'approve', 'reject', 'reject'] as VoteChoiceEnum[],
  HQO005: ['approve', 'approve', 'approve', 'approve', 'reject'] as VoteChoiceEnum[],
};
const CHAIR_VOTES = ['approve', 'approve'] as VoteChoiceEnum[];

const day = (base: string, days: number): string => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The honors demo: the cafeteria's 2025 annual results (year roll-ups computed by the domain's `computeRollup` from
 * twelve monthly totals: the demo has no 2025 cycles), and "Excellent employees 2025" in voting through the services —
 * HR's program (five members, committee@demo.local chairs), six nominations (one ineligible with its failed checks),
 * five on the ballot, the four other members' votes on all of them and the chair's on two. The windows are set around
 * today so the vote is open whenever the demo starts.
 */
export async function seedDemoHonors(rootEm: EntityManager, today: string): Promise<void> {
  const em = rootEm.fork();
  const db = createReadDb({ em: rootEm } as unknown as MikroORM);
  const people = new Map((await em.find(Employee, { employeeNumber: { $in: ['CF002', 'CFC001', 'CFC002', 'CFC003', 'CFC004', 'CFC009', 'CFH001', 'CFH002', 'HQO001', 'HQO002', 'HQO003', 'HQO004', 'HQO005'] } })).map((e) => [e.employeeNumber, e]));
  const id = (n: string) => (people.get(n) as Employee).id;
  const scheme = await em.findOneOrFail(Scheme, { code: 'cafeteria' });
  await em.transactional(async (tx) => {
    for (const [number, annual] of ANNUAL_2025) {
      const months = new Map(MONTHLY.map((delta, i) => [`2025-${String(i + 1).padStart(2, '0')}`, { own: String(annual + delta) }]));
      const record = computeRollup(seedPrograms.cafeteria, 'annual', '2025', months);
      if (!record.ok) throw new Error(`demo roll-up ${number}: ${record.issues.map((i) => i.message).join('; ')}`);
      tx.create(RollupResult, { employee: tx.getReference(Employee, id(number)), scheme: tx.getReference(Scheme, scheme.id), rollupId: 'annual', periodKey: '2025', number: 1, value: record.value.value, grade: record.value.grade ?? null, record: record.value as unknown as Record<string, unknown> });
    }
    recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'RollupResult', entityId: 'demo-2025', after: { people: ANNUAL_2025.length } });
  });

  const hrUser = (await em.getConnection().execute<Array<{ id: string; employee_id: string }>>(`select id, employee_id from app_user where email = 'hr@demo.local'`))[0];
  const chairUser = (await em.getConnection().execute<Array<{ id: string }>>(`select id from app_user where email = 'committee@demo.local'`))[0];
  if (!hrUser || !chairUser) throw new Error('demo accounts missing');
  const clock = fixedClock(day(today, -20));
  const ctxOf = (actor: Actor): RequestContext => createRequestContext({ requestId: 'seed-demo-honors', actor, em: em.fork(), db, log: createLogger('warn'), clock });
  const hr = ctxOf({ userId: hrUser.id, employeeId: hrUser.employee_id, roles: ['HR', 'EMPLOYEE'] });
  const members = ['HQO001', 'HQO002', 'HQO003', 'HQO004', 'HQO005'].map(id);
  const doc: HonorProgram = {
    code: 'EE-2025',
    year: 2025,
    kind: 'employee',
    name: { en: 'Excellent employees 2025', zh: '2025 年度优秀员工评选' },
    eligibility: { acceptedGrades: ['A'], minScore: '85', noDisciplinaryDecision: true, disciplinaryRuleCodes: [], minTenureMonths: 12 },
    quotas: { overall: 3, perDepartment: 2 },
    committee: { memberIds: members, chairId: id('HQO001'), quorum: 3, decision: 'majorityOfMembers' },
    nominationWindow: { opens: day(today, -30), closes: day(today, -10) },
    votingWindow: { opens: day(today, -7), closes: day(today, 21) },
    reward: { ruleCode: 'group.honorExcellentEmployee', amount: '2000' },
    title: { en: 'Excellent employee of 2025', zh: '2025 年度优秀员工' },
  };
  let program = await saveHonorProgram(hr, doc, null, null);
  const step = async (action: string) => {
    program = await transitionHonorProgram(hr, program.id, program.version, action as HonorProgramActionValue, null);
  };
  await step('open_nominations');
  const nominations: string[] = [];
  for (const [number, reason] of NOMINATIONS) nominations.push((await nominate(hr, { programId: program.id, candidateId: id(number), reason })).id);
  clock.set(day(today, -9));
  await step('close_nominations');
  for (const n of nominations) {
    const version = (await em.getConnection().execute<Array<{ version: number }>>(`select version from nomination where id = ?`, [n]))[0]?.version as number;
    await reviewNomination(hr, n, version);
  }
  await step('open_voting');
  clock.set(day(today, -3));
  const ballot = nominations.slice(0, 5);
  for (const [number, choices] of Object.entries(MEMBER_VOTES)) {
    const member = ctxOf({ userId: randomUUID(), employeeId: id(number), roles: ['COMMITTEE'] });
    for (const [i, choice] of choices.entries()) await castVote(member, ballot[i] as string, choice);
  }
  const chair = ctxOf({ userId: chairUser.id, employeeId: id('HQO001'), roles: ['COMMITTEE'] });
  for (const [i, choice] of CHAIR_VOTES.entries()) await castVote(chair, ballot[i] as string, choice);
}
