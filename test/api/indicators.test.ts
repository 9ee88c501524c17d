import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let categories: Record<string, string>;

type Indicator = { id: string; version: number; code: string; active: boolean; usedBySchemes: number; minPoints: string | null; maxPoints: string; category: { code: string }; tags: string[] };
const FIELDS = 'id version code active usedBySchemes minPoints maxPoints tags category { code } applicableDepartments { code }';
const CREATE = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateIndicatorInput!) { updateIndicator(id: $id, input: $input) { ${FIELDS} } }`;
const IMPORT = `mutation($input: ImportFileInput!) { importIndicators(input: $input) { dryRun totalRows validRows applied created updated errors { row field code message } } }`;
type Report = { importIndicators: { dryRun: boolean; totalRows: number; validRows: number; applied: boolean; created: number; updated: number; errors: Array<{ row: number; field: string | null; code: string }> } };

const details = (r: GqlResult<unknown>) => (r.errors?.[0]?.extensions?.details ?? []).map((d) => `${d.field}:${d.rule}`).sort();
async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await server.orm.em.getConnection().execute<Array<{ n: string }>>(sql, params);
  return Number(row?.n);
}

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
  const list = await gql<{ indicatorCategories: { nodes: Array<{ id: string; code: string }> } }>(server.url, '{ indicatorCategories(first: 100) { nodes { id code } } }', {}, hr);
  categories = Object.fromEntries((list.data?.indicatorCategories.nodes ?? []).map((c) => [c.code, c.id]));
});
afterAll(() => server?.stop());

describe('the indicator library: deny first', () => {
  it('is HR-only: anonymous, employees, supervisors, the committee and admins get nothing and write nothing', async () => {
    expect(codes(await gql(server.url, '{ indicators { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['employee', 'supervisor', 'committee', 'admin'] as const) {
      const token = await login(server.url, demo[role]);
      expect(codes(await gql(server.url, '{ indicators { totalCount } }', {}, token)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'query { exportIndicators { fileName } }', {}, token)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation { createIndicatorCategory(input: { code: "X", name: "X" }) { id } }', {}, token)), role).toEqual(['FORBIDDEN']);
      expect(
        codes(await gql(server.url, IMPORT, { input: { fileName: 'a.csv', contentBase64: Buffer.from('Code\nX').toString('base64'), dryRun: false } }, token)),
        role,
      ).toEqual(['FORBIDDEN']);
    }
    expect(await count(`select count(*) as n from indicator_category where code = 'X'`)).toBe(0);
  });
});

describe('the seeded library', () => {
  it('holds the seed categories and one categorised indicator per indicator code of the seed programs', async () => {
    expect(Object.keys(categories).sort()).toEqual(
      ['ABILITY', 'BUSINESS-KNOWLEDGE', 'DILIGENCE', 'ENVIRONMENT', 'ETHICS', 'MACHINE', 'MATERIAL', 'METHOD', 'MORAL', 'OUTPUT', 'PEOPLE', 'PERFORMANCE', 'QUALITY-OF-WORK', 'SATISFACTION', 'WORK-ATTITUDE', 'WORK-DISCIPLINE'].sort(),
    );
    const list = await gql<{ indicators: { totalCount: number; nodes: Array<Indicator & { scoringMethod: string; measurementSource: string }> } }>(
      server.url,
      `{ indicators(first: 100) { totalCount nodes { ${FIELDS} scoringMethod measurementSource } } }`,
      {},
      hr,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.indicators.totalCount).toBe(29);
    const byCode = new Map(list.data?.indicators.nodes.map((i) => [i.code, i]));
    expect(byCode.get('NURSE-SATISFACTION')).toMatchObject({ category: { code: 'SATISFACTION' }, scoringMethod: 'FORMULA', measurementSource: 'SURVEY', usedBySchemes: 1, maxPoints: '100' });
    expect(byCode.get('HOTEL-AUDIT-DAILY')).toMatchObject({ scoringMethod: 'DEDUCTION', minPoints: null, applicableDepartments: [{ code: 'HOTEL-AUDIT' }] });
    expect(byCode.get('CAFE-HYGIENE')).toMatchObject({ category: { code: 'ENVIRONMENT' }, minPoints: '0', maxPoints: '25' });
    // The workshop's five aspects of Article 7 (people, machine, material, method, environment), rated by the team leader.
    expect(byCode.get('WS-MACHINE')).toMatchObject({ category: { code: 'MACHINE' }, scoringMethod: 'RANGE', measurementSource: 'RATED', maxPoints: '20' });
  });

  it('filters by category, tag, department and text, and sorts by category', async () => {
    const f = await gql<{ indicators: { nodes: Array<{ code: string }> } }>(
      server.url,
      'query($c: ID!) { indicators(filter: { categoryId: $c, tag: "headquarters" }) { nodes { code } } }',
      { c: categories.MORAL },
      hr,
    );
    expect(f.data?.indicators.nodes.map((i) => i.code)).toEqual(['HQ-MORAL']);
    const q = await gql<{ indicators: { nodes: Array<{ code: string }> } }>(server.url, '{ indicators(filter: { q: "satisfaction" }) { nodes { code } } }', {}, hr);
    expect(q.data?.indicators.nodes.map((i) => i.code)).toEqual(['NURSE-SATISFACTION']);
    const sorted = await gql<{ indicators: { nodes: Array<{ category: { code: string } }> } }>(server.url, '{ indicators(first: 3, sort: [{ field: CATEGORY }]) { nodes { category { code } } } }', {}, hr);
    expect(sorted.data?.indicators.nodes.map((i) => i.category.code)).toEqual(['ABILITY', 'ABILITY', 'BUSINESS-KNOWLEDGE']);
  });
});

describe('writing indicators as HR', () => {
  let created: Indicator;

  it('creates an indicator, normalises its points, and audits it', async () => {
    const result = await gql<{ createIndicator: Indicator }>(
      server.url,
      CREATE,
      { input: { code: 'FD-SERVICE', name: 'Front desk service', categoryId: categories.PEOPLE, scoringMethod: 'RANGE', maxPoints: '60.50', measurementSource: 'RATED', tags: ['front desk', ' service ', 'service'] } },
      hr,
    );
    expect(result.errors).toBeUndefined();
    created = result.data?.createIndicator as Indicator;
    expect(created).toMatchObject({ code: 'FD-SERVICE', minPoints: '0', maxPoints: '60.5', tags: ['front desk', 'service'], usedBySchemes: 0, version: 1 });
    const audit = await server.orm.em.getConnection().execute<Array<{ operation: string; actor_user_id: string }>>(`select operation, actor_user_id from audit_entry where entity_id = ?`, [created.id]);
    expect(audit.map((a) => a.operation)).toEqual(['createIndicator']);
    expect(audit[0]?.actor_user_id).toBeTruthy();
  });

  it('names every broken rule and writes nothing', async () => {
    const bad = await gql(
      server.url,
      CREATE,
      { input: { code: 'FD-SERVICE', name: '', categoryId: '00000000-0000-4000-8000-000000000000', scoringMethod: 'DEDUCTION', minPoints: '5', maxPoints: 'ten', measurementSource: 'RATED' } },
      hr,
    );
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(details(bad)).toEqual(['categoryId:exists', 'code:unique', 'maxPoints:decimal', 'minPoints:not_applicable', 'name:length']);
    expect(await count(`select count(*) as n from indicator where code = 'FD-SERVICE'`)).toBe(1);
  });

  it('updates with the version it read and refuses a stale one with CONFLICT', async () => {
    const ok = await gql<{ updateIndicator: Indicator }>(server.url, UPDATE, { id: created.id, input: { version: created.version, minPoints: '10', maxPoints: '50' } }, hr);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateIndicator).toMatchObject({ version: 2, minPoints: '10', maxPoints: '50' });
    const stale = await gql(server.url, UPDATE, { id: created.id, input: { version: created.version, name: 'Lost' } }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const inverted = await gql(server.url, UPDATE, { id: created.id, input: { version: 2, minPoints: '70' } }, hr);
    expect(details(inverted)).toEqual(['minPoints:range']);
  });

  it('retires an indicator a published scheme uses without changing the scheme, and reactivates it', async () => {
    const read = await gql<{ indicators: { nodes: Indicator[] } }>(server.url, `{ indicators(filter: { q: "NURSE-ETHICS" }) { nodes { ${FIELDS} } } }`, {}, hr);
    const ethics = read.data?.indicators.nodes[0] as Indicator;
    expect(ethics.usedBySchemes).toBe(1);
    const schemeBefore = await server.orm.em.getConnection().execute(`select document from scheme_version sv join scheme s on s.id = sv.scheme_id where s.code = 'nursing'`);
    const retired = await gql<{ retireIndicator: Indicator }>(server.url, `mutation($id: ID!, $v: Int!) { retireIndicator(id: $id, version: $v) { ${FIELDS} } }`, { id: ethics.id, v: ethics.version }, hr);
    expect(retired.data?.retireIndicator).toMatchObject({ active: false, usedBySchemes: 1 });
    const schemeAfter = await server.orm.em.getConnection().execute(`select document from scheme_version sv join scheme s on s.id = sv.scheme_id where s.code = 'nursing'`);
    expect(schemeAfter).toEqual(schemeBefore);
    const active = await gql<{ indicators: { totalCount: number } }>(server.url, '{ indicators(filter: { active: false }) { totalCount } }', {}, hr);
    expect(active.data?.indicators.totalCount).toBe(1);
    const back = await gql<{ reactivateIndicator: Indicator }>(server.url, 'mutation($id: ID!, $v: Int!) { reactivateIndicator(id: $id, version: $v) { active } }', { id: ethics.id, v: ethics.version + 1 }, hr);
    expect(back.data?.reactivateIndicator.active).toBe(true);
  });

  it('manages categories as data', async () => {
    const c = await gql<{ createIndicatorCategory: { id: string; version: number } }>(server.url, 'mutation { createIndicatorCategory(input: { code: "SAFETY", name: "Safety", nameZh: "安全" }) { id version } }', {}, hr);
    expect(c.errors).toBeUndefined();
    const u = await gql<{ updateIndicatorCategory: { name: string; version: number } }>(
      server.url,
      'mutation($id: ID!) { updateIndicatorCategory(id: $id, input: { version: 1, name: "Work safety" }) { name version } }',
      { id: c.data?.createIndicatorCategory.id },
      hr,
    );
    expect(u.data?.updateIndicatorCategory).toEqual({ name: 'Work safety', version: 2 });
    const dup = await gql(server.url, 'mutation { createIndicatorCategory(input: { code: "MORAL", name: "Again" }) { id } }', {}, hr);
    expect(details(dup)).toEqual(['code:unique']);
  });

  it('refuses a category name longer than its 100-character column, naming the argument (the fuzzer found an internal error)', async () => {
    const long = 'x'.repeat(101);
    const created = await gql<{ createIndicatorCategory: { id: string; nameZh: string } }>(server.url, 'mutation($zh: String) { createIndicatorCategory(input: { code: "LONGNAME", name: "Long", nameZh: $zh }) { id nameZh } }', { zh: long.slice(1) }, hr);
    expect(created.data?.createIndicatorCategory.nameZh).toHaveLength(100);
    for (const [query, field] of [
      ['mutation($zh: String) { createIndicatorCategory(input: { code: "LONGNAME2", name: "Long", nameZh: $zh }) { id } }', 'input.nameZh'],
      ['mutation($id: ID!, $zh: String) { updateIndicatorCategory(id: $id, input: { version: 1, nameZh: $zh }) { id } }', 'input.nameZh'],
      ['mutation($id: ID!, $zh: String) { updateIndicatorCategory(id: $id, input: { version: 1, name: $zh }) { id } }', 'input.name'],
    ] as const) {
      const refused = await gql(server.url, query, { id: created.data?.createIndicatorCategory.id, zh: long }, hr);
      expect(codes(refused), query).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.details).toEqual([{ field, rule: 'max_length', message: 'at most 100 characters' }]);
    }
  });
});

describe('importing and exporting indicators', () => {
  const HEADER = 'Code,Name,Category code,Scoring method,Min points,Max points,Measurement source,Department codes,Tags';
  const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n')).toString('base64');
  const good = ['FD-ACCURACY,Accuracy,QUALITY-OF-WORK,DEDUCTION,,40,RATED,HOTEL,front desk', 'CAFE-HYGIENE,Hygiene and food safety (revised),ENVIRONMENT,RANGE,0,25,RATED,CAFETERIA,cafeteria; hygiene'];

  it('reports every bad row on a dry run and writes nothing', async () => {
    const before = await count('select count(*) as n from indicator');
    const result = await gql<Report>(
      server.url,
      IMPORT,
      {
        input: {
          fileName: 'indicators.csv',
          dryRun: true,
          contentBase64: csv(...good, 'FD-BAD,Bad,NOPE,RANGE,0,10,RATED,,', 'FD-ACCURACY,Twice,PEOPLE,SCORE,0,-1,RATED,NOWHERE,'),
        },
      },
      hr,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data?.importIndicators;
    expect(report).toMatchObject({ dryRun: true, totalRows: 4, validRows: 2, applied: false, created: 0, updated: 0 });
    expect(report?.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'categoryCode', 'exists'],
      [5, 'code', 'duplicate_in_file'],
      [5, 'scoringMethod', 'enum'],
      [5, 'departmentCodes', 'exists'],
    ]);
    expect(await count('select count(*) as n from indicator')).toBe(before);
  });

  it('applies all or nothing: a bad row stops the whole file, a clean file is written with audit rows', async () => {
    const before = await count('select count(*) as n from indicator');
    const refused = await gql<Report>(server.url, IMPORT, { input: { fileName: 'i.csv', dryRun: false, contentBase64: csv(...good, 'FD-BAD,Bad,NOPE,RANGE,0,10,RATED,,') } }, hr);
    expect(refused.data?.importIndicators).toMatchObject({ applied: false, created: 0 });
    expect(await count('select count(*) as n from indicator')).toBe(before);
    const applied = await gql<Report>(server.url, IMPORT, { input: { fileName: 'i.csv', dryRun: false, contentBase64: csv(...good) } }, hr);
    expect(applied.data?.importIndicators).toMatchObject({ applied: true, created: 1, updated: 1, errors: [] });
    expect(await count('select count(*) as n from indicator')).toBe(before + 1);
    expect(await count(`select count(*) as n from indicator where code = 'CAFE-HYGIENE' and name = 'Hygiene and food safety (revised)' and tags = '{cafeteria,hygiene}'`)).toBe(1);
    expect(await count(`select count(*) as n from audit_entry where operation in ('createIndicator:import', 'updateIndicator:import', 'importIndicators')`)).toBe(3);
  });

  it('exports an .xlsx that imports back unchanged', async () => {
    const exported = await gql<{ exportIndicators: { fileName: string; contentType: string; contentBase64: string } }>(
      server.url,
      'query { exportIndicators(filter: { tag: "front desk" }) { fileName contentType contentBase64 } }',
      {},
      hr,
    );
    expect(exported.errors).toBeUndefined();
    const file = exported.data?.exportIndicators as { fileName: string; contentType: string; contentBase64: string };
    expect(file.fileName).toMatch(/^indicators-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('Code');
    expect([2, 3].map((r) => sheet.getRow(r).getCell(1).value)).toEqual(['FD-ACCURACY', 'FD-SERVICE']);
    const roundTrip = await gql<Report>(server.url, IMPORT, { input: { fileName: file.fileName, dryRun: true, contentBase64: file.contentBase64 } }, hr);
    expect(roundTrip.data?.importIndicators).toMatchObject({ totalRows: 2, validRows: 2, errors: [] });
  });

  it('reports an unreadable file as a file error', async () => {
    const result = await gql<Report>(server.url, IMPORT, { input: { fileName: 'i.txt', dryRun: true, contentBase64: Buffer.from('hello').toString('base64') } }, hr);
    expect(result.data?.importIndicators.errors).toEqual([{ row: 0, field: null, code: 'file_format', message: 'only .xlsx and .csv files can be imported' }]);
  });
});
