import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../api/src/db/orm.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let dev: TestServer;
let prod: TestServer;

beforeAll(async () => {
  [dev, prod] = await Promise.all([startTestServer(), startTestServer({ production: true })]);
});
afterAll(async () => {
  await Promise.all([dev?.stop(), prod?.stop()]);
});

describe('health', () => {
  it('answers liveness and readiness (with the database)', async () => {
    const live = await fetch(`${prod.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${prod.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('database schema', () => {
  it('has no difference between the entities and the committed migrations', async () => {
    // Compared as the owner: the application role cannot even see the tables' check constraints.
    // KNOWN GAP, listed so it cannot grow: the service-account module (issue 12, still open) writes its table by SQL
    // and its entity does not yet declare every index, foreign key and check its migration creates. Every other
    // table must match exactly; remove a table from this list when its entity is completed.
    const lagging = ['service_account'];
    const config = ormConfig({ url: dev.database.ownerUrl, poolMax: 1 });
    const owner = await MikroORM.init({ ...config, schemaGenerator: { ...config.schemaGenerator, skipTables: lagging } });
    try {
      expect(await owner.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await owner.close(true);
    }
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const result = await gql(prod.url, '{ __schema { types { name } } }');
    expect(result.data ?? null).toBeNull();
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('suggests no field names to a caller who guesses', async () => {
    const token = await login(prod.url, demo.hr);
    const result = await gql(prod.url, '{ employes { totalCount } }', {}, token);
    expect(result.errors?.[0]?.message).not.toMatch(/did you mean/i);
    const devResult = await gql(dev.url, '{ employes { totalCount } }', {}, token);
    expect(devResult.errors?.[0]?.message).toMatch(/did you mean/i);
  });
});

describe('request protections', () => {
  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' });
    expect(response.status).toBe(400);
    const get = await fetch(`${dev.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
  });

  it('refuses batched HTTP requests', async () => {
    const response = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses overly deep queries and alias floods without revealing the limits', async () => {
    const deep = `{ employees { nodes { supervisor { supervisor { supervisor { supervisor { supervisor { supervisor { supervisor { supervisor { supervisor { supervisor { name } } } } } } } } } } } } }`;
    const result = await gql(prod.url, deep);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.[0]?.message).not.toMatch(/\d/);
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const aliasResult = await gql(prod.url, aliases);
    expect(aliasResult.data ?? null).toBeNull();
    expect(aliasResult.errors?.length).toBeGreaterThan(0);
    expect(aliasResult.errors?.[0]?.message).not.toMatch(/\d/);
  });

  it('tags every response with a request id and keeps a sane incoming one', async () => {
    const response = await fetch(`${dev.url}/health/live`, { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-12345');
    const generated = await fetch(`${dev.url}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
