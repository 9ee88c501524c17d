import { seedPrograms } from '@appraisal/domain';
import { demoSchemes } from '../../api/src/seed/demo-schemes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let seeded: Record<string, { id: string; version: number }>;

type Detail = { field: string; rule: string; message: string };
const details = (r: GqlResult<unknown>): Detail[] => r.errors?.[0]?.extensions?.details ?? [];
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const CREATE = `mutation($input: CreateSchemeInput!) { createScheme(input: $input) { id version code status draft { json code name { en zh } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSchemeInput!) { updateScheme(id: $id, input: $input) { id version status draft { sections { id weight } } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishScheme(id: $id, version: $version) { id number publishedBy document { sections { id weight } } scheme { id version status } } }`;
const PREVIEW = `query($input: PreviewSchemeInput!, $locale: String!) { previewScheme(input: $input) {
  valid issues { path code message params text { en zh } } total weighted adjustmentPoints adjustmentMoney grade gradeLabel { en zh } sections { id score weight }
  pay { component amount detail explanation { en zh } } explanation(locale: $locale)
  group { size average outputValue members { id name sample total grade payTotal pay { component amount explanation { en zh } } } quotas { grade bound percent limit actual ok } } } }`;

interface PayLine {
  component: string;
  amount: string;
  detail: string;
  explanation: { en: string; zh: string };
}

interface Preview {
  valid: boolean;
  issues: Array<{ path: string; code: string; message: string; params: Record<string, unknown> | null; text: { en: string; zh: string } }>;
  total: string | null;
  weighted: string | null;
  adjustmentPoints: string | null;
  adjustmentMoney: string | null;
  grade: string | null;
  gradeLabel: { en: string; zh: string } | null;
  sections: Array<{ id: string; score: string; weight: string | null }>;
  pay: PayLine[];
  explanation: string[];
  group: {
    size: number;
    average: string;
    outputValue: string | null;
    members: Array<{ id: string; name: string | null; sample: boolean; total: string; grade: string | null; payTotal: string | null; pay: PayLine[] }>;
    quotas: Array<{ grade: string; bound: string; percent: string; limit: number; actual: number; ok: boolean }>;
  } | null;
}

async function preview(input: Record<string, unknown>, token = hr, locale = 'en'): Promise<GqlResult<{ previewScheme: Preview }>> {
  return gql<{ previewScheme: Preview }>(server.url, PREVIEW, { input, locale }, token);
}
async function previewOk(input: Record<string, unknown>, locale = 'en'): Promise<Preview> {
  const result = await preview(input, hr, locale);
  expect(result.errors).toBeUndefined();
  return result.data?.previewScheme as Preview;
}

async function auditRows(entityId: string): Promise<Array<{ operation: string; actor_user_id: string | null; after: Record<string, unknown> | null }>> {
  return server.orm.em.getConnection().execute(`select operation, actor_user_id, after from audit_entry where entity_id = ? order by id`, [entityId]);
}

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
  const list = await gql<{ schemes: { nodes: Array<{ id: string; code: string; version: number }> } }>(server.url, '{ schemes(first: 50) { nodes { id code version } } }', {}, hr);
  seeded = Object.fromEntries((list.data?.schemes.nodes ?? []).map((s) => [s.code, s]));
});
afterAll(() => server?.stop());

describe('the seeded schemes', () => {
  it('holds the five seed programs as published version 1, applying to their demo departments', async () => {
    const result = await gql<{ schemes: { totalCount: number; nodes: Array<{ code: string; status: string; templateKey: string; draft: unknown; applicableDepartments: Array<{ code: string }>; versions: Array<{ number: number; document: { json: unknown; sections: Array<{ id: string }> } }> }> } }>(
      server.url,
      `{ schemes(first: 50, sort: [{ field: CODE }]) { totalCount nodes { code status templateKey draft { code } applicableDepartments { code }
         versions { number document { json sections { id } } } } } }`,
      {},
      hr,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.schemes.nodes ?? [];
    expect(nodes.map((s) => [s.code, s.status, s.applicableDepartments.map((d) => d.code)])).toEqual([
      ['cafeteria', 'PUBLISHED', ['CAFETERIA']],
      ['headquarters', 'PUBLISHED', ['HQ']],
      ['hotelAudit', 'PUBLISHED', ['HOTEL-AUDIT']],
      ['nursing', 'PUBLISHED', ['NURSING']],
      ['workshop', 'PUBLISHED', ['WORKSHOP']],
    ]);
    for (const s of nodes) {
      expect(s.draft).toBeNull();
      expect(s.versions.map((v) => v.number)).toEqual([1]);
      // The demo publishes the seed programs as they are, but for nursing's monthly self-review window (demo-schemes.ts).
      expect(s.versions[0]?.document.json).toEqual(demoSchemes.find((d) => d.key === s.code)?.document);
    }
    expect(nodes.find((s) => s.code === 'nursing')?.versions[0]?.document.sections.map((x) => x.id)).toEqual(['headNurse', 'nursingDept', 'satisfaction']);
  });

  it('shows the document structure as typed fields', async () => {
    const result = await gql<{ scheme: { latestVersion: { document: Record<string, unknown> } } }>(
      server.url,
      `query($id: ID!) { scheme(id: $id) { latestVersion { document { code period sectionWeighting finalFormula
         sections { id weight missingRater itemWeighting raters { role weight } items { id indicatorCode maxPoints passMark method } }
         adjustmentRules { id direction unit min max } gradeBands { grade label { zh } min minInclusive max maxInclusive }
         quotas { grade bound percent cumulative } payComponents { id kind } rollups { id } rounding { places mode applyAt } } } } }`,
      { id: seeded.nursing?.id },
      hr,
    );
    expect(result.errors).toBeUndefined();
    const doc = result.data?.scheme.latestVersion.document as {
      period: string;
      sections: Array<{ id: string; weight: string; raters: Array<{ role: string }>; items: Array<{ id: string; passMark: string | null; method: string }> }>;
      gradeBands: Array<{ grade: string; min: string; minInclusive: boolean }>;
      quotas: Array<{ grade: string; bound: string; percent: string }>;
    };
    expect(doc.period).toBe('MONTH');
    expect(doc.sections.map((s) => [s.id, s.weight, s.raters[0]?.role])).toEqual([
      ['headNurse', '30', 'DIRECT_SUPERVISOR'],
      ['nursingDept', '30', 'DEPARTMENT'],
      ['satisfaction', '40', 'SURVEY'],
    ]);
    expect(doc.sections[2]?.items[0]?.method).toBe('formula');
    expect(doc.gradeBands.map((b) => [b.grade, b.min, b.minInclusive])).toEqual([
      ['excellent', '90', false],
      ['good', '80', true],
      ['qualified', '60', true],
      ['unqualified', '0', true],
    ]);
    expect(doc.quotas.map((q) => q.grade)).toEqual(['excellent', 'good', 'qualified']);
  });
});

describe('version pinning', () => {
  let scheme: { id: string; version: number };

  it('publishes v1, edits the draft, publishes v2, and v1 keeps its document', async () => {
    const created = await gql<{ createSchemeFromTemplate: { id: string; version: number; status: string; templateKey: string } }>(
      server.url,
      'mutation { createSchemeFromTemplate(template: "nursing", code: "nursing2027", name: "Nursing 2027") { id version status templateKey } }',
      {},
      hr,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createSchemeFromTemplate).toMatchObject({ status: 'DRAFT', templateKey: 'nursing' });
    scheme = created.data?.createSchemeFromTemplate as { id: string; version: number };

    const v1 = await gql<{ publishScheme: { id: string; number: number; publishedBy: string; scheme: { version: number; status: string } } }>(server.url, PUBLISH, scheme, hr);
    expect(v1.errors).toBeUndefined();
    expect(v1.data?.publishScheme).toMatchObject({ number: 1, publishedBy: 'Chen Jing', scheme: { status: 'PUBLISHED' } });
    const v1Id = v1.data?.publishScheme.id as string;

    const doc = clone(seedPrograms.nursing);
    doc.sections[0]!.weight = '40';
    doc.sections[2]!.weight = '30';
    const edited = await gql<{ updateScheme: { version: number; status: string; draft: { sections: Array<{ weight: string }> } } }>(
      server.url,
      UPDATE,
      { id: scheme.id, input: { version: v1.data?.publishScheme.scheme.version, document: doc } },
      hr,
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.updateScheme.draft.sections.map((s) => s.weight)).toEqual(['40', '30', '30']);

    const v2 = await gql<{ publishScheme: { number: number; document: { sections: Array<{ weight: string }> } } }>(server.url, PUBLISH, { id: scheme.id, version: edited.data?.updateScheme.version }, hr);
    expect(v2.errors).toBeUndefined();
    expect(v2.data?.publishScheme.number).toBe(2);

    const read = await gql<{ scheme: { draft: unknown; latestVersion: { number: number }; versions: Array<{ id: string; number: number; document: { sections: Array<{ weight: string }> } }> } }>(
      server.url,
      'query($id: ID!) { scheme(id: $id) { draft { code } latestVersion { number } versions { id number document { sections { weight } } } } }',
      { id: scheme.id },
      hr,
    );
    expect(read.data?.scheme.draft).toBeNull();
    expect(read.data?.scheme.latestVersion.number).toBe(2);
    expect(read.data?.scheme.versions.map((v) => [v.number, v.document.sections.map((s) => s.weight)])).toEqual([
      [2, ['40', '30', '30']],
      [1, ['30', '30', '40']],
    ]);
    expect(read.data?.scheme.versions[1]?.id).toBe(v1Id);
  });

  it('cannot edit a published version: there is no such mutation and the database refuses it', async () => {
    await expect(server.orm.em.getConnection().execute(`update scheme_version set document = '{}'::jsonb where scheme_id = ?`, [scheme.id])).rejects.toThrow(/immutable/);
    await expect(server.orm.em.getConnection().execute(`delete from scheme_version where scheme_id = ?`, [scheme.id])).rejects.toThrow(/immutable/);
    const noDraft = await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishScheme(id: $id, version: $v) { id } }', { id: scheme.id, v: 5 }, hr);
    expect(codes(noDraft)).toEqual(['CONFLICT']);
  });

  it('starts a new draft from the latest version when only metadata changes, and can discard it', async () => {
    const current = await gql<{ scheme: { version: number } }>(server.url, 'query($id: ID!) { scheme(id: $id) { version } }', { id: scheme.id }, hr);
    const renamed = await gql<{ updateScheme: { version: number; draft: { sections: Array<{ weight: string }> } } }>(
      server.url,
      UPDATE,
      { id: scheme.id, input: { version: current.data?.scheme.version, name: 'Nursing 2027 (rev.)' } },
      hr,
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateScheme.draft.sections.map((s) => s.weight)).toEqual(['40', '30', '30']);
    const discarded = await gql<{ discardSchemeDraft: { version: number } }>(
      server.url,
      'mutation($id: ID!, $v: Int!) { discardSchemeDraft(id: $id, version: $v) { version } }',
      { id: scheme.id, v: renamed.data?.updateScheme.version },
      hr,
    );
    expect(discarded.errors).toBeUndefined();
    const audit = await auditRows(scheme.id);
    expect(audit.map((a) => a.operation)).toEqual(['createSchemeFromTemplate', 'publishScheme', 'updateScheme', 'publishScheme', 'updateScheme', 'discardSchemeDraft']);
    expect(audit.every((a) => a.actor_user_id)).toBe(true);
  });
});

describe('validation errors name the path and the rule', () => {
  let draft: { id: string; version: number };

  beforeAll(async () => {
    const created = await gql<{ createScheme: { id: string; version: number } }>(
      server.url,
      CREATE,
      { input: { code: 'frontDesk', name: 'Front desk', periodType: 'MONTH', document: clone(seedPrograms.nursing) } },
      hr,
    );
    expect(created.errors).toBeUndefined();
    draft = created.data?.createScheme as { id: string; version: number };
  });

  const rejected = async (document: unknown): Promise<Detail[]> => {
    const result = await gql(server.url, UPDATE, { id: draft.id, input: { version: draft.version, document } }, hr);
    expect(codes(result)).toEqual(['VALIDATION_FAILED']);
    return details(result);
  };

  it('refuses section weights that do not sum to 100, and validateScheme reports the same', async () => {
    const doc = clone(seedPrograms.nursing);
    doc.sections[1]!.weight = '20';
    expect((await rejected(doc)).map((d) => [d.field, d.rule])).toEqual([['sections', 'section_weights_sum']]);
    const validation = await gql<{ validateScheme: { valid: boolean; issues: Array<{ path: string; code: string }> } }>(
      server.url,
      'query($d: JSON!) { validateScheme(document: $d) { valid issues { path code message } } }',
      { d: doc },
      hr,
    );
    expect(validation.data?.validateScheme).toMatchObject({ valid: false, issues: [{ path: 'sections', code: 'section_weights_sum' }] });
    const shape = clone(seedPrograms.nursing) as unknown as { sections: Array<Record<string, unknown>> };
    shape.sections[1]!.weight = 30; // a number, not decimal text
    expect((await rejected(shape)).map((d) => [d.field, d.rule])).toEqual([['sections[1].weight', 'scheme_invalid_type']]);
  });

  it('refuses overlapping grade bands', async () => {
    const doc = clone(seedPrograms.nursing);
    doc.grades!.bands[0]!.minInclusive = true; // 90 would be both excellent and good
    expect((await rejected(doc)).map((d) => [d.field, d.rule])).toEqual([['grades.bands[1].maxInclusive', 'band_overlap']]);
  });

  it('refuses a formula with an unknown variable, giving its position', async () => {
    const doc = clone(seedPrograms.headquarters);
    doc.rollups[0]!.formula = '(month1 + mnth2) * 20% + quarter * 60%';
    const [problem, ...rest] = await rejected(doc);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'rollups[0].formula', rule: 'formula_unknown_variable' });
    expect(problem?.message).toContain('at character 11');
  });

  it('refuses an item whose range exceeds its full marks, and a preview with points out of range', async () => {
    const doc = clone(seedPrograms.cafeteria);
    doc.sections[0]!.items[0]!.method = { kind: 'range', min: '0', max: '30' };
    expect((await rejected(doc)).map((d) => [d.field, d.rule])).toEqual([['sections[0].items[0].method.max', 'item_max_points']]);
    const p = await previewOk({
      schemeId: seeded.cafeteria?.id,
      appraisal: { employeeId: 'x', ratings: [{ section: 'monthly', role: 'DIRECT_SUPERVISOR', items: { hygiene: { points: '26' }, foodQuality: { points: '1' }, service: { points: '1' }, discipline: { points: '1' }, safety: { points: '1' } } }] },
    });
    expect(p).toMatchObject({ valid: false, total: null, grade: null, issues: [{ path: 'appraisal.ratings[0].items.hygiene', code: 'item_out_of_range' }] });
    expect(p.issues[0]?.text).toEqual({ en: '26 is outside the range of "Hygiene and food safety" (0 to 25).', zh: '26 超出“卫生与食品安全”的分值范围（0 至 25）。' });
  });

  it('refuses pay bands typed literally from the regulation (a gap at 79.5) at save, suggesting half-open bounds', async () => {
    const doc = clone(seedPrograms.cafeteria);
    const rule = doc.pay[0]!.rule;
    if (rule.kind !== 'scorePercentOfBase') throw new Error('cafeteria pays by score band');
    rule.bands[1] = { min: '70', max: '79', minInclusive: true, maxInclusive: true, percent: '80' };
    const [problem, ...rest] = await rejected(doc);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'pay[0].rule.bands[1].max', rule: 'pay_band_gap' });
    const validation = await gql<{ validateScheme: { issues: Array<{ text: { en: string } }> } }>(server.url, 'query($d: JSON!) { validateScheme(document: $d) { issues { text { en } } } }', { d: doc }, hr);
    expect(validation.data?.validateScheme.issues[0]?.text.en).toBe(
      'No pay band covers scores between 79 and 80 (e.g. 79.5). Write bands half-open, such as 70 ≤ score < 80: include the lower bound, exclude the upper one, and let each band start where the one below ends.',
    );
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const ok = await gql<{ updateScheme: { version: number } }>(server.url, UPDATE, { id: draft.id, input: { version: draft.version, name: 'Front desk (monthly)' } }, hr);
    expect(ok.errors).toBeUndefined();
    const stale = await gql(server.url, UPDATE, { id: draft.id, input: { version: draft.version, name: 'Lost update' } }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const read = await gql<{ scheme: { name: string; draft: { name: { en: string }; code: string } } }>(server.url, 'query($id: ID!) { scheme(id: $id) { name draft { code name { en } } } }', { id: draft.id }, hr);
    expect(read.data?.scheme).toEqual({ name: 'Front desk (monthly)', draft: { code: 'frontDesk', name: { en: 'Front desk (monthly)' } } });
    expect((await auditRows(draft.id)).map((a) => a.operation)).toEqual(['createScheme', 'updateScheme']);
  });

  it('creates a valid skeleton when no document is given, and rejects bad metadata with every field named', async () => {
    const skeleton = await gql<{ createScheme: { status: string; draft: { json: unknown; code: string; name: { zh: string } } } }>(
      server.url,
      CREATE,
      { input: { code: 'probationBasic', name: 'Probation', nameZh: '试用期考核', periodType: 'PROBATION' } },
      hr,
    );
    expect(skeleton.errors).toBeUndefined();
    expect(skeleton.data?.createScheme.draft).toMatchObject({ code: 'probationBasic', name: { zh: '试用期考核' }, json: { period: 'probation' } });
    const bad = await gql(server.url, CREATE, { input: { code: 'nursing', name: ' ', periodType: 'MONTH', applicableDepartmentIds: ['00000000-0000-4000-8000-000000000000'] } }, hr);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(details(bad).map((d) => `${d.field}:${d.rule}`).sort()).toEqual(['applicableDepartmentIds:exists', 'code:unique', 'name:length']);
  });
});

describe('preview reproduces the engine\'s worked examples for each seed template', () => {
  const byTemplate = (key: string) => ({ schemeId: seeded[key]?.id });

  it('hotel audit: an unclear handover and a complaint leave 20 points, 20% of a 150 wage', async () => {
    const p = await previewOk({
      ...byTemplate('hotelAudit'),
      appraisal: { employeeId: 'clerk', ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: { occurrences: { handoverUnclear: 1, complaint: 1 } } } }] },
      payBase: '150',
    });
    expect(p).toMatchObject({ valid: true, issues: [], total: '20' });
    expect(p.pay.map((l) => l.amount)).toEqual(['30.00']);
    const best = await previewOk({
      ...byTemplate('hotelAudit'),
      appraisal: { employeeId: 'clerk', ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: {} } }], adjustments: [{ rule: 'excellentStaff', amount: '100' }, { rule: 'goodDeed', amount: '60' }] },
      payBase: '200',
    });
    expect(best).toMatchObject({ adjustmentPoints: '100', total: '200', pay: [{ amount: '400.00' }] });
  });

  it('cafeteria: 85 points is grade A and 100% of a 900 base; 75 is B and 80% of 600', async () => {
    const month = (points: string[], payBase: string) =>
      previewOk({
        ...byTemplate('cafeteria'),
        appraisal: {
          employeeId: 'cook',
          ratings: [{ section: 'monthly', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(['hygiene', 'foodQuality', 'service', 'discipline', 'safety'].map((id, i) => [id, { points: points[i] }])) }],
        },
        payBase,
      });
    const a = await month(['22', '23', '18', '12', '10'], '900');
    expect([a.total, a.grade, a.pay[0]?.amount]).toEqual(['85', 'A', '900.00']);
    const b = await month(['20', '20', '15', '10', '10'], '600');
    expect([b.total, b.grade, b.pay[0]?.amount]).toEqual(['75', 'B', '480.00']);
  });

  it('nursing: 92 x 30% + 87 x 30% + 96 x 40% + 1 = 93.1, excellent, explained in both languages', async () => {
    const head = Object.fromEntries(
      ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'].map((id, i) => [
        id,
        { points: String([10, 9, 9, 9, 10, 9, 9, 9, 9, 9][i]) },
      ]),
    );
    const input = {
      ...byTemplate('nursing'),
      appraisal: {
        employeeId: 'n1',
        ratings: [
          { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: head },
          { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics: { points: '38' }, theoryExam: { points: '24' }, operationExam: { points: '25' } } },
          { section: 'satisfaction', role: 'SURVEY', items: { patientSatisfaction: { values: { satisfied: '48', returned: '50' } } } },
        ],
        adjustments: [{ rule: 'praise' }, { rule: 'errorComplaint' }, { rule: 'learning', count: 2 }],
      },
    };
    const p = await previewOk(input);
    expect(p.sections.map((s) => [s.id, s.score, s.weight])).toEqual([
      ['headNurse', '92', '30'],
      ['nursingDept', '87', '30'],
      ['satisfaction', '96', '40'],
    ]);
    expect(p).toMatchObject({ valid: true, weighted: '92.1', adjustmentPoints: '1', total: '93.1', grade: 'excellent', gradeLabel: { en: 'Excellent' } });
    expect(p.explanation.length).toBeGreaterThan(5);
    const zh = await previewOk(input, 'zh');
    expect(zh.explanation.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.explanation).not.toEqual(p.explanation);
  });

  it('workshop: five aspects make the score; two hours of workwear penalty cost 16.1 at 8.05 an hour; alone, output pay says the other group is empty', async () => {
    const aspects = (points: string) => Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((id) => [id, { points }]));
    const p = await previewOk({
      ...byTemplate('workshop'),
      appraisal: { employeeId: 'w2', ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: aspects('18') }], adjustments: [{ rule: 'workwear', count: 2 }] },
      outputInputs: { revenue: '1200000', kilogramsProduced: '60000', finishedKilograms: '5000' },
      payGroup: 'welding',
      tickets: [{ hours: '100', level: 'onTime' }, { hours: '50', level: 'overUpTo2h' }],
    });
    expect(p).toMatchObject({ total: '90', adjustmentMoney: '-16.1' });
    // Output pay splits the value over every group; a sample of one leaves the integrated group empty, and the
    // engine says so instead of paying the welder the whole output.
    expect(p).toMatchObject({ valid: false, pay: [], issues: [{ path: 'pay.groups[1]', code: 'pay_output_group_empty' }] });
    expect(p.issues[0]?.text.en).toBe('Group "integrated" has 45000.00 to pay but nobody in it; add a member to that group.');
  });

  it('workshop as a group: output value from revenue per kilogram, split 55/45 and by ticket hours, as in a cycle', async () => {
    const aspects = Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((id) => [id, { points: '20' }]));
    const p = await previewOk({
      ...byTemplate('workshop'),
      appraisal: { employeeId: 'w2', ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: aspects }], adjustments: [{ rule: 'workwear', count: 2 }] },
      outputInputs: { revenue: '1200000', kilogramsProduced: '60000', finishedKilograms: '5000' },
      payGroup: 'welding',
      tickets: [{ hours: '100', level: 'onTime' }, { hours: '50', level: 'overUpTo2h' }],
      group: {
        members: [
          { id: 'w1', name: 'Welder one', total: '95', payGroup: 'welding', tickets: [{ hours: '160', level: 'onTime' }] },
          { id: 'i1', name: 'Fitter one', total: '90', payGroup: 'integrated', tickets: [{ hours: '170', level: 'onTime' }] },
          { id: 'i2', name: 'Fitter two', total: '88', payGroup: 'integrated', tickets: [{ hours: '60', level: 'onTime' }, { hours: '100', level: 'delivery' }] },
        ],
      },
    });
    expect(p.issues).toEqual([]);
    // 1,200,000 / 60,000 x 5,000 = 100,000.00; welding 55,000 by 145 : 160, integrated 45,000 by 170 : 110 (as programs.spec.ts)
    expect(p.group?.outputValue).toBe('100000.00');
    expect(p.group?.members.map((m) => [m.id, m.sample, m.payTotal])).toEqual([
      ['w2', true, '26131.44'],
      ['w1', false, '28852.46'],
      ['i1', false, '27321.43'],
      ['i2', false, '17678.57'],
    ]);
    expect(p.pay.map((l) => [l.component, l.amount])).toEqual([
      ['outputPay', '26147.54'],
      ['adjustments', '-16.10'],
    ]);
    expect(p.pay[0]?.explanation.zh).toContain('焊工组占产值 100000.00 的 55% = 55000.00');
    expect(p.explanation.at(-2)).toContain("× 145 of the group's 305 weighted hours (100 h × 100% + 50 h × 90%)");
    const missing = await previewOk({
      ...byTemplate('workshop'),
      appraisal: { employeeId: 'w2', ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: aspects }] },
      outputInputs: { revenue: '1200000', kilogramsProduced: '60000' },
      payGroup: 'welding',
      tickets: [],
      group: { members: [{ id: 'i1', total: '90', payGroup: 'integrated' }] },
    });
    expect(missing.issues.map((i) => [i.path, i.code])).toEqual([['outputInputs.finishedKilograms', 'pay_input_missing']]);
    const noTickets = await previewOk({
      ...byTemplate('workshop'),
      appraisal: { employeeId: 'w2', ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: aspects }] },
      outputValue: '1000',
      payGroup: 'welding',
      tickets: [],
      group: { members: [{ id: 'i1', name: 'Fitter one', total: '90', payGroup: 'integrated' }] },
    });
    expect(noTickets.issues.map((i) => [i.path, i.code, i.text.en])).toEqual([['group.members[0].tickets', 'pay_fact_missing', 'Enter the work tickets of Fitter one.']]);
  });

  it('headquarters: self 20% + scale 80% with the HR rater missing renormalised gives 85.7', async () => {
    const p = await previewOk({
      ...byTemplate('headquarters'),
      appraisal: {
        employeeId: 'h1',
        ratings: [
          { section: 'self', role: 'SELF', items: { self_moral: { points: '90' }, self_ability: { points: '90' }, self_diligence: { points: '90' }, self_performance: { points: '90' } } },
          { section: 'scale', role: 'DIRECT_SUPERVISOR', items: { moral: { level: 'good' }, ability: { level: 'outstanding' }, diligence: { level: 'good' }, performance: { level: 'good' } } },
          { section: 'scale', role: 'SECOND_LEVEL_SUPERVISOR', items: { moral: { level: 'competent' }, ability: { level: 'competent' }, diligence: { level: 'competent' }, performance: { level: 'competent' } } },
        ],
      },
      payBase: '1000',
      pool: '10000',
    });
    expect(p).toMatchObject({ valid: true, total: '85.7' });
    expect(p.sections.find((s) => s.id === 'scale')?.score).toBe('84.625');
    // A group of one is its own average: floating pay equals the base, and the whole pool is theirs.
    expect(p.pay.map((l) => [l.component, l.amount])).toEqual([
      ['floatingPay', '1000.00'],
      ['bonus', '10000.00'],
    ]);
  });

  it('headquarters as a group: floating pay against the group\'s average, the pool shared in full', async () => {
    const sample = {
      employeeId: 'h1',
      ratings: [
        { section: 'self', role: 'SELF', items: { self_moral: { points: '90' }, self_ability: { points: '90' }, self_diligence: { points: '90' }, self_performance: { points: '90' } } },
        { section: 'scale', role: 'HR', items: { moral: { level: 'outstanding' }, ability: { level: 'good' }, diligence: { level: 'outstanding' }, performance: { level: 'competent' } } },
      ],
    };
    const alone = await previewOk({ ...byTemplate('headquarters'), appraisal: sample, payBase: '1000' });
    // Without a pool the bonus cannot be priced; the issue sits at the pool input and says so in words.
    expect(alone.issues.map((i) => [i.path, i.code, i.text.en, i.text.zh])).toEqual([['pool', 'pay_fact_missing', 'Enter the bonus pool.', '请填写奖金池。']]);
    const p = await previewOk({
      ...byTemplate('headquarters'),
      appraisal: sample,
      payBase: '1000',
      pool: '10000',
      group: { members: [{ id: 'e2', name: 'Li Na', total: '80', payBase: '1000' }, { id: 'e3', name: 'Zhao Lei', total: '70', payBase: '1200' }] },
    });
    expect(p.issues).toEqual([]);
    // The sample: self 90 x 20% + scale (100 x 20 + 85 x 30 + 100 x 20 + 70 x 30) / 100 = 86.5 x 80% = 18 + 69.2 = 87.2
    expect(p.total).toBe('87.2');
    // average (87.2 + 80 + 70) / 3 = 79.0666..; 1000 x 87.2 / 79.0666.. = 1102.866..
    expect(p.group).toMatchObject({ size: 3, average: '79.06666666666666666666666666666666666667' });
    expect(p.pay.map((l) => [l.component, l.amount])).toEqual([
      ['floatingPay', '1102.87'],
      // 10,000 x 87.2 / 237.2 = 3676.2225..; the spare cent goes to Zhao Lei's larger remainder (2951.096..)
      ['bonus', '3676.22'],
    ]);
    expect(p.group?.members.map((m) => [m.id, m.payTotal])).toEqual([
      ['h1', '4779.09'],
      ['e2', '4384.48'],
      ['e3', '4013.49'],
    ]);
    const shares = p.group?.members.map((m) => m.pay.find((l) => l.component === 'bonus')?.amount);
    expect(shares?.reduce((sum, a) => sum + Math.round(Number(a) * 100), 0)).toBe(1_000_000);
    expect(p.pay[0]?.explanation.en).toBe("base 1000 × score 87.2 ÷ the group's average ≈ 79.0667 (ratio 1.1029, 3 people)");
  });

  it('nursing as a group: the quotas of the scheme against the sample group', async () => {
    const totals = ['96', '95', '93', '91', '88', '86', '84', '82', '81'];
    const p = await previewOk({
      ...byTemplate('nursing'),
      appraisal: { employeeId: 'n0', participated: false, ratings: [] },
      group: { members: totals.map((total, i) => ({ id: `n${i + 1}`, total })) },
    });
    // 10 nurses: at most 3 excellent (4 are), at most 5 good or better cumulative..., at least 2 qualified or worse (1 is: the absent sample)
    expect(p.group?.quotas.map((q) => [q.grade, q.bound, q.limit, q.actual, q.ok])).toEqual([
      ['excellent', 'max', 3, 4, false],
      ['good', 'max', 5, 5, true],
      ['qualified', 'min', 2, 1, false],
    ]);
  });

  it('returns issues instead of failing for an invalid document, a malformed appraisal or a missing pay fact', async () => {
    const broken = clone(seedPrograms.nursing);
    broken.sections[0]!.weight = '10';
    const invalid = await previewOk({ document: broken, appraisal: { employeeId: 'x', ratings: [] } });
    expect(invalid).toMatchObject({ valid: false, total: null, issues: [{ path: 'sections', code: 'section_weights_sum' }] });
    const malformed = await previewOk({ ...byTemplate('nursing'), appraisal: { employeeId: 'x', ratings: 'all good' } });
    expect(malformed).toMatchObject({ valid: false, issues: [{ path: 'appraisal.ratings', code: 'appraisal_shape' }] });
    const noBase = await previewOk({
      ...byTemplate('cafeteria'),
      appraisal: { employeeId: 'c', ratings: [{ section: 'monthly', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(['hygiene', 'foodQuality', 'service', 'discipline', 'safety'].map((id) => [id, { points: '10' }])) }] },
    });
    expect(noBase).toMatchObject({ valid: false, total: '50', issues: [{ path: 'payBase', code: 'pay_fact_missing' }], pay: [] });
    expect(noBase.issues[0]?.text).toEqual({ en: 'Enter the pay base.', zh: '请填写薪酬基数。' });
    expect(invalid.issues[0]).toMatchObject({ params: { actual: '80', expected: 100 }, text: { en: 'Section weights add up to 80, not 100.', zh: '各部分权重合计为 80，应为 100。' } });
  });
});

describe('export and import as JSON', () => {
  it('exports a published version and imports it as a new draft scheme', async () => {
    const exported = await gql<{ exportScheme: { fileName: string; contentType: string; contentBase64: string } }>(
      server.url,
      'query($id: ID!) { exportScheme(id: $id, versionNumber: 1) { fileName contentType contentBase64 } }',
      { id: seeded.workshop?.id },
      hr,
    );
    expect(exported.errors).toBeUndefined();
    const file = exported.data?.exportScheme as { fileName: string; contentType: string; contentBase64: string };
    expect(file).toMatchObject({ fileName: 'scheme-workshop-v1.json', contentType: 'application/json' });
    const parsed = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as { versionNumber: number; scheme: { applicableDepartmentCodes: string[] }; document: unknown };
    expect(parsed).toMatchObject({ versionNumber: 1, scheme: { applicableDepartmentCodes: ['WORKSHOP'] } });
    expect(parsed.document).toEqual(seedPrograms.workshop);

    const IMPORT = `mutation($f: String!, $c: String!, $code: String) { importScheme(fileName: $f, contentBase64: $c, code: $code) { id code status draft { json } applicableDepartments { code } } }`;
    const clash = await gql(server.url, IMPORT, { f: file.fileName, c: file.contentBase64 }, hr);
    expect(codes(clash)).toEqual(['VALIDATION_FAILED']);
    expect(details(clash).map((d) => `${d.field}:${d.rule}`)).toEqual(['code:unique']);
    const imported = await gql<{ importScheme: { id: string; code: string; status: string; draft: { json: { code: string } }; applicableDepartments: Array<{ code: string }> } }>(
      server.url,
      IMPORT,
      { f: file.fileName, c: file.contentBase64, code: 'workshopCopy' },
      hr,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importScheme).toMatchObject({ code: 'workshopCopy', status: 'DRAFT', draft: { json: { ...seedPrograms.workshop, code: 'workshopCopy' } }, applicableDepartments: [{ code: 'WORKSHOP' }] });
    expect((await auditRows(imported.data?.importScheme.id as string)).map((a) => a.operation)).toEqual(['importScheme', 'importScheme:file']);

    const garbage = await gql(server.url, IMPORT, { f: 'x.json', c: Buffer.from('{"hello": 1}').toString('base64') }, hr);
    expect(details(garbage).map((d) => `${d.field}:${d.rule}`)).toEqual(['contentBase64:file_format']);
    const invalidDoc = { ...parsed, document: { ...(parsed.document as object), sections: [] } };
    const invalid = await gql(server.url, IMPORT, { f: 'x.json', c: Buffer.from(JSON.stringify(invalidDoc)).toString('base64'), code: 'workshopBroken' }, hr);
    expect(codes(invalid)).toEqual(['VALIDATION_FAILED']);
    expect(details(invalid)[0]?.field).toBe('sections');
  });
});
