/**
 * What field permissions cost on long lists: a list executed in-process on the bare schema (no permission layer at
 * all) and on the served one (shield on the root, field guards below), for every role, reading the fields that role
 * may read, with both executors the API can run (graphql-jit, the default, and graphql-js). Two lists on the data of
 * test/bench/api-http.ts (5,150 employees, 5,000+ published results): the employee list for every role and the
 * appraisal results list for the roles that list results (HR and a supervisor). Aim: the served schema within 1.3x
 * of the bare one on 500-row lists. An employee's list is one row (themself): its ratio is the request's fixed cost
 * (the root rule), printed with the rows it returned but not judged against a per-row aim. Times are CPU time of the process per execution (process.cpuUsage), which
 * other work on the machine disturbs less than wall time.
 * Run: pnpm bench (or: npx tsx --conditions=source test/bench/api-list.ts). Prints its figures.
 */
import { type DocumentNode, execute, type GraphQLSchema, parse } from 'graphql';
import { compileOperation, isCompiledQuery } from '../../api/src/core/compiled-execution.js';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { createTokenService } from '../../api/src/core/tokens.js';
import { openOrm } from '../../api/src/db/orm.js';
import { startBenchDatabase } from './support/bench-database.js';
import { loadActor } from '../../api/src/modules/auth/auth.service.js';
import { User } from '../../api/src/modules/auth/user.entity.js';
import { buildAppSchema, buildBareSchema } from '../../api/src/schema.js';
import { prepareBenchData } from './support/api-http-data.js';

const RUNS = 20;
const RUNS_PER_ROUND = 5;
const employeesOf = (fields: string) => parse(`query($first: Int!) { employees(first: $first) { totalCount nodes { ${fields} } } }`);
const IDENTITY = 'id name department { name } position { name }';
const DETAILS = `${IDENTITY} employeeNumber email hireDate employmentStatus category disciplinaryFlag supervisor { name }`;
const RESULTS = parse(`query($first: Int!, $cycleId: ID!) { appraisals(first: $first, filter: { cycleId: $cycleId }) {
  totalCount nodes { id total grade state publishedAt employee { name employeeNumber department { name } } } } }`);
// Each role reads what it may read: a denied field would measure error handling, not permission checks.
const CALLERS: Array<{ list: string; email: string; query: DocumentNode }> = [
  { list: 'employees', email: 'hr@demo.local', query: employeesOf(`${DETAILS} performancePayBase floatingPayBase`) },
  { list: 'employees', email: 'admin@demo.local', query: employeesOf(DETAILS) },
  { list: 'employees', email: 'committee@demo.local', query: employeesOf(IDENTITY) },
  { list: 'employees', email: 'supervisor@demo.local', query: employeesOf(DETAILS) },
  { list: 'employees', email: 'employee@demo.local', query: employeesOf(`${DETAILS} performancePayBase floatingPayBase`) },
  { list: 'results', email: 'hr@demo.local', query: RESULTS },
  { list: 'results', email: 'supervisor@demo.local', query: RESULTS },
];
const EXECUTORS = ['graphql-jit', 'graphql-js'] as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

const bench = await startBenchDatabase();
try {
  const url = bench.url;
  const data = await prepareBenchData(url);
  const orm = await openOrm({ url });

  const tokens = createTokenService(new Uint8Array(32), 60);
  const [served, bare] = await Promise.all([buildAppSchema(tokens), buildBareSchema(tokens)]);
  const log = createLogger('warn');
  const readDb = createReadDb(orm);

  // One runner per (schema, document, executor): graphql-jit compiles once, as the API caches compiled operations.
  const runners = new Map<string, (contextValue: unknown, variableValues: Record<string, unknown>) => Promise<{ data?: unknown; errors?: readonly unknown[] }>>();
  const runnerOf = (schema: GraphQLSchema, schemaName: string, query: DocumentNode, executor: (typeof EXECUTORS)[number], key: string) => {
    const id = `${schemaName}:${executor}:${key}`;
    let runner = runners.get(id);
    if (!runner) {
      if (executor === 'graphql-js') runner = async (contextValue, variableValues) => execute({ schema, document: query, variableValues, contextValue });
      else {
        const compiled = compileOperation(schema, query);
        if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled.errors));
        runner = async (contextValue, variableValues) => compiled.query(undefined, contextValue, variableValues);
      }
      runners.set(id, runner);
    }
    return runner;
  };

  /**
   * CPU milliseconds per execution, over `batch` executions run one after the other (the contexts' sign-in lookups are
   * outside the measured part). An employee's list has one row and executes in a few tenths of a millisecond, where
   * one execution's CPU reading is mostly the clock's and the collector's noise: short executions are timed in batches.
   */
  async function timeOnce(run: ReturnType<typeof runnerOf>, email: string, variables: Record<string, unknown>, batch = 1): Promise<number> {
    const contexts = [];
    for (let i = 0; i < batch; i++) {
      const em = orm.em.fork();
      const user = await em.findOneOrFail(User, { email });
      const actor = await loadActor(readDb, user.id);
      contexts.push(createRequestContext({ requestId: 'bench', actor, em: em as Parameters<typeof createRequestContext>[0]['em'], db: readDb, log }));
    }
    const started = process.cpuUsage();
    for (const contextValue of contexts) {
      const result = await run(contextValue, variables);
      if (result.errors?.length) throw new Error(`${email}: ${JSON.stringify(result.errors[0])}`);
      lastRows = rowsOf(result);
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / batch;
  }
  /** Rows the last timed execution returned (a list's nodes). */
  let lastRows = 0;
  const rowsOf = (result: { data?: unknown }) => {
    const list = Object.values((result.data ?? {}) as Record<string, { nodes?: unknown[] }>)[0];
    return list?.nodes?.length ?? 0;
  };

  /** Executions per timing: enough for about 3 ms of CPU, at most 20. */
  const batchFor = (warmMs: number) => Math.min(20, Math.max(1, Math.round(3 / Math.max(warmMs, 0.05))));

  console.log(`Field permissions on ${data.employees} employees and ${data.results} results, p50 of ${RUNS} runs (CPU ms per execution; executions under 3 ms timed in batches of up to 20), bare and served interleaved:`);
  console.log('list      first  rows  caller       executor      bare p50  served p50   ratio   aim');
  let allMet = true;
  for (const first of [50, 500]) {
    for (const { list, email, query } of CALLERS) {
      const variables = list === 'results' ? { first, cycleId: data.cycleId } : { first };
      for (const executor of EXECUTORS) {
        const key = `${list}:${email}`;
        const bareRun = runnerOf(bare, 'bare', query, executor, key);
        const servedRun = runnerOf(served, 'served', query, executor, key);
        const bareSamples: number[] = [];
        const servedSamples: number[] = [];
        let warmMs = Infinity;
        for (let warm = 0; warm < 3; warm++) {
          warmMs = Math.min(warmMs, await timeOnce(bareRun, email, variables));
          await timeOnce(servedRun, email, variables);
        }
        const batch = batchFor(warmMs);
        for (let round = 0; round < RUNS / RUNS_PER_ROUND; round++) {
          for (let i = 0; i < RUNS_PER_ROUND; i++) bareSamples.push(await timeOnce(bareRun, email, variables, batch));
          for (let i = 0; i < RUNS_PER_ROUND; i++) servedSamples.push(await timeOnce(servedRun, email, variables, batch));
        }
        const bareP50 = percentile(bareSamples, 50);
        const servedP50 = percentile(servedSamples, 50);
        const ratio = servedP50 / bareP50;
        // The aim is about per-row permission checks on long lists. A caller who sees fewer rows than asked (an
        // employee sees one: themself) measures the request's fixed cost (the root rule), which is printed, not judged.
        const judged = first >= 500 && lastRows >= 100;
        const met = !judged || ratio <= 1.3;
        allMet &&= met;
        const verdict = first < 500 ? '' : judged ? `<= 1.3 ${met ? 'met' : 'NOT MET'}` : `(${lastRows} row${lastRows === 1 ? '' : 's'} visible: fixed cost +${(servedP50 - bareP50).toFixed(2)} ms, not judged)`;
        console.log(
          `${list.padEnd(10)} ${String(first).padStart(4)}  ${String(lastRows).padStart(4)}  ${(email.split('@')[0] ?? '').padEnd(12)} ${executor.padEnd(12)} ${bareP50.toFixed(2).padStart(9)}  ${servedP50.toFixed(2).padStart(10)}   ${ratio.toFixed(2).padStart(5)}   ${verdict}`,
        );
      }
    }
  }
  console.log(allMet ? 'Field permissions cost within 1.3x on 500-row lists for every role.' : 'Field permissions cost more than 1.3x somewhere (see above).');
  await orm.close(true);
} finally {
  await bench.stop();
}
