/**
 * Demo appeals on the demo cycles' published results, through the same services employees and HR use:
 * - the cafeteria's September 2026: the cook with the lowest score appeals the safety item, HR upholds it on the day
 *   (decided on time): the result is re-scored as version 2, the old one kept, pay reversed and re-issued; closed;
 * - the nursing ward's October 2026: NUMED002 appealed six working days ago, so the answer is due in one working day;
 *   under review with a statement asked of the head nurse (NUMED00); flagged on HR's desk and in HR's inbox;
 * - NUMED003 appealed the same month and withdrew after talking it through.
 * employee@ (NUMED001) keeps an unappealed October result, so the console's appeal form has something to appeal.
 */
import { type Actor, addWorkingDays, buildWorkCalendar } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Clock, fixedClock, systemClock } from '../core/clock.js';
import { createRequestContext, type RequestContext } from '../core/context.js';
import { createReadDb, type ReadDb, sql } from '../core/db.js';
import { noJobs } from '../core/jobs.js';
import { createLogger } from '../core/logger.js';
import { addAppealNote, closeAppeal, decideAppeal, fileAppeal, requestStatement, runAppealFlags, startAppealReview, withdrawAppeal } from '../modules/appeals/appeal.service.js';
import { AppealOutcomeValue } from '../modules/appeals/appeal.types.js';
import { loadCalendarYears } from '../modules/calendar/calendar.service.js';

export interface DemoAppealsSummary {
  appeals: number;
  ms: number;
}

interface Ctx {
  hr: RequestContext;
  as(employeeNumber: string): RequestContext;
  clock: Clock & { set(today: string): void };
  db: ReadDb;
}

async function contexts(rootEm: EntityManager, today: string): Promise<Ctx | null> {
  const db = createReadDb({ em: rootEm });
  const clock = fixedClock(today);
  const log = createLogger('silent');
  const context = (actor: Actor) => createRequestContext({ requestId: 'seed-demo', actor, em: rootEm.fork() as RequestContext['em'], db, log, clock, jobs: noJobs });
  const hr = (await db.rows<{ id: string; employee_id: string }>(sql`select id, employee_id from app_user where email = 'hr@demo.local'`))[0];
  if (!hr) return null;
  const people = new Map((await db.rows<{ id: string; employee_number: string; user_id: string | null; roles: string[] | null }>(
    sql`select e.id, e.employee_number, u.id as user_id, u.roles from employee e left join app_user u on u.employee_id = e.id`,
  )).map((p) => [p.employee_number, p]));
  return {
    hr: context({ userId: hr.id, employeeId: hr.employee_id, roles: ['HR', 'EMPLOYEE'] }),
    as: (n) => {
      const p = people.get(n);
      if (!p) throw new Error(`demo appeals: no employee ${n}`);
      return context({ userId: p.user_id ?? p.id, employeeId: p.id, roles: (p.roles ?? ['EMPLOYEE']) as Actor['roles'] });
    },
    clock,
    db,
  };
}

async function appraisalOf(db: ReadDb, cycleName: string, employeeNumber: string | null): Promise<{ id: string; number: string } | null> {
  const rows = await db.rows<{ id: string; number: string }>(
    sql`select a.id, e.employee_number as number from appraisal a join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id
          join appraisal_result r on r.id = a.result_id
         where c.name = ${cycleName} and a.state = 'published' ${employeeNumber ? sql`and e.employee_number = ${employeeNumber}` : sql``}
         order by r.total, e.employee_number limit 1`,
  );
  return rows[0] ?? null;
}

/** Seeds the demo appeals (≈1 s); does nothing when the demo cycles are absent or appeals exist. */
export async function seedDemoAppeals(rootEm: EntityManager, options: { today?: string } = {}): Promise<DemoAppealsSummary> {
  const started = Date.now();
  const today = options.today ?? systemClock.today();
  const run = await contexts(rootEm, today);
  if (!run) return { appeals: 0, ms: 0 };
  if (((await run.db.rows<{ n: number }>(sql`select count(*)::int as n from appeal`))[0]?.n ?? 0) > 0) return { appeals: 0, ms: 0 };
  let appeals = 0;

  // Cafeteria: filed, reviewed and upheld the same day (well before the 7 working days are up), then closed. The
  // cafeteria staff write Chinese (as in their honors nominations), and so does HR answering them.
  const cook = await appraisalOf(run.db, 'Cafeteria September 2026', null);
  if (cook) {
    const filed = await fileAppeal(run.as(cook.number), { appraisalId: cook.id, grounds: '9 月 12 日的安全检查是误报（燃气阀门当时已关闭），安全项不应扣分。' });
    let a = await startAppealReview(run.hr, filed.id, filed.version);
    a = await addAppealNote(run.hr, a.id, '维修记录证实阀门已关闭，报警系传感器故障所致。');
    a = await decideAppeal(run.hr, a.id, a.version, {
      outcome: AppealOutcomeValue.UPHELD,
      reason: '扣分依据的是故障传感器的报警，安全项恢复满分。',
      correction: { description: '安全项 10 分（满分 10 分），撤销误报扣分。', items: [{ section: 'monthly', role: 'DIRECT_SUPERVISOR', item: 'safety', points: '10' }] },
    });
    await closeAppeal(run.hr, a.id, a.version);
    appeals++;
  }

  // Nursing: filed six working days ago (due tomorrow, a working day), under review, a statement asked of the head nurse.
  const calendar = buildWorkCalendar(await loadCalendarYears(run.db));
  const dueSoon = addWorkingDays(calendar, today, 1);
  let filedOn = today;
  for (let d = new Date(`${today}T00:00:00Z`); ; d.setUTCDate(d.getUTCDate() - 1)) {
    const day = d.toISOString().slice(0, 10);
    if (addWorkingDays(calendar, day, 7) <= dueSoon) {
      filedOn = day;
      break;
    }
  }
  const nurse = await appraisalOf(run.db, 'Nursing October 2026', 'NUMED002');
  if (nurse) {
    run.clock.set(filedOn);
    const filed = await fileAppeal(run.as('NUMED002'), { appraisalId: nurse.id, grounds: 'The patient survey counted a complaint about the night shift of 14 October, when I was on leave.', attachments: [{ name: 'leave-approval.pdf', contentType: 'application/pdf', size: 48213, sha256: 'f3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }] });
    run.clock.set(today);
    const a = await startAppealReview(run.hr, filed.id, filed.version);
    const headNurse = (await run.db.rows<{ id: string }>(sql`select id from employee where employee_number = 'NUMED00'`))[0];
    if (headNurse) await requestStatement(run.hr, a.id, { raterEmployeeId: headNurse.id, question: 'Was NUMED002 on the night shift of 14 October?', sharedExcerpt: 'Complaint about the night shift of 14 October (the nurse says she was on leave).', dueWorkingDays: 1 });
    appeals++;
  }

  // Nursing: filed and withdrawn.
  const third = await appraisalOf(run.db, 'Nursing October 2026', 'NUMED003');
  if (third) {
    const filed = await fileAppeal(run.as('NUMED003'), { appraisalId: third.id, grounds: 'The theory exam mark looks low.' });
    await withdrawAppeal(run.as('NUMED003'), filed.id, filed.version, 'The head nurse showed me the marked exam; the mark is right.');
    appeals++;
  }
  await runAppealFlags(run.hr);
  return { appeals, ms: Date.now() - started };
}
