import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login, type GqlResult } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Demo accounts: supervisor = Director of Nursing (NURSING), employee = a nurse in NURSING-MED (under NURSING),
// committee has no employee record, admin holds only ADMIN.
let server: TestServer;
const tokens: Record<keyof typeof demo, string> = { hr: '', admin: '', committee: '', supervisor: '', employee: '' };
let ids: Record<string, string>;

const LIST = '{ schemes(first: 50) { totalCount nodes { code status } } }';
const ONE = 'query($id: ID!) { scheme(id: $id) { code versions { number document { sections { id } } } } }';
const DRAFT = 'query($id: ID!) { scheme(id: $id) { code draft { code } } }';
const listed = (r: GqlResult<{ schemes: { nodes: Array<{ code: string }> } }>) => (r.data?.schemes.nodes ?? []).map((s) => s.code).sort();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  const list = await gql<{ schemes: { nodes: Array<{ id: string; code: string; version: number }> } }>(server.url, '{ schemes(first: 50) { nodes { id code version } } }', {}, tokens.hr);
  ids = Object.fromEntries((list.data?.schemes.nodes ?? []).map((s) => [s.code, s.id]));
  // A draft-only scheme for everyone (no applicability): nobody but HR may see it until it is published.
  const draft = await gql<{ createScheme: { id: string } }>(server.url, 'mutation { createScheme(input: { code: "everyoneDraft", name: "Everyone", periodType: YEAR }) { id } }', {}, tokens.hr);
  ids.everyoneDraft = draft.data?.createScheme.id as string;
  // The nursing scheme gets a pending draft on top of its published version 1.
  const nursing = list.data?.schemes.nodes.find((s) => s.code === 'nursing');
  const edited = await gql(server.url, 'mutation($id: ID!, $v: Int!) { updateScheme(id: $id, input: { version: $v, name: "Nursing (revised)" }) { id } }', { id: nursing?.id, v: nursing?.version }, tokens.hr);
  expect(edited.errors).toBeUndefined();
});
afterAll(() => server?.stop());

describe('reading schemes: deny first', () => {
  it('refuses anonymous callers and accounts without a reading role', async () => {
    expect(codes(await gql(server.url, LIST))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(server.url, LIST, {}, tokens.admin))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, ONE, { id: ids.nursing }, tokens.admin))).toEqual(['FORBIDDEN']);
  });

  it('never shows a draft to anyone but HR: the field is FORBIDDEN, and a draft-only scheme does not exist for them', async () => {
    for (const role of ['supervisor', 'employee', 'committee'] as const) {
      const draftField = await gql(server.url, DRAFT, { id: ids.nursing }, tokens[role]);
      expect(codes(draftField), role).toEqual(['FORBIDDEN']);
      expect(draftField.errors?.[0]?.path, role).toEqual(['scheme', 'draft']);
      expect(codes(await gql(server.url, ONE, { id: ids.everyoneDraft }, tokens[role])), role).toEqual(['NOT_FOUND']);
      expect(listed(await gql(server.url, LIST, {}, tokens[role])), role).not.toContain('everyoneDraft');
    }
  });

  it('hides published schemes that do not apply to an employee or supervisor', async () => {
    for (const role of ['supervisor', 'employee'] as const) {
      expect(listed(await gql(server.url, LIST, {}, tokens[role])), role).toEqual(['nursing']);
      for (const other of ['cafeteria', 'workshop', 'hotelAudit', 'headquarters'])
        expect(codes(await gql(server.url, ONE, { id: ids[other] }, tokens[role])), `${role} ${other}`).toEqual(['NOT_FOUND']);
    }
  });

  it('keeps the library, templates, validation, export and every write to HR', async () => {
    for (const role of ['supervisor', 'employee', 'committee', 'admin'] as const) {
      const t = tokens[role];
      expect(codes(await gql(server.url, '{ schemeTemplates { key } }', {}, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'query($d: JSON!) { validateScheme(document: $d) { valid } }', { d: {} }, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'query($id: ID!) { exportScheme(id: $id) { fileName } }', { id: ids.nursing }, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, '{ indicators { totalCount } }', {}, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, '{ indicatorCategories { totalCount } }', {}, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation { createSchemeFromTemplate(template: "nursing", code: "sneaky") { id } }', {}, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation($id: ID!) { publishScheme(id: $id, version: 1) { id } }', { id: ids.nursing }, t)), role).toEqual(['FORBIDDEN']);
      expect(codes(await gql(server.url, 'mutation($id: ID!) { archiveScheme(id: $id, version: 1) { id } }', { id: ids.nursing }, t)), role).toEqual(['FORBIDDEN']);
    }
    const [row] = await server.orm.em.getConnection().execute<Array<{ n: string }>>(`select count(*) as n from scheme where code = 'sneaky'`);
    expect(Number(row?.n)).toBe(0);
  });

  it('refuses unsaved documents in preview to anyone but HR, and previews of schemes they cannot read', async () => {
    const appraisal = { employeeId: 'x', ratings: [] };
    const unsaved = await gql(server.url, 'query($i: PreviewSchemeInput!) { previewScheme(input: $i) { valid } }', { i: { document: {}, appraisal } }, tokens.employee);
    expect(codes(unsaved)).toEqual(['FORBIDDEN']);
    const hidden = await gql(server.url, 'query($i: PreviewSchemeInput!) { previewScheme(input: $i) { valid } }', { i: { schemeId: ids.workshop, appraisal } }, tokens.employee);
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
  });
});

describe('reading schemes: grants', () => {
  it('lets HR read everything, drafts included', async () => {
    expect(listed(await gql(server.url, LIST, {}, tokens.hr))).toEqual(['cafeteria', 'everyoneDraft', 'headquarters', 'hotelAudit', 'nursing', 'workshop']);
    const draft = await gql<{ scheme: { draft: { code: string } } }>(server.url, DRAFT, { id: ids.nursing }, tokens.hr);
    expect(draft.data?.scheme.draft.code).toBe('nursing');
  });

  it('lets the committee read every published scheme and its versions', async () => {
    expect(listed(await gql(server.url, LIST, {}, tokens.committee))).toEqual(['cafeteria', 'headquarters', 'hotelAudit', 'nursing', 'workshop']);
    const one = await gql<{ scheme: { versions: Array<{ number: number }> } }>(server.url, ONE, { id: ids.workshop }, tokens.committee);
    expect(one.data?.scheme.versions.map((v) => v.number)).toEqual([1]);
  });

  it('lets a nurse and the director of nursing read the nursing scheme (an ancestor department) and preview its published version', async () => {
    for (const role of ['supervisor', 'employee'] as const) {
      const one = await gql<{ scheme: { code: string; versions: Array<{ number: number; document: { sections: Array<{ id: string }> } }> } }>(server.url, ONE, { id: ids.nursing }, tokens[role]);
      expect(one.errors, role).toBeUndefined();
      expect(one.data?.scheme.versions[0]?.document.sections.map((s) => s.id), role).toEqual(['headNurse', 'nursingDept', 'satisfaction']);
      const preview = await gql<{ previewScheme: { valid: boolean; grade: string } }>(
        server.url,
        'query($i: PreviewSchemeInput!) { previewScheme(input: $i) { valid grade } }',
        { i: { schemeId: ids.nursing, appraisal: { employeeId: 'me', participated: false, ratings: [] } } },
        tokens[role],
      );
      expect(preview.data?.previewScheme, role).toEqual({ valid: true, grade: 'unqualified' });
    }
  });

  it('shows a scheme that names no department or position to every employee once it is published', async () => {
    const read = await gql<{ scheme: { version: number } }>(server.url, 'query($id: ID!) { scheme(id: $id) { version } }', { id: ids.everyoneDraft }, tokens.hr);
    const published = await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishScheme(id: $id, version: $v) { number } }', { id: ids.everyoneDraft, v: read.data?.scheme.version }, tokens.hr);
    expect(published.errors).toBeUndefined();
    expect(listed(await gql(server.url, LIST, {}, tokens.employee))).toEqual(['everyoneDraft', 'nursing']);
  });
});
