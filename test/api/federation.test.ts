import { writeFile } from 'node:fs/promises';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, type GqlResult, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Composition by other applications: our API as an Apollo Federation 2 subgraph (/subgraph) composed with a small
 * training service written here (it extends Employee with courses), served through @apollo/gateway in-process.
 * Permissions hold through the gateway: entities outside the caller's scope and fields they may not read are FORBIDDEN.
 */
let server: TestServer;
let training: ApolloServer;
let gateway: ChildProcess | undefined;
let gatewayUrl: string;
let supergraphSdl: string;
const tokens = {} as Record<'hr' | 'employee' | 'admin', string>;
const people = {} as Record<'employee' | 'supervisor' | 'hr', { id: string; number: string }>;
let many: string[] = [];

async function post<T>(url: string, query: string, token?: string): Promise<GqlResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as GqlResult<T>;
}

const TRAINING_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Employee @key(fields: "id") { id: ID! courses: [Course!]! }
  type Course { id: ID! title: String! participants: [Employee!]! }
  type Query { courses: [Course!]! bigCourse: Course! }
`;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ['hr', 'employee', 'admin'] as const) tokens[role] = await login(server.url, demo[role]);
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    for (const role of ['employee', 'supervisor', 'hr'] as const) {
      const row = (await client.query<{ id: string; number: string }>('select e.id, e.employee_number as number from app_user u join employee e on e.id = u.employee_id where u.email = $1', [demo[role]])).rows[0];
      if (!row) throw new Error(`no employee for ${role}`);
      people[role] = row;
    }
    many = (await client.query<{ id: string }>('select id from employee order by employee_number limit 50')).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
  const courses = [
    { id: 'c1', title: 'Infection control', participants: [people.employee.id, people.supervisor.id] },
    { id: 'c2', title: 'Night audit basics', participants: [people.hr.id] },
  ];
  const trainingSchema = buildSubgraphSchema([
    {
      typeDefs: parse(TRAINING_SDL),
      resolvers: {
        Query: {
          courses: () => courses.map((c) => ({ ...c, participants: c.participants.map((id) => ({ id })) })),
          bigCourse: () => ({ id: 'big', title: 'Fire safety for everyone', participants: many.map((id) => ({ id })) }),
        },
        Employee: { courses: (e: { id: string }) => courses.filter((c) => c.participants.includes(e.id)).map((c) => ({ id: c.id, title: c.title, participants: [] })) },
      },
    },
  ]);
  training = new ApolloServer({ schema: trainingSchema });
  const trainingUrl = (await startStandaloneServer(training, { listen: { port: 0 } })).url;

  // Our SDL as a gateway operator reads it: `_service { sdl }` on /subgraph (HR or ADMIN).
  const sdl = await post<{ _service: { sdl: string } }>(`${server.url}/subgraph`, '{ _service { sdl } }', tokens.hr);
  expect(sdl.errors).toBeUndefined();
  const composed = composeServices([
    { name: 'appraisal', typeDefs: parse(sdl.data?._service.sdl ?? ''), url: `${server.url}/subgraph` },
    { name: 'training', typeDefs: parse(TRAINING_SDL), url: trainingUrl },
  ]);
  expect(composed.errors?.map((e) => e.message)).toBeUndefined();
  supergraphSdl = composed.supergraphSdl ?? '';
  if (process.env.UPDATE_SUPERGRAPH === '1') await writeFile(new URL('../../docs/supergraph.graphql', import.meta.url), supergraphSdl);

  // The gateway in its own Node process (see test/support/federation-gateway.mjs for why), forwarding Authorization.
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'supergraph-')), 'supergraph.graphql');
  await writeFile(file, supergraphSdl);
  const child = spawn(process.execPath, [new URL('../support/federation-gateway.mjs', import.meta.url).pathname, file], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  gateway = child;
  gatewayUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}, 240_000);

afterAll(async () => {
  gateway?.kill('SIGTERM');
  await training?.stop();
  await server?.stop();
});

const SPANNING = `{ me { employee { id name department { name } courses { title } } } courses { title participants { id employeeNumber name } } }`;
type Spanning = { me: { employee: { id: string; name: string; department: { name: string } | null; courses: Array<{ title: string }> } }; courses: Array<{ title: string; participants: Array<{ id: string; employeeNumber: string; name: string } | null> }> };

describe('the supergraph', () => {
  it('composes our entities with another subgraph: Employee, Department, Position, Cycle and Appraisal are keyed', () => {
    for (const type of ['Employee', 'Department', 'Position', 'Cycle', 'Appraisal']) expect(supergraphSdl).toMatch(new RegExp(`type ${type}[^{]*@join__type\\(graph: APPRAISAL, key: "id"\\)`));
    expect(supergraphSdl).toMatch(/@join__type\(graph: APPRAISAL, key: "employeeNumber"\)/);
    expect(supergraphSdl).toMatch(/@join__type\(graph: TRAINING, key: "id"\)/);
  });

  it('`_service` is for operators, `_entities` for signed-in callers (deny by default still holds)', async () => {
    expect(codes(await post(`${server.url}/subgraph`, '{ _service { sdl } }', tokens.employee))).toEqual(['FORBIDDEN']);
    expect((await post(`${server.url}/subgraph`, '{ _service { sdl } }', tokens.admin)).errors).toBeUndefined();
    const entities = `{ _entities(representations: [{ __typename: "Employee", id: "${people.employee.id}" }]) { ... on Employee { name } } }`;
    expect(codes(await post(`${server.url}/subgraph`, entities))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post(`${server.url}/subgraph`, '{ _service { sdl } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses representations of types that are not our entities (an interface, a type without a key) as FORBIDDEN, not an internal error', async () => {
    for (const typename of ['Node', 'PayoutBatch', 'NoSuchType']) {
      const query = `{ _entities(representations: [{ __typename: "${typename}", id: "${people.employee.id}" }]) { __typename } }`;
      expect(codes(await post(`${server.url}/subgraph`, query, tokens.employee))).toEqual(['FORBIDDEN']);
    }
    // Known entities beside an unknown one: the field is refused as a whole, nothing is resolved.
    const mixed = `{ _entities(representations: [{ __typename: "Employee", id: "${people.employee.id}" }, { __typename: "Node", id: "x" }]) { ... on Employee { name } } }`;
    expect(codes(await post(`${server.url}/subgraph`, mixed, tokens.employee))).toEqual(['FORBIDDEN']);
  });
});

describe('one query across both subgraphs through the gateway', () => {
  it('HR: our employee with their courses, and the courses with our people (by id and by employee number)', async () => {
    const r = await post<Spanning>(gatewayUrl, SPANNING, tokens.hr);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.employee.id).toBe(people.hr.id);
    expect(r.data?.me.employee.courses.map((c) => c.title)).toEqual(['Night audit basics']);
    expect(r.data?.courses[0]?.participants.map((p) => p?.employeeNumber)).toEqual([people.employee.number, people.supervisor.number]);
    expect(r.data?.courses[0]?.participants.every((p) => p && p.name.length > 0)).toBe(true);
    const byNumber = await post<{ _entities: Array<{ id: string }> }>(
      `${server.url}/subgraph`,
      `{ _entities(representations: [{ __typename: "Employee", employeeNumber: "${people.employee.number}" }]) { ... on Employee { id } } }`,
      tokens.hr,
    );
    expect(byNumber.data?._entities[0]?.id).toBe(people.employee.id);
  });

  it('an EMPLOYEE: their own pay base through the gateway, another person FORBIDDEN', async () => {
    const own = await post<{ me: { employee: { performancePayBase: string | null; courses: Array<{ title: string }> } } }>(gatewayUrl, '{ me { employee { performancePayBase courses { title } } } }', tokens.employee);
    expect(own.errors).toBeUndefined();
    expect(own.data?.me.employee.courses.map((c) => c.title)).toEqual(['Infection control']);
    const r = await post<{ courses: Array<{ participants: Array<{ id: string; performancePayBase: string | null } | null> }> }>(gatewayUrl, '{ courses { participants { id performancePayBase } } }', tokens.employee);
    const errors = r.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    const mine = r.data?.courses[0]?.participants.find((p) => p?.id === people.employee.id);
    expect(mine?.performancePayBase ?? null).not.toBeNull();
  });

  it('fifty people of another subgraph cost one reference statement on ours', async () => {
    const before = server.sql.length;
    const r = await post<{ bigCourse: { participants: Array<{ name: string }> } }>(gatewayUrl, '{ bigCourse { participants { name department { name } } } }', tokens.hr);
    expect(r.errors).toBeUndefined();
    expect(r.data?.bigCourse.participants).toHaveLength(50);
    const statements = server.sql.slice(before).filter((s) => /from employee e/.test(s) && /employee_number = any/.test(s));
    expect(statements).toHaveLength(1);
  });
});
