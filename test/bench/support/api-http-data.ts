/**
 * The data of test/bench/api-http.ts, on an empty database at `url`: migrations, the demo group (with its
 * cycles) grown to 5,150 employees, and an appraisal result for every newcomer in the published (not yet closed)
 * nursing October 2026 cycle, so the results list has 5,000+ rows with a total and a grade (1,500+ of them in the demo
 * supervisor's line, readable by her after publication). The growth is SQL: it is the bench's fixture, not
 * what is measured.
 */
import { openOrm } from '../../../api/src/db/orm.js';
import { seedDemoData } from '../../../api/src/seed/seed-demo.js';

export const EXTRA_EMPLOYEES = 5000;
export const RESULTS_CYCLE = 'Nursing October 2026';

export interface BenchData {
  employees: number;
  /** People in the demo supervisor's line. */
  lineSize: number;
  /** The cycle whose results the results list shows, and how many results it has. */
  cycleId: string;
  results: number;
}

export async function prepareBenchData(url: string): Promise<BenchData> {
  const orm = await openOrm({ url });
  try {
    await orm.getMigrator().up();
    await seedDemoData(orm.em);
    const db = orm.em.getConnection();
    // Grow the group: a third of the newcomers report into the nursing line (the demo supervisor's), the rest elsewhere.
    await db.execute(`
      insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, performance_pay_base)
      select gen_random_uuid(), 1, now(), now(), 'BULK' || lpad(g::text, 5, '0'), 'Bulk ' || g, e.department_id, e.position_id, e.id, date '2020-01-01', 'REGULAR', 1000
      from generate_series(1, ${EXTRA_EMPLOYEES}) g
      join lateral (
        select id, department_id, position_id from employee
        where case when g % 10 < 3 then employee_number like 'NU%' else employee_number not like 'NU%' end
        order by employee_number offset (g % 40) limit 1) e on true`);
    // Every newcomer appraised in the published September cycle, with the result the engine would have persisted
    // (total and grade; the trace is not what the list reads). Appraisal first, its result, then the link and publication.
    const cycle = (await db.execute<Array<{ id: string; scheme_version_id: string }>>(`select id, scheme_version_id from cycle where name = '${RESULTS_CYCLE}'`))[0];
    if (!cycle) throw new Error(`the demo cycle "${RESULTS_CYCLE}" is missing`);
    await db.execute(`
      insert into appraisal (id, version, created_at, updated_at, cycle_id, employee_id, state)
      select gen_random_uuid(), 1, now(), now(), '${cycle.id}', e.id, 'calibrated' from employee e where e.employee_number like 'BULK%'`);
    await db.execute(`
      insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
      select gen_random_uuid(), now(), now(), a.id, 1, '${cycle.scheme_version_id}', 'COMPLETE', t.total,
        case when t.total >= 90 then 'A' when t.total >= 75 then 'B' when t.total >= 60 then 'C' else 'D' end, '{}'::jsonb, 'CLOSE_JOB'
      from appraisal a join employee e on e.id = a.employee_id
      cross join lateral (select (50 + (hashtext(e.employee_number) & 4095) / 81.9)::numeric(12,4) as total) t
      where a.cycle_id = '${cycle.id}' and e.employee_number like 'BULK%'`);
    await db.execute(`
      update appraisal a set result_id = r.id, state = 'published', published_at = now(), version = a.version + 1
      from appraisal_result r where r.appraisal_id = a.id and a.cycle_id = '${cycle.id}' and a.result_id is null`);
    await db.execute('analyze');
    const lineSize = (
      await db.execute<Array<{ n: string }>>(`
        with recursive line(id) as (select e.id from employee e join app_user u on u.employee_id = e.supervisor_id where u.email = 'supervisor@demo.local'
          union select e.id from employee e join line on e.supervisor_id = line.id) select count(*) as n from line`)
    )[0]?.n;
    const employees = (await db.execute<Array<{ n: string }>>('select count(*) as n from employee'))[0]?.n;
    const results = (await db.execute<Array<{ n: string }>>(`select count(*) as n from appraisal where cycle_id = '${cycle.id}' and result_id is not null`))[0]?.n;
    return { employees: Number(employees), lineSize: Number(lineSize), cycleId: cycle.id, results: Number(results) };
  } finally {
    await orm.close(true);
  }
}
