import { compileScheme, seedPrograms, type AppraisalInput, type ItemInput } from '@appraisal/domain';
import { planFor, planNumbers, scoreNumbers } from '../domain/src/scoring/fast.js';
const N = 100_000;
const P: ItemInput[] = Array.from({ length: 41 }, (_, k) => ({ points: String(k) }));
const inputs: AppraisalInput[] = [];
const exact = process.argv.includes('--exact');
const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice(7) ?? 1);
for (let i = 0; i < N; i++) {
  const h = (k: number) => P[7 + ((i * 7 + k) % 4)]!;
  inputs.push({ employeeId: `e${i}`, participated: true, ratings: [
    { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: { workCompletion: h(1), businessAbility: h(2), workEfficiency: h(3), workQuality: h(4), laborDiscipline: h(5), attitude: h(6), attendance: h(7), solidarity: h(8), errorsAccidents: h(9), serviceAttitude: h(10) } },
    { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics: P[30 + (i % 10)]!, theoryExam: P[16 + (i % 14)]!, operationExam: P[20 + (i % 10)]! } },
    { section: 'satisfaction', role: 'SURVEY', items: { patientSatisfaction: { values: exact ? { satisfied: '20', returned: '20' } : { satisfied: String(i % 30), returned: String(30 + (i % 10)) } } } },
  ], adjustments: [] });
}
const c = compileScheme(seedPrograms.nursing); if (!c.ok) throw 1;
const plan = planFor(c.value)!;
const out = planNumbers();
for (let rep = 0; rep < reps; rep++) {
  const t = performance.now();
  for (const x of inputs) { if (!scoreNumbers(plan, x, out)) throw 1; }
  console.log(`exact=${exact}`, ((performance.now() - t) * 1e6 / N).toFixed(0), 'ns/appraisal');
}
