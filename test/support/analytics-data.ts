/**
 * Generated results for the analytics tests and bench, written straight into the tables with set-based SQL
 * (generate_series, one statement per table): monthly published cycles of one scheme, one appraisal per person and
 * cycle with a published result and a pay line, one supervisor rating, a self-review and an acknowledgement each,
 * plus one open cycle (rating phase) whose tasks are partly overdue. Values are pseudo-random but deterministic
 * (hashes of the ids), so a test can recompute them from the rows.
 */
export interface AnalyticsDataOptions {
  schemeId: string;
  schemeVersionId: string;
  /** Grades of the scheme, best first. */
  grades: readonly string[];
  /** Published monthly cycles, ending with the month before `lastMonth`. */
  cycles: number;
  /** First day of the month of the open cycle, e.g. '2026-06-01'. */
  lastMonth: string;
  /** Which employees take part (SQL condition on `e`); default: every active employee. */
  employees?: string;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function analyticsDataSql(o: AnalyticsDataOptions): string[] {
  const grades = `array[${o.grades.map(lit).join(',')}]::text[]`;
  const who = o.employees ?? 'e.active';
  const h = (expr: string, mod: number) => `(abs(hashtext(${expr})) % ${mod})`;
  return [
    `create temporary table gen_cycle on commit drop as select gen_random_uuid() as id, m, (date ${lit(o.lastMonth)} - make_interval(months => m))::date as period_start,
       ((date ${lit(o.lastMonth)} - make_interval(months => m - 1))::date - 1) as period_end from generate_series(0, ${o.cycles}) m`,
    `insert into cycle (id, version, created_at, updated_at, scheme_id, scheme_version_id, name, period_kind, period_key, period_start, period_end, state,
       acknowledgement_working_days, vis_supervisor_result, vis_supervisor_pay, vis_subject_ratings, vis_subject_rater_names, launch_status, published_at)
     select g.id, 1, now(), now(), ${lit(o.schemeId)}, ${lit(o.schemeVersionId)}, 'Analytics ' || to_char(g.period_start, 'YYYY-MM'), 'MONTH', 'A' || to_char(g.period_start, 'YYYY-MM'),
       g.period_start, g.period_end, case when g.m = 0 then 'rating' else 'published' end, 5, 'FULL', true, 'FULL', true, 'DONE', case when g.m = 0 then null else g.period_end + 15 end
     from gen_cycle g`,
    `insert into cycle_phase (cycle_id, phase, created_at, updated_at, opens, closes, nominal_closes)
     select g.id, p.phase, now(), now(), g.period_end + 1, g.period_end + p.days, g.period_end + p.days from gen_cycle g cross join (values ('selfReview', 3), ('rating', 7)) p(phase, days)`,
    `insert into appraisal (id, version, created_at, updated_at, cycle_id, employee_id, state, group_key, self_review_state, self_review_submitted_at)
     select gen_random_uuid(), 1, now(), now(), g.id, e.id, 'rating', e.department_id::text,
       case when ${h("e.id::text || g.id::text || 's'", 10)} < 7 then 'SUBMITTED' else 'PENDING' end,
       case when ${h("e.id::text || g.id::text || 's'", 10)} < 7 then (g.period_end + ${h("e.id::text || g.id::text || 'd'", 6)})::timestamp at time zone 'Asia/Shanghai' + interval '10 hours' end
     from gen_cycle g cross join employee e where ${who}`,
    `insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
     select gen_random_uuid(), now(), now(), a.id, 1, ${lit(o.schemeVersionId)}, 'COMPLETE', t.total, (${grades})[least(t.idx, array_length(${grades}, 1))], '{}'::jsonb, 'SUBMISSION'
     from appraisal a join gen_cycle g on g.id = a.cycle_id
     cross join lateral (select round(40 + ${h('a.id::text', 600001)} / 10000.0, 4) as total) t0
     cross join lateral (select t0.total, case when t0.total >= 90 then 1 when t0.total >= 80 then 2 when t0.total >= 70 then 3 when t0.total >= 60 then 4 else 5 end as idx) t`,
    `update appraisal a set result_id = r.id from appraisal_result r where r.appraisal_id = a.id and a.cycle_id in (select id from gen_cycle)`,
    // Published once the result is in (the database keeps a published appraisal's result fixed).
    `update appraisal a set state = 'published', published_at = (g.period_end + 15)::timestamptz, acknowledgement_due = g.period_end + 20,
       acknowledged_at = case when ${h("a.employee_id::text || g.id::text || 'k'", 10)} < 6 then (g.period_end + 16 + ${h("a.employee_id::text || g.id::text || 'k2'", 8)})::timestamp at time zone 'Asia/Shanghai' + interval '9 hours' end
     from gen_cycle g where g.id = a.cycle_id and g.m > 0`,
    `insert into published_result (id, created_at, updated_at, appraisal_id, cycle_id, result_id, total, grade, pay_total, record)
     select gen_random_uuid(), now(), now(), a.id, a.cycle_id, r.id, r.total, r.engine_grade, round(r.total * 12.5, 2), '{}'::jsonb
     from appraisal a join appraisal_result r on r.id = a.result_id where a.published_at is not null and a.cycle_id in (select id from gen_cycle)`,
    `insert into pay_line (id, created_at, updated_at, appraisal_id, cycle_id, employee_id, component, amount)
     select gen_random_uuid(), now(), now(), a.id, a.cycle_id, a.employee_id, 'performance', round(r.total * 12.5, 2)
     from appraisal a join appraisal_result r on r.id = a.result_id where a.published_at is not null and a.cycle_id in (select id from gen_cycle)`,
    // Submitted ratings keep a section score out of 100 or 50; each rater leans by a fixed amount (leniency).
    `insert into rating (id, version, created_at, updated_at, appraisal_id, slot_key, section, role, rater_employee_id, source, state, items, submitted_at, section_score, section_max)
     select gen_random_uuid(), 1, now(), now(), a.id, 'sup', 'main', 'DIRECT_SUPERVISOR', e.supervisor_id, 'PERSON',
       case when ${h("a.id::text || 'r'", 10)} < 8 then 'submitted' else 'pending' end, '{}'::jsonb,
       case when ${h("a.id::text || 'r'", 10)} < 8 then (g.period_end + 2 + ${h("a.id::text || 'rd'", 9)})::timestamp at time zone 'Asia/Shanghai' + interval '15 hours' end,
       case when ${h("a.id::text || 'r'", 10)} < 8 then round((60 + ${h("coalesce(e.supervisor_id::text, '')", 21)} + ${h("a.id::text || 'p'", 2001)} / 100.0) * m.max / 100, 4) end,
       case when ${h("a.id::text || 'r'", 10)} < 8 then m.max end
     from appraisal a join gen_cycle g on g.id = a.cycle_id join employee e on e.id = a.employee_id
     cross join lateral (select case when ${h("a.id::text || 'm'", 2)} = 0 then 100 else 50 end::numeric as max) m`,
    // Rewards and punishments outside the appraisal in each published month (a few people each), approved or paid;
    // some proposed or rejected ones that must not count.
    `insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, count, amount, money, settlement,
       period_key, occurred_on, status, source_kind)
     select gen_random_uuid(), 1, now(), now(), e.id, e.department_id, k.kind, k.kind, 'money', k.money, 1, k.money, k.money, 'payroll',
       to_char(g.period_start, 'YYYY-MM'), g.period_start + 9, (array['approved', 'paid', 'proposed', 'rejected'])[1 + ${h("e.id::text || g.id::text || 'ls'", 4)}], 'manual'
     from gen_cycle g cross join employee e
     cross join lateral (select case when ${h("e.id::text || g.id::text || 'l'", 10)} = 0 then 'reward' else 'punishment' end as kind,
       case when ${h("e.id::text || g.id::text || 'l'", 10)} = 0 then 100 + ${h("e.id::text || 'lm'", 200)} else -(20 + ${h("e.id::text || 'lp'", 50)}) end::numeric(14,2) as money) k
     where ${who} and g.m > 0 and ${h("e.id::text || g.id::text || 'l'", 10)} < 2`,
    // Appeals against about one published result in 40: open, decided on time or late (upheld or rejected), withdrawn.
    `insert into appeal (id, version, created_at, updated_at, appellant_employee_id, department_id, target_kind, appraisal_id, result_id, grounds, attachments,
       filed_on, due_on, state, outcome, decided_at, closed_at, withdrawn_at)
     select gen_random_uuid(), 1, now(), now(), a.employee_id, e.department_id, 'result', a.id, a.result_id, 'Generated appeal', '[]'::jsonb,
       g.period_end + 17, g.period_end + 27, s.state, s.outcome,
       case when s.decided then (g.period_end + 20 + k.n * 3)::timestamp at time zone 'Asia/Shanghai' + interval '11 hours' end,
       case when s.state = 'closed' then (g.period_end + 40)::timestamptz end, case when s.state = 'withdrawn' then (g.period_end + 19)::timestamptz end
     from appraisal a join gen_cycle g on g.id = a.cycle_id join employee e on e.id = a.employee_id
     cross join lateral (select ${h("a.id::text || 'ap2'", 6)} as n) k
     cross join lateral (select (array['filed', 'under_review', 'decided', 'decided', 'closed', 'withdrawn'])[1 + k.n] as state,
       (array[null, null, 'upheld', 'rejected', 'upheld', null])[1 + k.n] as outcome, k.n between 2 and 4 as decided) s
     where a.published_at is not null and ${h("a.id::text || 'ap'", 40)} = 0`,
    // Which appeals were decided on time is drawn from random ids above: with a dozen appeals, none on time happened in
    // about one run in ten. One decided appeal on its due day and one three days late make both kinds certain (a closed
    // appeal cannot change any more).
    `update appeal set decided_at = (due_on::timestamp at time zone 'Asia/Shanghai') + interval '11 hours'
     where id = (select id from appeal where state = 'decided' order by id limit 1)`,
    `update appeal set decided_at = ((due_on + 3)::timestamp at time zone 'Asia/Shanghai') + interval '11 hours'
     where id = (select id from appeal where state = 'decided' order by id desc limit 1)`,
  ];
}

/** Refreshes the analytics read models after data was written around the services (as the publication job does). */
export async function refreshAnalytics(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await client.query('select analytics_refresh()');
}

/**
 * The analytics benches' data on a seeded demo database: `extraEmployees` more people spread over the demo's lines, then
 * `cycles` monthly cycles of the nursing scheme for everyone (analyticsDataSql), refreshed and analysed.
 */
export async function generateAnalyticsData(client: { query(text: string): Promise<{ rows: unknown[] }> }, o: { extraEmployees: number; cycles: number }): Promise<void> {
  await client.query(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, performance_pay_base)
    select gen_random_uuid(), 1, now(), now(), 'BULK' || lpad(g::text, 5, '0'), 'Bulk ' || g, e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR', 1000
    from generate_series(1, ${o.extraEmployees}) g
    join lateral (select department_id, position_id, supervisor_id from employee where supervisor_id is not null order by employee_number offset (g % 100) limit 1) e on true`);
  const scheme = (await client.query(
    `select s.id, v.id as version_id, array(select b->>'grade' from jsonb_array_elements(v.document->'grades'->'bands') b) as grades
     from scheme s join scheme_version v on v.scheme_id = s.id where s.code = 'nursing' order by v.number desc limit 1`,
  )).rows[0] as { id: string; version_id: string; grades: string[] } | undefined;
  if (!scheme) throw new Error('no nursing scheme');
  await client.query('begin');
  for (const statement of analyticsDataSql({ schemeId: scheme.id, schemeVersionId: scheme.version_id, grades: scheme.grades, cycles: o.cycles, lastMonth: '2026-06-01' })) await client.query(statement);
  await client.query('commit');
  await refreshAnalytics(client);
  await client.query('analyze');
}
