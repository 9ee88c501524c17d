import { compileScheme, scoreAppraisal, seedPrograms, type AppraisalInput, type ItemInput } from '@appraisal/domain';
const N = 100_000;
const HEAD_ITEMS = ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'];
const pts = new Map<number, ItemInput>(); const p = (n: number) => { let v = pts.get(n); if (!v) { v = { points: String(n) }; pts.set(n, v); } return v; };
const inputs: AppraisalInput[] = [];
for (let i = 0; i < N; i++) {
  const head: Record<string, ItemInput> = {};
  for (const id of HEAD_ITEMS) head[id] = p(7 + (i * 7 + id.length) % 4);
  inputs.push({ employeeId: `e${String(i).padStart(6, '0')}`, participated: true, ratings: [
    { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: head },
    { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics: p(30 + i % 10), theoryExam: p(16 + i % 14), operationExam: p(20 + i % 10) } },
    { section: 'satisfaction', role: 'SURVEY', items: { patientSatisfaction: { values: { satisfied: String(i % 30), returned: String(30 + i % 10) } } } },
  ], adjustments: [] });
}
const c = compileScheme(seedPrograms.nursing); if (!c.ok) throw 1;
const keep = process.argv.includes('--keep'); const trace = process.argv.includes('--trace');
for (let rep = 0; rep < 3; rep++) {
  const out: unknown[] = [];
  const t = performance.now(); const cpu = process.cpuUsage();
  let s = 0;
  for (const x of inputs) { const r = scoreAppraisal(c.value, x, { trace }); if (!r.ok) throw 1; if (keep) out.push(r.value); s += r.value.total.length; }
  const u = process.cpuUsage(cpu);
  console.log(`keep=${keep} trace=${trace}`, (performance.now() - t).toFixed(0), 'ms wall', ((u.user + u.system) / 1000).toFixed(0), 'cpu', s);
}
