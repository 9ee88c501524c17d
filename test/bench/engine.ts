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

const t0 = performance.now();

const inputs = phase('build inputs', () => {
  const list: { department: number; input: AppraisalInput; base: string }[] = [];
  for (let i = 0; i < APPRAISALS; i++) {
    const returned = int(0, 40);
    const satisfied = int(Math.floor(returned * 0.7), returned);
    const adjustments: AdjustmentInput[] = [];
    if (rand() < 0.1) adjustments.push({ rule: 'praise' });
    if (rand() < 0.05) adjustments.push({ rule: 'errorComplaint' });
    if (rand() < 0.3) adjustments.push({ rule: 'learning', count: int(1, 4) });
    list.push({
      department: i % DEPARTMENTS,
      base: rand() < 0.5 ? '900' : '600',
      input: {
        employeeId: `e${String(i).padStart(6, '0')}`,
        participated: rand() > 0.002,
        ratings: [
          { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(HEAD_ITEMS.map((id) => [id, { points: String(int(7, 10)) }])) },
          {
            section: 'nursingDept',
            role: 'DEPARTMENT',
            items: { medicalEthics: { points: String(int(28, 40)) }, theoryExam: { points: String(int(16, 30)) }, operationExam: { points: String(int(17, 30)) } },
          },
          { section: 'satisfaction', role: 'SURVEY', items: { patientSatisfaction: { values: { satisfied: String(satisfied), returned: String(returned) } } } },
        ],
        adjustments,
      },
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
  const out: { department: number; result: AppraisalResult; base: string }[] = [];
  for (const row of inputs) {
    const r = scoreAppraisal(compiled, row.input, { trace: TRACE });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    out.push({ department: row.department, result: r.value, base: row.base });
  }
  return out;
});

const byDepartment = new Map<number, { result: AppraisalResult; base: string }[]>();
for (const s of scored) {
  const list = byDepartment.get(s.department) ?? [];
  list.push(s);
  byDepartment.set(s.department, list);
}

const distribution = scheme.distribution;
const bands = scheme.grades?.bands ?? [];
if (!distribution) throw new Error('the bench scheme has a distribution');

const calibrated = phase('distribute (quota check + calibration)', () => {
  let violations = 0;
  let moved = 0;
  const grades = new Map<string, string>();
  for (const members of byDepartment.values()) {
    const rows = members.map((m) => ({ employeeId: m.result.employeeId, total: m.result.total, grade: m.result.grade?.grade ?? 'unqualified', sections: { headNurse: m.result.sections[0]?.score ?? '0' } }));
    violations += checkQuotas(bands, distribution, rows).length;
    const proposal = calibrateGroup(bands, distribution, rows);
    for (const r of proposal.rows) {
      grades.set(r.employeeId, r.to);
      if (r.to !== r.from) moved += 1;
    }
  }
  return { violations, moved, grades };
});

const paid = phase('price (pay module)', () => {
  let total = 0n;
  for (const members of byDepartment.values()) {
    const results = members.map((m) => {
      const grade = calibrated.grades.get(m.result.employeeId) ?? 'unqualified';
      return { ...m.result, grade: { grade, bandGrade: m.result.grade?.bandGrade ?? grade, reason: 'band' as const } };
    });
    const facts = Object.fromEntries(members.map((m) => [m.result.employeeId, { base: m.base }]));
    const pay = priceGroup(scheme, { results, facts });
    if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
    for (const v of Object.values(pay.value.totals)) total += BigInt(v.replace('.', ''));
  }
  return total;
});

const totalMs = performance.now() - t0;
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`engine bench: ${APPRAISALS.toLocaleString('en')} appraisals, ${DEPARTMENTS} departments, scheme "${scheme.code}", traces ${TRACE ? 'on' : 'off'}`);
for (const [name, ms, cpu] of timings) console.log(`  ${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms wall ${cpu.toFixed(0).padStart(6)} ms cpu`);
console.log(`  ${'total'.padEnd(40)} ${totalMs.toFixed(0).padStart(6)} ms wall`);
console.log(`  ${'engine (total minus building inputs)'.padEnd(40)} ${(totalMs - (timings[0]?.[1] ?? 0)).toFixed(0).padStart(6)} ms wall`);
console.log(`  load average at end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  quota violations before calibration: ${calibrated.violations}; grades moved: ${calibrated.moved}`);
console.log(`  pay total: ${(Number(paid) / 100).toFixed(2)} yuan`);
console.log(`  peak rss ${mb(peakRss)}, peak heapUsed ${mb(peakHeap)}`);
