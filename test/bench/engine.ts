// Engine benchmark: 100,000 appraisals across 500 departments scored, graded, distributed (quota
// check + calibration per department) and priced in one process.
// Run: cd test && npx tsx --conditions=source bench/engine.ts
import {
  calibrateGroup,
  checkQuotas,
  compileScheme,
  priceGroup,
  scoreAppraisal,
  seedPrograms,
  type AdjustmentInput,
  type AppraisalInput,
  type AppraisalResult,
  type GradeResult,
  type ItemInput,
  type PayFacts,
  type SchemeDefinition,
} from '@appraisal/domain';

// `--no-trace` scores without building traces (they can be rebuilt per appraisal on demand).
const TRACE = !process.argv.includes('--no-trace');
const APPRAISALS = 100_000;
const DEPARTMENTS = 500;

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
const rand = mulberry32(20261123);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const HEAD_ITEMS = ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'];

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
// CPU time is printed next to wall time because a shared 2-core machine can be busy with other work.
const timings: [string, number, number][] = [];
function phase<T>(name: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const out = run();
  const used = process.cpuUsage(cpu);
  timings.push([name, performance.now() - start, (used.user + used.system) / 1000]);
  sample();
  return out;
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
const pointsItem = interned((points: number): ItemInput => ({ points: String(points) }));
const satisfactionItems = interned((key: number) => ({ patientSatisfaction: { values: { satisfied: String(key >> 8), returned: String(key & 0xff) } } }));
const ADJ_PRAISE: AdjustmentInput = { rule: 'praise' };
const ADJ_ERROR: AdjustmentInput = { rule: 'errorComplaint' };
const adjLearning = interned((count: number): AdjustmentInput => ({ rule: 'learning', count }));
const adjustmentSet = interned((key: number): readonly AdjustmentInput[] => {
  const list: AdjustmentInput[] = [];
  if (key & 1) list.push(ADJ_PRAISE);
  if (key & 2) list.push(ADJ_ERROR);
  if (key >> 2) list.push(adjLearning(key >> 2));
  return list;
});
const BASES = ['900', '600'] as const;

const t0 = performance.now();

// One row per appraisal in parallel arrays: the input, its department and its pay base.
const departmentOf = new Uint16Array(APPRAISALS);
const baseOf = new Uint8Array(APPRAISALS);
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
    const head: Record<string, ItemInput> = {};
    for (const id of HEAD_ITEMS) head[id] = pointsItem(int(7, 10));
    const medicalEthics = pointsItem(int(28, 40));
    const theoryExam = pointsItem(int(16, 30));
    const operationExam = pointsItem(int(17, 30));
    list.push({
      employeeId: `e${String(i).padStart(6, '0')}`,
      participated,
      ratings: [
        { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: head },
        { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics, theoryExam, operationExam } },
        { section: 'satisfaction', role: 'SURVEY', items: satisfactionItems((satisfied << 8) | returned) },
      ],
      adjustments: adjustmentSet(adjustments),
    });
  }
  return list;
});

const compiled = phase('compile scheme', () => {
  const c = compileScheme(scheme);
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c.value;
});

const scored = phase('score + grade', () => {
  const out: AppraisalResult[] = [];
  for (const input of inputs) {
    const r = scoreAppraisal(compiled, input, { trace: TRACE });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    out.push(r.value);
  }
  return out;
});

// Departments as lists of appraisal indices.
const byDepartment: number[][] = Array.from({ length: DEPARTMENTS }, () => []);
for (let i = 0; i < APPRAISALS; i++) byDepartment[departmentOf[i] ?? 0]?.push(i);

const distribution = scheme.distribution;
const bands = scheme.grades?.bands ?? [];
if (!distribution) throw new Error('the bench scheme has a distribution');

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
  const facts = BASES.map((base): PayFacts => ({ base }));
  for (const members of byDepartment) {
    const results: AppraisalResult[] = [];
    const factsById = new Map<string, PayFacts>();
    for (const i of members) {
      const r = scored[i];
      if (!r) throw new Error('missing result');
      const grade = calibrated.grades.get(r.employeeId) ?? 'unqualified';
      r.grade = gradeResult(`${grade}|${r.grade?.bandGrade ?? grade}`);
      results.push(r);
      factsById.set(r.employeeId, facts[baseOf[i] ?? 0] ?? {});
    }
    const pay = priceGroup(scheme, { results, facts: factsById });
    if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
    for (const id in pay.value.totals) {
      const text = pay.value.totals[id] ?? '0';
      const negative = text.startsWith('-');
      const v = negative ? text.slice(1) : text;
      const dot = v.indexOf('.');
      const c = dot < 0 ? Number(v) * 100 : Number(v.slice(0, dot)) * 100 + Number(v.slice(dot + 1).padEnd(2, '0'));
      cents += negative ? -c : c;
    }
  }
  if (!Number.isSafeInteger(cents)) throw new Error('pay total out of exact range');
  return cents;
});

const totalMs = performance.now() - t0;
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`engine bench: ${APPRAISALS.toLocaleString('en')} appraisals, ${DEPARTMENTS} departments, scheme "${scheme.code}", traces ${TRACE ? 'on' : 'off'}`);
for (const [name, ms, cpu] of timings) console.log(`  ${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms wall ${cpu.toFixed(0).padStart(6)} ms cpu`);
console.log(`  ${'total'.padEnd(40)} ${totalMs.toFixed(0).padStart(6)} ms wall`);
console.log(`  ${'engine (total minus building inputs)'.padEnd(40)} ${(totalMs - (timings[0]?.[1] ?? 0)).toFixed(0).padStart(6)} ms wall`);
console.log(`  load average at end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  quota violations before calibration: ${calibrated.violations}; grades moved: ${calibrated.moved}`);
console.log(`  pay total: ${(paid / 100).toFixed(2)} yuan`);
console.log(`  peak rss ${mb(peakRss)}, peak heapUsed ${mb(peakHeap)}`);
