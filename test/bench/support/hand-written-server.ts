/**
 * The hand-written baseline of test/bench/api-http.ts: node:http + pg, one join query and a count per
 * request, answering the same JSON as the API's employee list (`/employees`) and appraisal results list
 * (`/results`). It runs in its own process so that its CPU time per request can be read from /proc like
 * the API's (autocannon runs in the bench's process).
 *
 * Env: DATABASE_URL, PORT, SUPERVISOR_ID (the demo supervisor's employee id, for `?as=supervisor`), CYCLE_ID (the
 * cycle whose results `/results` lists).
 */
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });
const supervisorId = process.env.SUPERVISOR_ID;
const cycleId = process.env.CYCLE_ID;

const server = http.createServer((req, res) => {
  const requestUrl = new URL(req.url ?? '/', 'http://x');
  const params = requestUrl.searchParams;
  const first = Number(params.get('first') ?? 50);
  const supervisor = params.get('as') === 'supervisor' ? supervisorId : undefined;
  const limit = Number.isInteger(first) && first > 0 && first <= 500 ? first : 50;
  req.resume();
  req.on('end', async () => {
    try {
      const body = requestUrl.pathname === '/results' ? await results(limit, supervisor) : await employees(limit, supervisor);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
});

/** The employee list. $1 is the supervisor in both statements; the page size goes inline (a validated number).
 * The line is found the same way the API finds it, through the supervisor path the database keeps on each row. */
async function employees(limit: number, supervisor: string | undefined) {
  const where = supervisor ? 'where (e.id = $1 or e.supervisor_path @> array[$1::uuid])' : '';
  const values = supervisor ? [supervisor] : [];
  const [page, count] = await Promise.all([
    pool.query(
      `select e.id, e.name, e.employee_number, d.name as department, p.name as position, s.name as supervisor
       from employee e join department d on d.id = e.department_id join position p on p.id = e.position_id
       left join employee s on s.id = e.supervisor_id ${where} order by e.employee_number, e.id limit ${limit}`,
      values,
    ),
    pool.query(`select count(*)::int as n from employee e ${where}`, values),
  ]);
  const nodes = page.rows.map((r: Record<string, string | null>) => ({
    id: r.id,
    name: r.name,
    employeeNumber: r.employee_number,
    department: { name: r.department },
    position: { name: r.position },
    supervisor: r.supervisor === null ? null : { name: r.supervisor },
  }));
  return { data: { employees: { nodes, totalCount: count.rows[0].n } } };
}

/** The results list of one cycle: total, grade, state and the employee, by the employee's name. A supervisor
 * sees the published results of her line (the API's rule for the demo cycle's default visibility). */
async function results(limit: number, supervisor: string | undefined) {
  const where = supervisor ? 'and e.supervisor_path @> array[$2::uuid] and a.published_at is not null' : '';
  const values = supervisor ? [cycleId, supervisor] : [cycleId];
  const from = 'appraisal a join employee e on e.id = a.employee_id left join appraisal_result r on r.id = a.result_id';
  const [page, count] = await Promise.all([
    pool.query(
      `select a.id, trim_scale(r.total)::text as total, coalesce(a.final_grade, r.engine_grade) as grade, a.state, e.name, e.employee_number
       from ${from} where a.cycle_id = $1 ${where} order by e.name, a.id limit ${limit}`,
      values,
    ),
    pool.query(`select count(*)::int as n from ${from} where a.cycle_id = $1 ${where}`, values),
  ]);
  const nodes = page.rows.map((r: Record<string, string | null>) => ({
    id: r.id,
    total: r.total,
    grade: r.grade,
    state: r.state?.toUpperCase(),
    employee: { name: r.name, employeeNumber: r.employee_number },
  }));
  return { data: { appraisals: { totalCount: count.rows[0].n, nodes } } };
}
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
