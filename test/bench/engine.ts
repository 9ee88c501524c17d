// Engine benchmark: 100,000 appraisals across 500 departments scored, graded, distributed (quota
// check + calibration per department) and priced in one process.
//
// Run: pnpm bench (or: cd test && npx tsx --conditions=source bench/engine.ts [options])
//   --runs=N      cold runs, each in a fresh child process (default 5); the medians are printed
//   --once        one run in this process, with its figures
//   --objects     the per-appraisal API: scoreAppraisal -> 100,000 result objects (traces recorded) ->
//                 calibrateGroup -> priceGroup; without it the bulk API: scoreBatch (columns, traces rebuilt
//                 on demand) -> calibrateRows -> priceRows. Both compute the same figures.
//   --no-trace    with --objects: score without recording traces
//   --stop-after=N  with --once: end after N phases (under valgrind --tool=callgrind, N and N - 1 give a
//                 phase's instruction count, which a busy machine does not disturb)
//
// Every run is a fresh process so JIT warm-up and the engine's bounded caches count in every run, as
// they would for a job that scores one cycle. Wall time on a shared machine is noisy: CPU time and the
// load average are printed next to it. The targets (2 s, 400 MB) are printed as PASS/FAIL, never enforced.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  calibrateGroup,
  calibrateRows,
  checkQuotas,
  compileScheme,
  explain,
  priceGroup,
  priceRows,
  scoreAppraisal,
  scoreBatch,
  seedPrograms,
  type AdjustmentInput,
  type AppraisalInput,
  type AppraisalResult,
  type CompiledScheme,
  type DistributionRule,
  type GradeBand,
  type GradeResult,
  type ItemInput,
  type PayFacts,
  type SchemeDefinition,
} from '@appraisal/domain';

const TARGET_MS = 2000;
const TARGET_RSS_MB = 400;
const APPRAISALS = 100_000;
const DEPARTMENTS = 500;

const argv = process.argv.slice(2);
const OBJECTS = argv.includes('--objects');
const TRACE = !argv.includes('--no-trace');
// Both pipelines end by explaining this many results (in Chinese), as a console would show a few.
const EXPLAINED = 1000;
const STOP_AFTER = Number(process.argv.find((a) => a.startsWith('--stop-after='))?.slice('--stop-after='.length) ?? -1);
const RUNS = Number(argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5);

/** What one run measured: per phase wall and CPU milliseconds, and the memory high-water marks. */
interface RunFigures {
  /** Per phase: wall and CPU time, and the main thread's garbage-collection pauses within it. */
  phases: { name: string; wall: number; cpu: number; gc: number }[];
  total: number;
  totalCpu: number;
  /** The total minus building the inputs (the bench's own work): what the target is about. */
  engine: number;
  /** CPU time of the same. */
  engineCpu: number;
  maxRss: number;
  peakHeap: number;
  checks: string[];
}

// The nursing program is the richest seed scheme (3 rated sections, 14 items, a formula item,
// plus/minus points, grade rules, forced distribution); the bench adds a grade-based pay rule.
const scheme: SchemeDefinition = {
  ...seedPrograms.nursing,
  pay: [
    {
      id: 'gradePay',
      name: { en: 'Performance pay', zh: '绩效工资' },
      rule: {
        kind: 'gradePercentOfBase',
        grades: [
          { grade: 'excellent', percent: '120' },
          { grade: 'good', percent: '100' },
          { grade: 'qualified', percent: '80' },
          { grade: 'unqualified', percent: '0' },
        ],
        rounding: { places: 2, mode: 'halfUp' },
      },
    },
  ],
};

// Deterministic pseudo-random numbers so every run measures the same work.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Input values repeat (a handful of point values, a few hundred questionnaire counts, a few adjustment
// combinations): like a loader that interns parsed form values, the bench shares those immutable objects
// between appraisals instead of allocating a copy per appraisal. Every appraisal still has its own input.
function interned<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = make(key);
      cache.set(key, v);
    }
    return v;
  };
}

async function runOnce(): Promise<RunFigures> {
  let peakHeap = 0;
  const phases: RunFigures['phases'] = [];
  const spans: [number, number][] = [];
  // GC pauses are reported after the (synchronous) run and attributed to phases by their start time.
  const pauses: PerformanceEntry[] = [];
  const gcObserver = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  gcObserver.observe({ entryTypes: ['gc'] });
  const phase = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const out = run();
    const used = process.cpuUsage(cpu);
    const end = performance.now();
    spans.push([start, end]);
    phases.push({ name, wall: end - start, cpu: (used.user + used.system) / 1000, gc: 0 });
    // Phase ends are where the most is alive (inputs, results, the phase's output).
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    // --stop-after=N ends the process after N phases (instruction counts per phase: run under callgrind with N and N - 1).
    if (phases.length === STOP_AFTER) process.exit(0);
    return out;
  };

  const rand = mulberry32(20261123);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  // Point values 0..40 and questionnaire counts (satisfied, returned) up to 40 each: one shared object per value.
  const points: ItemInput[] = Array.from({ length: 41 }, (_, k) => ({ points: String(k) }));
  const pointsItem = (k: number): ItemInput => points[k] ?? { points: String(k) };
  const satisfaction: Record<string, ItemInput>[] = [];
  const satisfactionItems = (satisfied: number, returned: number): Record<string, ItemInput> =>
    (satisfaction[satisfied * 41 + returned] ??= { patientSatisfaction: { values: { satisfied: String(satisfied), returned: String(returned) } } });
  const ADJ_PRAISE: AdjustmentInput = { rule: 'praise' };
  const ADJ_ERROR: AdjustmentInput = { rule: 'errorComplaint' };
  const adjustmentSets: (readonly AdjustmentInput[])[] = Array.from({ length: 20 }, (_, key) => {
    const list: AdjustmentInput[] = [];
    if (key & 1) list.push(ADJ_PRAISE);
    if (key & 2) list.push(ADJ_ERROR);
    if (key >> 2) list.push({ rule: 'learning', count: key >> 2 });
    return list;
  });
  const BASES = ['900', '600'] as const;

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();

  // One row per appraisal in parallel arrays: the input, its department and its pay base.
  const departmentOf = new Uint16Array(APPRAISALS);
  const baseOf = new Uint8Array(APPRAISALS);
  // Departments as lists of appraisal indices.
  const byDepartment: number[][] = Array.from({ length: DEPARTMENTS }, () => []);
  const inputs = phase('build inputs', () => {
    const list: AppraisalInput[] = [];
    for (let i = 0; i < APPRAISALS; i++) {
      const returned = int(0, 40);
      const satisfied = int(Math.floor(returned * 0.7), returned);
      let adjustments = 0;
      if (rand() < 0.1) adjustments |= 1;
      if (rand() < 0.05) adjustments |= 2;
      if (rand() < 0.3) adjustments |= int(1, 4) << 2;
      departmentOf[i] = i % DEPARTMENTS;
      baseOf[i] = rand() < 0.5 ? 0 : 1;
      const participated = rand() > 0.002;
      // The head nurse's ten items, drawn in this order.
      const head: Record<string, ItemInput> = {
        workCompletion: pointsItem(int(7, 10)),
        businessAbility: pointsItem(int(7, 10)),
        workEfficiency: pointsItem(int(7, 10)),
        workQuality: pointsItem(int(7, 10)),
        laborDiscipline: pointsItem(int(7, 10)),
        attitude: pointsItem(int(7, 10)),
        attendance: pointsItem(int(7, 10)),
        solidarity: pointsItem(int(7, 10)),
        errorsAccidents: pointsItem(int(7, 10)),
        serviceAttitude: pointsItem(int(7, 10)),
      };
      const medicalEthics = pointsItem(int(28, 40));
      const theoryExam = pointsItem(int(16, 30));
      const operationExam = pointsItem(int(17, 30));
      list.push({
        employeeId: `e${String(i).padStart(6, '0')}`,
        participated,
        ratings: [
          { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: head },
          { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics, theoryExam, operationExam } },
          { section: 'satisfaction', role: 'SURVEY', items: satisfactionItems(satisfied, returned) },
        ],
        adjustments: adjustmentSets[adjustments] ?? [],
      });
    }
    for (let k = 0; k < APPRAISALS; k++) byDepartment[departmentOf[k] ?? 0]?.push(k);
    return list;
  });

  const compiled = phase('compile scheme', () => {
    const c = compileScheme(scheme);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    return c.value;
  });

  const distribution = scheme.distribution;
  const bands = scheme.grades?.bands ?? [];
  if (!distribution) throw new Error('the bench scheme has a distribution');
  const facts = BASES.map((base): PayFacts => ({ base }));
  const work: Work = { phase, inputs, compiled, bands, distribution, byDepartment, factsOf: (i) => facts[baseOf[i] ?? 0] ?? {} };
  const figures = OBJECTS ? objectsPipeline(work) : batchPipeline(work);

  const total = performance.now() - t0;
  const cpuUsed = process.cpuUsage(cpu0);
  // The figures are checked outside the measured time (summing every total is the bench's own work).
  const checks = figures();
  // GC entries are delivered on a later turn of the event loop (a timer, not an immediate).
  await new Promise((resolve) => setTimeout(resolve, 20));
  gcObserver.disconnect();
  for (const pause of pauses) {
    const at = spans.findIndex(([start, end]) => pause.startTime >= start && pause.startTime < end);
    const p = phases[at];
    if (p) p.gc += pause.duration;
  }
  return {
    phases,
    total,
    totalCpu: (cpuUsed.user + cpuUsed.system) / 1000,
    engine: total - (phases[0]?.wall ?? 0),
    engineCpu: (cpuUsed.user + cpuUsed.system) / 1000 - (phases[0]?.cpu ?? 0),
    // maxRSS is in kilobytes: the process's true high-water mark, not a sample.
    maxRss: process.resourceUsage().maxRSS * 1024,
    peakHeap,
    // The same run must always compute the same figures; they are compared across runs.
    checks,
  };
}

/** What both pipelines work on. */
interface Work {
  phase: <T>(name: string, run: () => T) => T;
  inputs: readonly AppraisalInput[];
  compiled: CompiledScheme;
  bands: readonly GradeBand[];
  distribution: DistributionRule;
  byDepartment: readonly number[][];
  factsOf: (i: number) => PayFacts;
}

/** The figures both pipelines must agree on. */
function checkLines(sumOfTotals: number, violations: number, moved: number, payCents: number, explained: number): string[] {
  return [
    `sum of totals: ${(sumOfTotals / 100).toFixed(2)}`,
    `quota violations before calibration: ${violations}; grades moved: ${moved}`,
    `pay total: ${(payCents / 100).toFixed(2)} yuan`,
    `explanation lines for ${EXPLAINED} results: ${explained}`,
  ];
}

/** Which results are explained: spread over the whole run. */
const explainedIndex = (k: number): number => Math.floor((k * APPRAISALS) / EXPLAINED);

/** The bulk API: columns instead of result objects; results (with traces) rebuilt for the few explained. */
function batchPipeline({ phase, inputs, compiled, bands, distribution, byDepartment, factsOf }: Work): () => string[] {
  const batch = phase('score + grade', () => {
    const b = scoreBatch(compiled, inputs);
    if (!b.ok) throw new Error(JSON.stringify(b.issues));
    if (b.value.issues.size > 0) throw new Error(JSON.stringify([...b.value.issues]));
    return b.value;
  });

  const calibrated = phase('distribute (quota check + calibration)', () => {
    let violations = 0;
    let moved = 0;
    const grades: string[] = [];
    const columns = batch.calibrationColumns(distribution.tieBreak.sections, 'unqualified');
    for (const members of byDepartment) {
      const proposal = calibrateRows(bands, distribution, columns, members);
      violations += proposal.before.length;
      proposal.ranked.forEach((row, k) => {
        const to = proposal.to[k] ?? '';
        grades[row] = to;
        if (to !== columns.grade(row)) moved += 1;
      });
    }
    return { violations, moved, grades };
  });

  const paid = phase('price (pay module)', () => {
    const c = batch.columns;
    const priced = priceRows(
      scheme,
      { total: c.total, adjustmentMoney: c.adjustmentMoney, employeeId: (row) => batch.employeeId(row), grade: (row) => calibrated.grades[row], facts: factsOf },
      byDepartment.map((rows) => ({ rows })),
    );
    if (!priced.ok) throw new Error(JSON.stringify(priced.issues));
    return centsOf(priced.value.sum());
  });

  const explained = phase(`explain ${EXPLAINED} results (zh)`, () => {
    let lines = 0;
    for (let k = 0; k < EXPLAINED; k++) {
      const r = batch.result(explainedIndex(k));
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      lines += explain(r.value.trace, 'zh', scheme).length;
    }
    return lines;
  });

  return () => {
    let sum = 0;
    for (let i = 0; i < batch.size; i++) sum += centsOf(batch.total(i));
    return checkLines(sum, calibrated.violations, calibrated.moved, paid, explained);
  };
}

/** The per-appraisal API: one result object per appraisal (traces recorded compactly), grouped into objects. */
function objectsPipeline({ phase, inputs, compiled, bands, distribution, byDepartment, factsOf }: Work): () => string[] {
  const scored = phase('score + grade', () => {
    const out: AppraisalResult[] = [];
    for (const input of inputs) {
      const r = scoreAppraisal(compiled, input, { trace: TRACE });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      out.push(r.value);
    }
    return out;
  });

  const calibrated = phase('distribute (quota check + calibration)', () => {
    let violations = 0;
    let moved = 0;
    const grades = new Map<string, string>();
    for (const members of byDepartment) {
      const rows = members.map((i) => {
        const r = scored[i];
        if (!r) throw new Error('missing result');
        return { employeeId: r.employeeId, total: r.total, grade: r.grade?.grade ?? 'unqualified', sections: { headNurse: r.sections[0]?.score ?? '0' } };
      });
      violations += checkQuotas(bands, distribution, rows).length;
      const proposal = calibrateGroup(bands, distribution, rows);
      for (const r of proposal.rows) {
        grades.set(r.employeeId, r.to);
        if (r.to !== r.from) moved += 1;
      }
    }
    return { violations, moved, grades };
  });

  // The calibrated grade replaces the scored one on the result (one shared object per grade pair).
  const gradeResult = interned((key: string): GradeResult => {
    const [grade = '', bandGrade = ''] = key.split('|');
    return { grade, bandGrade, reason: 'band' };
  });

  const paid = phase('price (pay module)', () => {
    // Totals are 2-place amounts: summed as integer cents (exact: far below 2^53).
    let cents = 0;
    for (const members of byDepartment) {
      const results: AppraisalResult[] = [];
      const factsById = new Map<string, PayFacts>();
      for (const i of members) {
        const r = scored[i];
        if (!r) throw new Error('missing result');
        const grade = calibrated.grades.get(r.employeeId) ?? 'unqualified';
        r.grade = gradeResult(`${grade}|${r.grade?.bandGrade ?? grade}`);
        results.push(r);
        factsById.set(r.employeeId, factsOf(i));
      }
      const pay = priceGroup(scheme, { results, facts: factsById });
      if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
      for (const id in pay.value.totals) cents += centsOf(pay.value.totals[id] ?? '0');
    }
    if (!Number.isSafeInteger(cents)) throw new Error('pay total out of exact range');
    return cents;
  });

  const explained = phase(`explain ${EXPLAINED} results (zh)`, () => {
    let lines = 0;
    for (let k = 0; k < EXPLAINED; k++) {
      const i = explainedIndex(k);
      let trace = scored[i]?.trace ?? [];
      if (!TRACE) {
        // Without recorded traces the appraisal is scored again for its explanation.
        const again = scoreAppraisal(compiled, inputs[i] as AppraisalInput);
        if (!again.ok) throw new Error(JSON.stringify(again.issues));
        trace = again.value.trace;
      }
      lines += explain(trace, 'zh', scheme).length;
    }
    return lines;
  });

  return () => {
    let sum = 0;
    for (const r of scored) sum += centsOf(r.total);
    return checkLines(sum, calibrated.violations, calibrated.moved, paid, explained);
  };
}

/** A 2-place (or whole) amount as integer cents. Example: centsOf('-12.5') -> -1250 */
function centsOf(text: string): number {
  const negative = text.startsWith('-');
  const v = negative ? text.slice(1) : text;
  const dot = v.indexOf('.');
  const c = dot < 0 ? Number(v) * 100 : Number(v.slice(0, dot)) * 100 + Number(v.slice(dot + 1).padEnd(2, '0'));
  return negative ? -c : c;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number): string => `${n.toFixed(0).padStart(6)} ms`;
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function printRun(r: RunFigures): void {
  for (const p of r.phases) console.log(`  ${p.name.padEnd(40)} ${ms(p.wall)} wall ${ms(p.cpu)} cpu ${ms(p.gc)} gc pauses`);
  console.log(`  ${'total'.padEnd(40)} ${ms(r.total)} wall ${ms(r.totalCpu)} cpu`);
  console.log(`  ${'engine (total minus building inputs)'.padEnd(40)} ${ms(r.engine)} wall ${ms(r.engineCpu)} cpu`);
  console.log(`  peak rss ${mb(r.maxRss)}, heapUsed at phase ends (max) ${mb(r.peakHeap)}`);
}

if (argv.includes('--child')) {
  // One cold run for the parent: its figures as one JSON line.
  console.log(JSON.stringify(await runOnce()));
} else {
  console.log(`engine bench: ${APPRAISALS.toLocaleString('en')} appraisals, ${DEPARTMENTS} departments, scheme "${scheme.code}", ${OBJECTS ? `result objects, traces ${TRACE ? 'recorded' : 'off'}` : 'columns (scoreBatch), traces rebuilt on demand'}`);
  if (argv.includes('--once')) {
    console.log(`  load average before: ${load()}`);
    const r = await runOnce();
    printRun(r);
    for (const c of r.checks) console.log(`  ${c}`);
    console.log(`  load average after: ${load()}`);
  } else {
    const loadBefore = load();
    const runs: RunFigures[] = [];
    const passOn = argv.filter((a) => a === '--no-trace' || a === '--objects');
    for (let k = 0; k < RUNS; k++) {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', ...passOn], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`bench run ${k + 1} failed:\n${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as RunFigures;
      runs.push(r);
      console.log(`  run ${k + 1}: engine ${r.engine.toFixed(0)} ms wall, ${r.engineCpu.toFixed(0)} ms cpu (with building inputs ${r.total.toFixed(0)} ms wall), peak rss ${mb(r.maxRss)}`);
    }
    const first = runs[0];
    if (!first) throw new Error('no runs');
    if (runs.some((r) => r.checks.join() !== first.checks.join())) throw new Error('runs computed different figures');
    console.log(`median of ${runs.length} cold runs (load average before: ${loadBefore}; after: ${load()}):`);
    const med: RunFigures = {
      phases: first.phases.map((p, i) => ({
        name: p.name,
        wall: median(runs.map((r) => r.phases[i]?.wall ?? 0)),
        cpu: median(runs.map((r) => r.phases[i]?.cpu ?? 0)),
        gc: median(runs.map((r) => r.phases[i]?.gc ?? 0)),
      })),
      total: median(runs.map((r) => r.total)),
      totalCpu: median(runs.map((r) => r.totalCpu)),
      engine: median(runs.map((r) => r.engine)),
      engineCpu: median(runs.map((r) => r.engineCpu)),
      maxRss: median(runs.map((r) => r.maxRss)),
      peakHeap: median(runs.map((r) => r.peakHeap)),
      checks: first.checks,
    };
    printRun(med);
    for (const c of first.checks) console.log(`  ${c}`);
    const worstRss = Math.max(...runs.map((r) => r.maxRss));
    // The target is the engine's: score, grade, quotas and pay (with the scheme's compilation and 1,000 explanations),
    // not the bench's own fixture building (random inputs for 100,000 appraisals), which a cycle's job reads from the
    // database instead. Wall time judges it (the issue's figure); CPU time beside it shows how much was machine load.
    const timeOk = med.engine <= TARGET_MS;
    const rssOk = worstRss <= TARGET_RSS_MB * 1024 * 1024;
    console.log(
      `${timeOk && rssOk ? 'PASS' : 'FAIL'}: median engine time ${med.engine.toFixed(0)} ms wall, ${med.engineCpu.toFixed(0)} ms cpu (target <= ${TARGET_MS} ms) ${timeOk ? 'ok' : 'over'}; ` +
        `peak rss ${mb(worstRss)} in the worst run (target <= ${TARGET_RSS_MB} MB) ${rssOk ? 'ok' : 'over'}`,
    );
  }
}
