import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;

interface ErrorBody {
  errors?: Array<{
    message: string;
    extensions?: { code?: string; params?: Record<string, unknown>; details?: Array<{ field: string; rule: string; message: string; params?: Record<string, unknown> }> };
  }>;
}

/** A GraphQL call with a chosen Accept-Language. */
const call = async (query: string, variables: Record<string, unknown>, options: { token?: string; language?: string } = {}): Promise<ErrorBody> => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(options.language ? { 'accept-language': options.language } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as ErrorBody;
};

const CREATE_DEPARTMENT = 'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }';
const EMPLOYEE = 'query($id: ID!) { employee(id: $id) { id } }';
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
});
afterAll(() => server?.stop());

describe('errors carry a code and parameters for clients to translate', () => {
  it('a field problem names its rule and the values its message interpolates', async () => {
    const result = await call(CREATE_DEPARTMENT, { input: { code: 'HQ', name: 'Second headquarters' } }, { token: hr });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(error?.extensions?.details).toContainEqual({ field: 'code', rule: 'unique', message: 'code HQ is already used', params: { value: 'HQ' } });
  });

  it('a whole-request error carries its parameters', async () => {
    const result = await call(EMPLOYEE, { id: MISSING }, { token: hr });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', params: { type: 'Employee', id: MISSING } });
    expect(result.errors?.[0]?.message).toBe(`Employee ${MISSING} does not exist.`);
  });
});

describe("the API's own messages follow Accept-Language", () => {
  it('answers in Chinese when the client asks for zh, field messages staying English', async () => {
    const missing = await call(EMPLOYEE, { id: MISSING }, { token: hr, language: 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(missing.errors?.[0]?.message).toBe(`Employee ${MISSING} 不存在。`);

    const anonymous = await call(EMPLOYEE, { id: MISSING }, { language: 'zh' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0]?.message).toBe('请先登录。');

    const invalid = await call(CREATE_DEPARTMENT, { input: { code: 'HQ', name: 'Second headquarters' } }, { token: hr, language: 'zh' });
    expect(invalid.errors?.[0]?.message).toBe('输入无效：code: code HQ is already used');
    expect(invalid.errors?.[0]?.extensions?.details?.[0]?.message).toBe('code HQ is already used');
  });

  it('a stale version is a CONFLICT worded in the asked language, whichever service refuses it', async () => {
    const SAVE = 'mutation($i: WorkCalendarYearInput!, $v: Int) { saveWorkCalendarYear(input: $i, version: $v) { year version } }';
    const year = { year: 2029, weekendDays: [0, 6], holidays: [], makeUpWorkdays: [], accountingMonths: [] };
    const created = await call(SAVE, { i: year }, { token: hr });
    expect(created.errors).toBeUndefined();
    const stale = await call(SAVE, { i: year, v: 99 }, { token: hr, language: 'zh' });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toBe('该记录在您读取后已被他人修改，请重新加载后再试。');
    const english = await call(SAVE, { i: year, v: 99 }, { token: hr });
    expect(english.errors?.[0]?.message).toBe('The record was changed by someone else since you read it; reload and try again.');
  });

  it('answers in English otherwise', async () => {
    for (const language of [undefined, 'en-US', 'fr-FR,de;q=0.5']) {
      const result = await call(EMPLOYEE, { id: MISSING }, { language });
      expect(result.errors?.[0]?.message, language).toBe('Sign in to use this API.');
    }
  });
});
