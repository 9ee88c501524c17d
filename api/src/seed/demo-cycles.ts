/**
 * Demo appraisal cycles, run through the same services HR, raters and employees use (an HR context, and each
 * rater's own context for their ratings), so every total, grade, pay line and explanation is the engine's:
 * - nursing (Internal Medicine ward): September 2026 published and closed, October 2026 published and waiting for
 *   acknowledgements, November 2026 in the rating phase (the director of nursing — supervisor@ — has ratings to do,
 *   nurse NUMED001 — employee@ — a self-review to write); head nurse and nursing department ratings, the patient
 *   survey entered as measured input, calibrated to the 30/50/20 quotas by the engine's proposal;
 * - headquarters (three Finance accountants): January and February 2026 and the first quarter published with floating
 *   pay and the bonus pool split to the cent, and the Q1 roll-up (month1 + month2) x 20% + quarter x 60%;
 * - the cafeteria's September 2026 with pay by band, the hotel audit department's 26 November 2026, the
 *   workshop's October 2026 (26 September - 25 October) with output pay by work-ticket hours;
 * - two probation reviews due within 30 days of the demo day.
 * Periods are fixed (tests rely on them); the windows of the open cycle and the acknowledgement due dates count
 * from the day the demo is seeded, so a fresh start always has work to do.
 */
import type { Actor, ItemInput } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Clock, fixedClock, systemClock } from '../core/clock.js';
import { createRequestContext, type RequestContext } from '../core/context.js';
import { createReadDb, type ReadDb, sql } from '../core/db.js';
import type { JobQueue } from '../core/jobs.js';
import { createLogger } from '../core/logger.js';
import { applyCalibrationProposal } from '../modules/cycles/calibration.service.js';
import { changePopulation, createCycle, launchCycle, runLaunch, transitionCycle } from '../modules/cycles/cycle.service.js';
import { CycleActionValue, CyclePhaseName } from '../modules/cycles/cycle.types.js';
import { setGroupAmounts } from '../modules/cycles/group-amounts.service.js';
import { GroupAmountKind } from '../modules/cycles/group-amounts.types.js';
import { closeCycle, publishCycle, WHOLE_CYCLE_GROUP } from '../modules/cycles/publish.service.js';
import { saveMeasuredInputs } from '../modules/cycles/measured-input.service.js';
import { MeasuredInputKindValue } from '../modules/cycles/measured-input.types.js';
import { writeRating } from '../modules/cycles/rating.service.js';
import { runRollupJob } from '../modules/cycles/rollup.service.js';
import { writeSelfReview } from '../modules/cycles/self-review.service.js';
import { startProbationReview } from '../modules/probation/probation.service.js';
import { SchemePeriod } from '../modules/schemes/scheme.entity.js';

export interface DemoCyclesOptions {
  /** The demo's today (Asia/Shanghai); windows still to come and acknowledgement due dates count from it. */
  today?: string;
}

export interface DemoCyclesSummary {
  cycles: number;
  published: number;
  ms: number;
  /** CPU time of this process (the API side; PostgreSQL's is not counted). */
  cpuMs: number;
  /** Milliseconds per program. */
  timings: Record<string, number>;
}

type Items = Record<string, ItemInput>;
type RatingRow = { id: string; version: number; section: string; role: string; source: string; rater: string | null; subject: string; appraisal_id: string };

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Runs the tasks with a few at a time (each its own context and transaction). */
async function inParallel(tasks: ReadonlyArray<() => Promise<unknown>>, width = 4): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const task = tasks[next++] as () => Promise<unknown>;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
}

/** The demo runner: an HR context, each rater's context, the clock moved to each step's day, jobs run inline. */
class DemoRun {
  readonly clock: Clock & { set(today: string): void };
  private readonly log = createLogger('silent');
  private readonly jobs: JobQueue;
  hrActor!: Actor;
  employees = new Map<string, string>();
  users = new Map<string, { userId: string; roles: string[] }>();
  departments = new Map<string, string>();
  schemeVersions = new Map<string, string>();

  constructor(
    private readonly rootEm: EntityManager,
    readonly db: ReadDb,
    readonly today: string,
  ) {
    this.clock = fixedClock(today);
    // The launch and roll-up jobs run inline here: the seed has no job runner, and the same code runs either way.
    this.jobs = {
      send: async (name: string, data: unknown) => {
        const { cycleId } = data as { cycleId: string };
        if (name === 'cycle.launch') await runLaunch(this.context(null), cycleId);
        else if (name === 'rollup.compute') await runRollupJob(this.context(null), cycleId);
        else throw new Error(`the demo seed does not run ${name}`);
      },
    };
  }

  async load(): Promise<void> {
    const hr = (await this.db.rows<{ id: string; employee_id: string; roles: string[] }>(sql`select id, employee_id, roles from app_user where email = 'hr@demo.local'`))[0];
    if (!hr) throw new Error('demo cycles: no hr@demo.local');
    this.hrActor = { userId: hr.id, employeeId: hr.employee_id, roles: ['HR', 'EMPLOYEE'] };
    for (const e of await this.db.rows<{ id: string; employee_number: string }>(sql`select id, employee_number from employee`)) this.employees.set(e.employee_number, e.id);
    for (const u of await this.db.rows<{ id: string; employee_id: string | null; roles: string[] }>(sql`select id, employee_id, roles from app_user where employee_id is not null`))
      if (u.employee_id) this.users.set(u.employee_id, { userId: u.id, roles: u.roles });
    for (const d of await this.db.rows<{ id: string; code: string }>(sql`select id, code from department`)) this.departments.set(d.code, d.id);
    for (const v of await this.db.rows<{ id: string; code: string }>(sql`select v.id, s.code from scheme_version v join scheme s on s.id = v.scheme_id where v.number = s.latest_version_number`))
      this.schemeVersions.set(v.code, v.id);
  }

  context(actor: Actor | null): RequestContext {
    return createRequestContext({ requestId: 'seed-demo', actor, em: this.rootEm.fork() as RequestContext['em'], db: this.db, log: this.log, clock: this.clock, jobs: this.jobs });
  }

  get hr(): RequestContext {
    return this.context(this.hrActor);
  }

  /** A person acting for themselves: their account when they have one, else on their own behalf (the seed signs nobody in). */
  as(employeeId: string): RequestContext {
    const user = this.users.get(employeeId);
    return this.context({ userId: user?.userId ?? employeeId, employeeId, roles: (user?.roles ?? ['EMPLOYEE', 'SUPERVISOR']) as Actor['roles'] });
  }

  id(employeeNumber: string): string {
    const id = this.employees.get(employeeNumber);
    if (!id) throw new Error(`demo cycles: no employee ${employeeNumber}`);
    return id;
  }

  async version(cycleId: string): Promise<number> {
    return (await this.db.rows<{ version: number }>(sql`select version from cycle where id = ${cycleId}`))[0]?.version ?? 0;
  }

  /** HR creates and launches a cycle; the launch job runs inline. Returns the cycle id. */
  async launch(input: {
    scheme: string;
    name: string;
    nameZh: string;
    period: { kind: SchemePeriod; key?: string; date?: string };
    departments?: string[];
    positions?: string[];
    phases?: Array<{ phase: CyclePhaseName; opens: string; closes: string }>;
    /** People HR takes out before launch, with the reason. */
    remove?: { employees: string[]; reason: string };
  }): Promise<string> {
    const schemeVersionId = this.schemeVersions.get(input.scheme);
    if (!schemeVersionId) throw new Error(`demo cycles: no scheme ${input.scheme}`);
    const positions = input.positions?.length
      ? (await this.db.rows<{ id: string }>(sql`select id from position where code = any(${input.positions}::text[]) order by code`)).map((p) => p.id)
      : [];
    const created = await createCycle(this.hr, {
      schemeVersionId,
      name: input.name,
      nameZh: input.nameZh,
      period: input.period,
      targetDepartmentIds: (input.departments ?? []).map((d) => this.departments.get(d) as string),
      targetPositionIds: positions,
      ...(input.phases ? { phaseOverrides: input.phases } : {}),
    });
    let version = created.version;
    if (input.remove) {
      const reason = input.remove.reason;
      await changePopulation(this.hr, created.id, version, input.remove.employees.map((n) => ({ employeeId: this.id(n), action: 'remove', reason })));
      version = await this.version(created.id);
    }
    await launchCycle(this.hr, created.id, version);
    return created.id;
  }

  /** Moves the clock to the last day of a phase of the cycle (inside its window, whatever the calendar did to it). */
  async atPhase(cycleId: string, phase: string): Promise<void> {
    const row = (await this.db.rows<{ closes: string }>(sql`select closes::text as closes from cycle_phase where cycle_id = ${cycleId} and phase = ${phase}`))[0];
    if (!row) throw new Error(`demo cycles: no ${phase} phase`);
    this.clock.set(row.closes);
  }

  /** The day after the cycle's last phase closes (when HR publishes a past period). */
  async afterPhases(cycleId: string): Promise<string> {
    const row = (await this.db.rows<{ closes: string }>(sql`select max(closes)::text as closes from cycle_phase where cycle_id = ${cycleId}`))[0];
    return addDays(row?.closes ?? this.today, 1);
  }

  async step(cycleId: string, action: CycleActionValue): Promise<void> {
    await transitionCycle(this.hr, cycleId, await this.version(cycleId), action, null);
  }

  async ratings(cycleId: string): Promise<RatingRow[]> {
    return this.db.rows<RatingRow>(
      sql`select r.id, r.version, r.section, r.role, r.source, r.rater_employee_id as rater, e.employee_number as subject, r.appraisal_id
          from rating r join appraisal a on a.id = r.appraisal_id join employee e on e.id = a.employee_id
          where a.cycle_id = ${cycleId} and r.state in ('pending', 'draft') order by e.employee_number, r.slot_key`,
    );
  }

  /** Every pending person rating (not SELF) submitted by its own rater with the items `form` gives (a few at a time, as raters do). */
  async rate(cycleId: string, form: (r: RatingRow) => Items | null, comment?: (r: RatingRow) => string | null): Promise<number> {
    const work: Array<() => Promise<unknown>> = [];
    for (const r of await this.ratings(cycleId)) {
      const rater = r.rater;
      if (r.source !== 'PERSON' || r.role === 'SELF' || !rater) continue;
      const items = form(r);
      if (!items) continue;
      const text = comment?.(r) ?? null;
      work.push(() => writeRating(this.as(rater), r.id, r.version, { items, ...(text ? { comment: text } : {}) }, 'submit'));
    }
    await inParallel(work);
    return work.length;
  }

  /** The patient survey as HR enters it: each person's satisfied and returned questionnaires (measured input; the result follows when every rating is in). */
  async enterSurvey(cycleId: string, item: string, values: (employeeNumber: string) => Record<string, string>): Promise<void> {
    await inParallel(
      (await this.appraisals(cycleId)).map((a) => () =>
        saveMeasuredInputs(this.hr, {
          cycleId,
          employeeId: a.employee_id,
          kinds: [MeasuredInputKindValue.ITEM_VALUES],
          entries: [{ kind: MeasuredInputKindValue.ITEM_VALUES, item, values: Object.entries(values(a.employee_number)).map(([name, value]) => ({ name, value })) }],
        }),
      ),
    );
  }

  /** Each worker's output group and work tickets (hours and completion level), as the team leaders record them. */
  async enterWorkTickets(cycleId: string, facts: Map<string, { groupId: string; tickets: Array<{ ticket: string; hours: string; level: string }> }>): Promise<void> {
    await inParallel(
      [...facts].map(([employeeId, f]) => () =>
        saveMeasuredInputs(this.hr, {
          cycleId,
          employeeId,
          kinds: [MeasuredInputKindValue.PAY_FACT, MeasuredInputKindValue.WORK_TICKET],
          entries: [
            { kind: MeasuredInputKindValue.PAY_FACT, values: [{ name: 'groupId', value: f.groupId }] },
            ...f.tickets.map((t) => ({ kind: MeasuredInputKindValue.WORK_TICKET, ticket: t.ticket, hours: t.hours, level: t.level })),
          ],
        }),
      ),
    );
  }

  async selfReview(appraisalId: string, employeeId: string, text: { achievements: string; problems: string; plans: string }, scores: Array<{ section: string; items: Items }> | null, mode: 'save' | 'submit'): Promise<void> {
    const version = (await this.db.rows<{ version: number }>(sql`select version from appraisal where id = ${appraisalId}`))[0]?.version ?? 0;
    await writeSelfReview(this.as(employeeId), appraisalId, version, { ...text, ...(scores ? { scores } : {}) }, mode);
  }

  async appraisals(cycleId: string): Promise<Array<{ id: string; employee_id: string; employee_number: string }>> {
    return this.db.rows(sql`select a.id, a.employee_id, e.employee_number from appraisal a join employee e on e.id = a.employee_id where a.cycle_id = ${cycleId} and a.state <> 'excluded' order by e.employee_number`);
  }

  /** Calibration (the engine's proposal brings each group within its quotas) and publication on `day`. */
  async calibrateAndPublish(cycleId: string, day: string | null, options: { proposal?: boolean; pool?: string; outputValue?: string } = {}): Promise<void> {
    this.clock.set(day ?? (await this.afterPhases(cycleId)));
    await this.step(cycleId, CycleActionValue.START_CALIBRATION);
    if (options.proposal) await applyCalibrationProposal(this.hr, cycleId, await this.version(cycleId), null);
    const amounts = [
      ...(options.pool ? [{ groupKey: WHOLE_CYCLE_GROUP, kind: GroupAmountKind.POOL, amount: options.pool }] : []),
      ...(options.outputValue ? [{ groupKey: WHOLE_CYCLE_GROUP, kind: GroupAmountKind.OUTPUT_VALUE, amount: options.outputValue }] : []),
    ];
    if (amounts.length) await setGroupAmounts(this.hr, cycleId, await this.version(cycleId), amounts);
    await publishCycle(this.hr, cycleId, await this.version(cycleId));
  }
}

/** Ten 0-10 head nurse items adding up to `score`. */
function headNurseItems(score: number): Items {
  const ids = ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'];
  let left = score;
  return Object.fromEntries(
    ids.map((id, i) => {
      const share = Math.min(10, Math.ceil(left / (ids.length - i)));
      left -= share;
      return [id, { points: String(share) }];
    }),
  );
}

/** The nursing department's items for a score out of 100; a failed theory exam (below 18 of 30) when asked. */
function departmentItems(score: number, failTheory = false): Items {
  const theory = failTheory ? 15 : Math.round(score * 0.3);
  const ethics = Math.min(40, Math.round(score * 0.4));
  return { medicalEthics: { points: String(ethics) }, theoryExam: { points: String(theory) }, operationExam: { points: String(Math.max(0, Math.min(30, score - ethics - theory))) } };
}

/** Scores of the Internal Medicine ward per month: more excellent than the 30% quota allows, so calibration moves some. */
const WARD: Record<string, number> = {
  NUMED00: 93, NUMED001: 92, NUMED002: 95, NUMED003: 91, NUMED004: 94, NUMED005: 86, NUMED006: 84, NUMED007: 88,
  NUMED008: 76, NUMED009: 72, NUMED010: 83, NUMED011: 85, NUMED012: 82, NUMED013: 76, NUMED014: 72, NUMED015: 68,
};
/** The ward's day team appraised in September and October (the night team rotates to the Surgery ward's appraisal). */
const NIGHT_TEAM = ['NUMED010', 'NUMED011', 'NUMED012', 'NUMED013', 'NUMED014', 'NUMED015'];
/** The worked example of Part 3 for NUMED001 in October: head nurse 92, department 87 (38 + 24 + 25), 48 of 50 patients satisfied. */
const OCTOBER_NUMED001 = { head: [10, 9, 9, 9, 10, 9, 9, 9, 9, 9], dept: ['38', '24', '25'], satisfied: '48', returned: '50' };

async function nursing(run: DemoRun): Promise<{ cycles: string[] }> {
  const month = async (key: string, name: string, nameZh: string, shift: number) => {
    const cycleId = await run.launch({
      scheme: 'nursing',
      name,
      nameZh,
      period: { kind: SchemePeriod.MONTH, key },
      departments: ['NURSING-MED'],
      remove: { employees: NIGHT_TEAM, reason: 'Night team on rotation: appraised with the Surgery ward this month.' },
    });
    await run.step(cycleId, CycleActionValue.SKIP_SELF_REVIEW);
    await run.atPhase(cycleId, 'rating');
    const score = (n: string) => Math.max(0, Math.min(100, (WARD[n] ?? 80) + shift));
    await run.enterSurvey(cycleId, 'patientSatisfaction', (n) =>
      key === '2026-10' && n === 'NUMED001' ? { satisfied: OCTOBER_NUMED001.satisfied, returned: OCTOBER_NUMED001.returned } : { satisfied: String(score(n)), returned: '100' },
    );
    await run.rate(
      cycleId,
      (r) => {
        const example = key === '2026-10' && r.subject === 'NUMED001';
        if (r.section === 'headNurse')
          return example ? Object.fromEntries(Object.keys(headNurseItems(0)).map((id, i) => [id, { points: String(OCTOBER_NUMED001.head[i]) }])) : headNurseItems(score(r.subject));
        if (example) return { medicalEthics: { points: OCTOBER_NUMED001.dept[0] as string }, theoryExam: { points: OCTOBER_NUMED001.dept[1] as string }, operationExam: { points: OCTOBER_NUMED001.dept[2] as string } };
        // NUMED004 failed the theory exam in October: an excellent total capped at qualified.
        return departmentItems(score(r.subject), key === '2026-10' && r.subject === 'NUMED004');
      },
      (r) => (r.section === 'headNurse' ? `Monthly assessment of ${r.subject}: steady ward work.` : null),
    );
    return cycleId;
  };
  run.clock.set('2026-09-25');
  const september = await month('2026-09', 'Nursing September 2026', '护理 2026 年 9 月', -1);
  await run.calibrateAndPublish(september, null, { proposal: true });
  await closeCycle(run.hr, september, await run.version(september));

  run.clock.set('2026-10-25');
  const october = await month('2026-10', 'Nursing October 2026', '护理 2026 年 10 月', 0);
  await run.calibrateAndPublish(october, run.today, { proposal: true });

  // November: open in the rating phase today; the self-review window too (texts, no self-scores in nursing).
  run.clock.set(run.today);
  const opens = earlier('2026-11-20', run.today);
  const november = await run.launch({
    scheme: 'nursing',
    name: 'Nursing November 2026',
    nameZh: '护理 2026 年 11 月',
    period: { kind: SchemePeriod.MONTH, key: '2026-11' },
    departments: ['NURSING-MED'],
    phases: [
      { phase: CyclePhaseName.SELF_REVIEW, opens, closes: later('2026-12-04', addDays(run.today, 10)) },
      { phase: CyclePhaseName.RATING, opens, closes: later('2026-12-08', addDays(run.today, 14)) },
    ],
  });
  await run.step(november, CycleActionValue.SKIP_SELF_REVIEW);
  // The head nurse has rated part of the ward; the director of nursing (supervisor@) has every department rating to do.
  const half = new Set(['NUMED002', 'NUMED003', 'NUMED005', 'NUMED006', 'NUMED008']);
  await run.rate(november, (r) => (r.section === 'headNurse' && half.has(r.subject) ? headNurseItems(WARD[r.subject] ?? 85) : null));
  // Colleagues have written their self-reviews; NUMED001 (employee@) has not yet.
  for (const a of await run.appraisals(november)) {
    if (!['NUMED002', 'NUMED003', 'NUMED005'].includes(a.employee_number)) continue;
    await run.selfReview(a.id, a.employee_id, { achievements: 'Led the ward\'s fall-prevention rounds.', problems: 'Night handovers ran late twice.', plans: 'Finish the wound-care course.' }, null, 'submit');
  }
  return { cycles: [september, october, november] };
}

async function headquarters(run: DemoRun): Promise<{ cycles: string[] }> {
  const level = (total: number) => (total >= 95 ? 'outstanding' : total >= 82 ? 'good' : total >= 68 ? 'competent' : 'improve');
  const scale = (v: string): Items => ({ moral: { level: v }, ability: { level: v }, diligence: { level: v }, performance: { level: v } });
  const self = (v: number): Items => ({ self_moral: { points: String(v) }, self_ability: { points: String(v) }, self_diligence: { points: String(v) }, self_performance: { points: String(v) } });
  // Each accountant's month: self-score and the scale level their raters give.
  const base: Record<string, number> = { HQF001: 90, HQF002: 84, HQF003: 72 };
  const run1 = async (key: string, kind: SchemePeriod, name: string, nameZh: string, days: { created: string }, shift: number, pool: string) => {
    run.clock.set(days.created);
    // Three accountants keep the demo small; the other five joined the group's shared service centre this year.
    const cycleId = await run.launch({
      scheme: 'headquarters',
      name,
      nameZh,
      period: { kind, key },
      positions: ['FIN-ACC'],
      remove: { employees: ['HQF004', 'HQF005', 'HQF006', 'HQF007', 'HQF008'], reason: 'Seconded to the shared service centre; appraised there.' },
    });
    await run.step(cycleId, CycleActionValue.START_SELF_REVIEW);
    await run.atPhase(cycleId, 'selfReview');
    await inParallel(
      (await run.appraisals(cycleId)).map((a) => () => {
        const v = Math.min(100, (base[a.employee_number] ?? 80) + shift);
        return run.selfReview(
          a.id,
          a.employee_id,
          { achievements: `Closed the ${name} books on time.`, problems: 'Supplier invoices arrived late.', plans: 'Automate the bank reconciliation.' },
          [{ section: 'self', items: self(v) }],
          'submit',
        );
      }),
    );
    await run.atPhase(cycleId, 'rating');
    await run.step(cycleId, CycleActionValue.START_RATING);
    await run.rate(cycleId, (r) => scale(level(Math.min(100, (base[r.subject] ?? 80) + shift + (r.role === 'HR' ? -3 : 0)))));
    await run.calibrateAndPublish(cycleId, null, { pool });
    return cycleId;
  };
  const january = await run1('2026-01', SchemePeriod.MONTH, 'Headquarters January 2026', '总部 2026 年 1 月', { created: '2026-01-20' }, 0, '10000.00');
  const february = await run1('2026-02', SchemePeriod.MONTH, 'Headquarters February 2026', '总部 2026 年 2 月', { created: '2026-02-20' }, 4, '10000.00');
  // Publishing the quarter computes its roll-up (the rollup.compute job, inline here): (Jan + Feb) x 20% + Q1 x 60%.
  const quarter = await run1('2026-Q1', SchemePeriod.QUARTER, 'Headquarters Q1 2026', '总部 2026 年第一季度', { created: '2026-03-20' }, 2, '30000.00');
  return { cycles: [january, february, quarter] };
}

async function cafeteria(run: DemoRun): Promise<{ cycles: string[] }> {
  run.clock.set('2026-09-25');
  // The day shift (the evening shift's cooks and helpers are appraised by their own head cook next month).
  const eveningShift = ['CFC006', 'CFC007', 'CFC008', 'CFC009', 'CFC010', 'CFH005', 'CFH006', 'CFH007', 'CFH008'];
  const cycleId = await run.launch({
    scheme: 'cafeteria',
    name: 'Cafeteria September 2026',
    nameZh: '食堂 2026 年 9 月',
    period: { kind: SchemePeriod.MONTH, key: '2026-09' },
    departments: ['CAFETERIA'],
    remove: { employees: eveningShift, reason: 'Evening shift: appraised with its own head cook.' },
  });
  const forms: Array<[string, string, string, string, string]> = [
    ['22', '23', '18', '12', '10'], // 85: 100 %
    ['20', '20', '15', '10', '10'], // 75: 80 %
    ['18', '17', '12', '9', '9'], // 65: 60 %
    ['23', '22', '17', '13', '13'], // 88
    ['21', '21', '16', '11', '11'], // 80
    ['15', '15', '12', '9', '8'], // 59: 0 %
  ];
  await run.step(cycleId, CycleActionValue.SKIP_SELF_REVIEW);
  await run.atPhase(cycleId, 'rating');
  let i = 0;
  await run.rate(cycleId, () => {
    const f = forms[i++ % forms.length] as [string, string, string, string, string];
    return { hygiene: { points: f[0] }, foodQuality: { points: f[1] }, service: { points: f[2] }, discipline: { points: f[3] }, safety: { points: f[4] } };
  });
  await run.calibrateAndPublish(cycleId, null);
  return { cycles: [cycleId] };
}

async function hotelAudit(run: DemoRun): Promise<{ cycles: string[] }> {
  run.clock.set('2026-11-26');
  const cycleId = await run.launch({ scheme: 'hotelAudit', name: 'Hotel audit 26 November 2026', nameZh: '酒店审计 2026 年 11 月 26 日', period: { kind: SchemePeriod.DAY, date: '2026-11-26' }, positions: ['AUD-NIGHT', 'AUD-INCOME'] });
  await run.step(cycleId, CycleActionValue.SKIP_SELF_REVIEW);
  await run.atPhase(cycleId, 'rating');
  const days: Array<Record<string, number>> = [{}, { handoverUnclear: 1 }, {}, { complaint: 1 }, {}, { handoverUnclear: 1, complaint: 1 }];
  let i = 0;
  await run.rate(cycleId, () => ({ dailyConduct: { occurrences: days[i++ % days.length] as Record<string, number> } }));
  await run.calibrateAndPublish(cycleId, later('2026-11-27', run.today));
  return { cycles: [cycleId] };
}

async function workshop(run: DemoRun): Promise<{ cycles: string[] }> {
  run.clock.set('2026-10-20');
  // The month's crew: five welders and five integrated workers (the others worked on the other shift's tickets).
  const crew = new Set(['WSW001', 'WSW002', 'WSW003', 'WSW004', 'WSW005', 'WSI001', 'WSI002', 'WSI003', 'WSI004', 'WSI005']);
  const others = [...run.employees.keys()].filter((n) => /^WS[WI]\d{3}$/.test(n) && !crew.has(n));
  const cycleId = await run.launch({
    scheme: 'workshop',
    name: 'Workshop October 2026',
    nameZh: '车间 2026 年 10 月',
    period: { kind: SchemePeriod.MONTH, key: '2026-10' },
    positions: ['WELDER', 'INT-WORKER'],
    remove: { employees: others, reason: 'On the other shift this month: appraised with its crew.' },
  });
  const aspects = ['people', 'machine', 'material', 'method', 'environment'];
  await run.step(cycleId, CycleActionValue.SKIP_SELF_REVIEW);
  await run.atPhase(cycleId, 'rating');
  const points = ['20', '18', '19', '16', '20', '17'];
  let i = 0;
  await run.rate(cycleId, () => {
    const p = points[i++ % points.length] as string;
    return Object.fromEntries(aspects.map((a) => [a, { points: p }]));
  });
  // Work tickets as the team leaders record them: hours and the completion level of each ticket.
  const levels = ['onTime', 'onTime', 'overUpTo2h', 'onTime', 'delivery', 'onTime', 'overMore'];
  const facts = new Map<string, { groupId: string; tickets: Array<{ ticket: string; hours: string; level: string }> }>();
  let k = 0;
  for (const a of await run.appraisals(cycleId)) {
    const group = a.employee_number.startsWith('WSW') ? 'welding' : 'integrated';
    facts.set(a.employee_id, {
      groupId: group,
      tickets: [
        { ticket: `${a.employee_number}-1`, hours: String(120 + (k % 5) * 10), level: 'onTime' },
        { ticket: `${a.employee_number}-2`, hours: String(20 + (k % 3) * 10), level: levels[k % levels.length] as string },
      ],
    });
    k++;
  }
  await run.enterWorkTickets(cycleId, facts);
  await run.calibrateAndPublish(cycleId, null, { outputValue: '100000.00' });
  return { cycles: [cycleId] };
}

async function probations(run: DemoRun): Promise<void> {
  run.clock.set(run.today);
  for (const [number, scheme] of [['CFC009', 'cafeteria'], ['WSI009', 'workshop']] as const)
    await startProbationReview(run.hr, { employeeId: run.id(number), schemeVersionId: run.schemeVersions.get(scheme) as string });
}

/** Seeds the demo cycles (see the module comment). Runs after the organization, schemes and calendar exist. */
export async function seedDemoCycles(rootEm: EntityManager, options: DemoCyclesOptions = {}): Promise<DemoCyclesSummary> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const run = new DemoRun(rootEm, createReadDb({ em: rootEm }), options.today ?? systemClock.today());
  await run.load();
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const out = await work();
    timings[name] = Date.now() - t;
    return out;
  };
  const cycles = [
    ...(await timed('nursing', () => nursing(run))).cycles,
    ...(await timed('headquarters', () => headquarters(run))).cycles,
    ...(await timed('cafeteria', () => cafeteria(run))).cycles,
    ...(await timed('hotelAudit', () => hotelAudit(run))).cycles,
    ...(await timed('workshop', () => workshop(run))).cycles,
  ];
  await timed('probations', () => probations(run));
  const published = (await run.db.rows<{ n: number }>(sql`select count(*)::int as n from cycle where state in ('published', 'closed')`))[0]?.n ?? 0;
  const used = process.cpuUsage(cpu);
  return { cycles: cycles.length, published, ms: Date.now() - started, cpuMs: Math.round((used.user + used.system) / 1000), timings };
}
