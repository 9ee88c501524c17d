import { describeIssue } from '../../domain/src/messages/index.js';
import { seedPrograms, type SchemeDefinition } from '@appraisal/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { ratedWardCycle, wardScheme, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

// A nursing ward (Part 3) whose result needs the patient-satisfaction survey: the head nurse rates 60 %, the survey
// (a data slot, imported) gives 40 %. Plus/minus entries: the seed's fixed rules and a ranged one, bonus capped at 3.
function surveyWard(code: string): SchemeDefinition {
  const base = wardScheme(code);
  const satisfaction = structuredClone(seedPrograms.nursing.sections.find((s) => s.id === 'satisfaction'));
  if (!satisfaction || !base.sections[0]) throw new Error('the nursing seed changed');
  return {
    ...base,
    sections: [{ ...base.sections[0], weight: '60' }, { ...satisfaction, weight: '40' }],
    adjustments: {
      rules: [...base.adjustments.rules, { id: 'extraDuty', name: { en: 'Extra duty', zh: '额外值班' }, direction: 'bonus', unit: 'points', amount: { kind: 'range', min: '1', max: '5' } }],
      caps: { maxBonus: '3' },
    },
    distribution: undefined,
    pay: [],
  } as SchemeDefinition;
}

let server: TestServer;
let hr: string;
let headNurse: string;
let nurse: string;
let ward: WardCycle;
const clock = fixedClock('2025-10-02');
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');
const IMPORT = 'mutation($i: ImportMeasuredInputsInput!) { importMeasuredInputs(input: $i) { dryRun totalRows validRows applied created updated results errors { row field column code } } }';
const SAVE = 'mutation($i: SaveMeasuredInputsInput!) { saveMeasuredInputs(input: $i) { result entries { kind item values { name value } } } }';
const APPRAISAL = 'query($id: ID!) { appraisal(id: $id) { id version total ratingProgress { expected submitted } adjustments { id rule amount occurrences reason removedAt removedReason } } }';
type AppraisalView = { id: string; version: number; total: string | null; adjustments: Array<{ id: string; rule: string; amount: string | null; occurrences: number | null; removedAt: string | null }> };
const appraisal = async (n: string) => ok(await gql<{ appraisal: AppraisalView }>(server.url, APPRAISAL, { id: ward.appraisalOf.get(n) }, hr)).appraisal;
const employeeId = async (n: string) => (await sqlRows<{ id: string }>('select id from employee where employee_number = ?', [n]))[0]?.id as string;

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  ward = await ratedWardCycle(server, hr, { code: 'wardSurvey', period: '2025-09', document: surveyWard('wardSurvey') });
  headNurse = await loginAs(server, 'NUMED00', ['EMPLOYEE', 'SUPERVISOR']);
  nurse = await loginAs(server, 'NUMED005');
});
afterAll(async () => {
  await server?.stop();
});

describe('measured inputs: survey import with dry run, saving per person, results', () => {
  it('results wait for the survey: every person rating is in, the data slot is not', async () => {
    const a = await appraisal('NUMED001');
    expect(a.total).toBeNull();
  });

  it('the template lists every participant with the survey\'s two values', async () => {
    const file = ok(await gql<{ measuredInputTemplate: { fileName: string; contentBase64: string } }>(server.url, 'query($c: ID!) { measuredInputTemplate(cycleId: $c) { fileName contentBase64 } }', { c: ward.cycleId }, hr)).measuredInputTemplate;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).text).toBe('Employee number');
    expect((sheet?.rowCount ?? 0) - 1).toBe(ward.appraisalOf.size * 2);
    expect(sheet?.getRow(2).getCell(5).text).toMatch(/^(satisfied|returned)$/);
    expect(codes(await gql(server.url, 'query($c: ID!) { measuredInputTemplate(cycleId: $c) { fileName } }', { c: ward.cycleId }, headNurse))).toEqual(['FORBIDDEN']);
  });

  it('a dry run reports every bad row by column and rule; applying a file with a bad row writes nothing', async () => {
    const file = csv([
      'Employee number,类型,Item,Input,Value',
      'NUMED001,Item values,patientSatisfaction,satisfied,48',
      'NUMED001,Item values,patientSatisfaction,returned,50',
      'NUMED002,测量值,patientSatisfaction,satisfied,51',
      'NUMED002,ITEM_VALUES,patientSatisfaction,returned,50',
      'NUMED003,ITEM_VALUES,patientSatisfaction,asked,5',
      'NOPE01,ITEM_VALUES,patientSatisfaction,satisfied,5',
    ]);
    for (const dryRun of [true, false]) {
      const r = ok(await gql<{ importMeasuredInputs: { applied: boolean; totalRows: number; errors: Array<{ row: number; field: string; column: string; code: string }> } }>(server.url, IMPORT, { i: { cycleId: ward.cycleId, fileName: 'survey.csv', contentBase64: file, dryRun } }, hr)).importMeasuredInputs;
      expect(r.applied).toBe(false);
      expect(r.totalRows).toBe(6);
      expect(r.errors.map((e) => `${e.row}:${e.column}:${e.code}`).sort()).toEqual(
        ['4:Value:survey_satisfied_exceeds_returned', '6:Value:measured_value_unknown', '6:Value:measured_value_missing', '6:Value:measured_value_missing', '7:Employee number:measured_not_in_cycle'].sort(),
      );
    }
    expect((await sqlRows<{ n: number }>('select count(*)::int as n from measured_input where cycle_id = ?', [ward.cycleId]))[0]?.n).toBe(0);
    expect(codes(await gql(server.url, IMPORT, { i: { cycleId: ward.cycleId, fileName: 'survey.csv', contentBase64: file, dryRun: true } }, headNurse))).toEqual(['FORBIDDEN']);
  });

  it('a row problem carries the values its message interpolates, so the console words it in Chinese', async () => {
    const file = csv(['Employee number,Kind,Item,Input,Value', 'NUMED001,ITEM_VALUES,patientSatisfaction,satisfied,4o', 'NUMED001,ITEM_VALUES,patientSatisfaction,returned,50', 'NUMED002,VISITS,x,y,1']);
    const QUERY = 'mutation($i: ImportMeasuredInputsInput!) { importMeasuredInputs(input: $i) { errors { row code message params } } }';
    type RowError = { row: number; code: string; message: string; params: Record<string, string | number> | null };
    const r = ok(await gql<{ importMeasuredInputs: { errors: RowError[] } }>(server.url, QUERY, { i: { cycleId: ward.cycleId, fileName: 'survey.csv', contentBase64: file, dryRun: true } }, hr)).importMeasuredInputs;
    const notNumber = r.errors.find((e) => e.code === 'measured_not_a_number');
    expect(notNumber).toMatchObject({ row: 2, params: { name: 'satisfied', value: '4o' } });
    expect(describeIssue({ code: notNumber?.code ?? '', message: notNumber?.message ?? '', params: notNumber?.params ?? {} }, 'zh')).toBe('satisfied“4o”不是数字。');
    expect(r.errors.find((e) => e.code === 'measured_kind_unknown')).toMatchObject({ row: 4, params: { value: 'VISITS' } });
  });

  it('a clean sheet writes every row and computes each result with the survey (60 % head nurse + 40 % survey)', async () => {
    const people = [...ward.appraisalOf.keys()];
    const lines = ['工号,类型,项目,输入项,数值'];
    for (const n of people) lines.push(`${n},测量值,patientSatisfaction,satisfied,${n === 'NUMED001' ? 45 : 48}`, `${n},测量值,patientSatisfaction,returned,50`);
    const r = ok(await gql<{ importMeasuredInputs: { applied: boolean; created: number; updated: number; results: number; errors: unknown[] } }>(server.url, IMPORT, { i: { cycleId: ward.cycleId, fileName: 'survey.csv', contentBase64: csv(lines), dryRun: false } }, hr)).importMeasuredInputs;
    expect(r).toMatchObject({ applied: true, created: people.length, updated: people.length, results: people.length, errors: [] });
    expect((await appraisal('NUMED001')).total).toBe('95.4'); // 99 x 60 % + 45/50 x 100 x 40 %
    expect((await appraisal('NUMED010')).total).toBe('89.4'); // 85 x 60 % + 96 x 40 %
    const listed = async (token: string) =>
      ok(await gql<{ measuredInputs: { totalCount: number; nodes: Array<{ employee: { employeeNumber: string } }> } }>(server.url, 'query($c: ID!) { measuredInputs(first: 5, filter: { cycleId: $c }) { totalCount nodes { kind item values { name value } employee { employeeNumber } } } }', { c: ward.cycleId }, token)).measuredInputs;
    expect((await listed(hr)).totalCount).toBe(people.length); // one stored input per person: the survey's two values
    // The head nurse sees her ward, not her own figures; a nurse sees none.
    expect((await listed(headNurse)).totalCount).toBe(people.length - 1);
    expect((await listed(nurse)).totalCount).toBe(0);
    expect((await sqlRows<{ n: number }>("select count(*)::int as n from audit_entry where operation = 'importMeasuredInputs'"))[0]?.n).toBe(people.length + 1);
  });

  it('saving one person\'s inputs is checked against the scheme\'s input definitions and recomputes the result', async () => {
    const id = await employeeId('NUMED001');
    const bad = await gql(server.url, SAVE, { i: { cycleId: ward.cycleId, employeeId: id, entries: [{ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: [{ name: 'satisfied', value: '50' }, { name: 'returned', value: '50' }, { name: 'asked', value: '1' }] }] } }, hr);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors?.[0]?.extensions?.details).toEqual([expect.objectContaining({ field: 'input.entries[0].values.asked', rule: 'measured_value_unknown' })]);
    const range = await gql(server.url, SAVE, { i: { cycleId: ward.cycleId, employeeId: id, entries: [{ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: [{ name: 'satisfied', value: '60' }, { name: 'returned', value: '50' }] }] } }, hr);
    expect(range.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'input.entries[0].values.satisfied', rule: 'survey_satisfied_exceeds_returned' });
    expect(codes(await gql(server.url, SAVE, { i: { cycleId: ward.cycleId, employeeId: id, entries: [] } }, nurse))).toEqual(['FORBIDDEN']);
    const saved = ok(
      await gql<{ saveMeasuredInputs: { result: string; entries: Array<{ kind: string }> } }>(server.url, SAVE, { i: { cycleId: ward.cycleId, employeeId: id, entries: [{ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: [{ name: 'satisfied', value: '50' }, { name: 'returned', value: '50' }] }] } }, headNurse),
    ).saveMeasuredInputs;
    expect(saved.result).toBe('COMPUTED');
    expect(saved.entries).toHaveLength(1);
    expect((await appraisal('NUMED001')).total).toBe('99.4');
  });
});

describe('plus/minus entries (addAdjustment / removeAdjustment)', () => {
  const ADD = 'mutation($id: ID!, $v: Int!, $i: AdjustmentInput!) { addAdjustment(appraisalId: $id, version: $v, input: $i) { id version total adjustments { id rule removedAt } } }';
  const REMOVE = 'mutation($id: ID!, $v: Int!, $a: ID!, $r: String!) { removeAdjustment(appraisalId: $id, version: $v, adjustmentId: $a, reason: $r) { id version total adjustments { id rule removedAt } } }';

  it('refuses an amount outside the rule\'s range naming it, unknown rules, a missing reason, a stale version, and supervisors the scheme does not allow', async () => {
    const a = await appraisal('NUMED010');
    const out = await gql(server.url, ADD, { id: a.id, v: a.version, i: { rule: 'extraDuty', amount: '6', reason: 'night shifts' } }, hr);
    expect(out.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'input.amount', rule: 'adjustment_out_of_range', params: { min: '1', max: '5' } });
    const unknown = await gql(server.url, ADD, { id: a.id, v: a.version, i: { rule: 'nope', amount: '1', reason: 'x' } }, hr);
    expect(unknown.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('adjustment_unknown_rule');
    const noReason = await gql(server.url, ADD, { id: a.id, v: a.version, i: { rule: 'extraDuty', amount: '2', reason: ' ' } }, hr);
    expect(noReason.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['adjustment_reason_required']);
    expect(codes(await gql(server.url, ADD, { id: a.id, v: a.version - 1, i: { rule: 'extraDuty', amount: '2', reason: 'night shifts' } }, hr))).toEqual(['CONFLICT']);
    expect(codes(await gql(server.url, ADD, { id: a.id, v: a.version, i: { rule: 'extraDuty', amount: '2', reason: 'night shifts' } }, headNurse))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, ADD, { id: a.id, v: a.version, i: { rule: 'extraDuty', amount: '2', reason: 'night shifts' } }, nurse))).toEqual(['NOT_FOUND']);
    expect((await appraisal('NUMED010')).adjustments).toEqual([]);
  });

  it('entries change the total through the engine with the scheme\'s caps; removal is kept and audited', async () => {
    let a = await appraisal('NUMED010');
    expect(a.total).toBe('89.4');
    const one = ok(await gql<{ addAdjustment: AppraisalView }>(server.url, ADD, { id: a.id, v: a.version, i: { rule: 'extraDuty', amount: '2', reason: 'night shifts' } }, hr)).addAdjustment;
    expect(one.total).toBe('91.4');
    // A patient's praise is worth 10, but all bonuses together are capped at 3.
    const two = ok(await gql<{ addAdjustment: AppraisalView }>(server.url, ADD, { id: a.id, v: one.version, i: { rule: 'praise', occurrences: 1, reason: 'letter from a patient' } }, hr)).addAdjustment;
    expect(two.total).toBe('92.4');
    const extra = two.adjustments.find((x) => x.rule === 'extraDuty') as { id: string };
    const three = ok(await gql<{ removeAdjustment: AppraisalView }>(server.url, REMOVE, { id: a.id, v: two.version, a: extra.id, r: 'entered twice' }, hr)).removeAdjustment;
    expect(three.total).toBe('92.4');
    expect((await gql(server.url, REMOVE, { id: a.id, v: three.version, a: extra.id, r: 'again' }, hr)).errors?.[0]?.extensions?.details?.[0]?.rule).toBe('adjustment_removed');
    const praise = three.adjustments.find((x) => x.rule === 'praise') as { id: string };
    const four = ok(await gql<{ removeAdjustment: AppraisalView }>(server.url, REMOVE, { id: a.id, v: three.version, a: praise.id, r: 'wrong ward' }, hr)).removeAdjustment;
    expect(four.total).toBe('89.4');
    a = await appraisal('NUMED010');
    expect(a.adjustments.map((x) => [x.rule, x.removedAt !== null])).toEqual([['extraDuty', true], ['praise', true]]);
    const audit = await sqlRows<{ operation: string; n: number }>("select operation, count(*)::int as n from audit_entry where operation in ('addAdjustment', 'removeAdjustment') and entity_id = ? group by operation order by operation", [a.id]);
    expect(audit).toEqual([{ operation: 'addAdjustment', n: 2 }, { operation: 'removeAdjustment', n: 2 }]);
    expect((await sqlRows<{ n: number }>('select count(*)::int as n from appraisal_adjustment where appraisal_id = ?', [a.id]))[0]?.n).toBe(2);
  });
});
