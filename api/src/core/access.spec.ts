import type { Actor } from '@appraisal/domain';
import { buildSchema, type DocumentNode, execute, type GraphQLSchema, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anyRole, applyFieldGuards, FACTS, type FieldGuard, type FieldGuardTree, signedIn, typeGuards, withFacts } from './access.js';
import { compileOperation, isCompiledQuery } from './compiled-execution.js';
import type { RequestContext } from './context.js';

/**
 * The field guards on a small schema of their own, run by both executors the API can use: what a role may not read
 * is refused by name at its path, wherever the row comes from (a list, a nested field, an interface, a union, a
 * promise), what it may read is read straight from the row, and rows are never modified.
 */

interface PersonFacts {
  self: boolean;
}

const SDL = `
  interface Node { id: ID! }
  type Person implements Node { id: ID! name: String! pay: String salary: Int! manager: Person }
  type Team { id: ID! title: String }
  union Thing = Person | Team
  type PersonList { totalCount: Int! nodes: [Person!]! }
  type Query { people: PersonList! node(id: ID!): Node things: [Thing!]! later: [Person] unfacted: Person }
`;

const hr: Actor = { userId: 'u-hr', employeeId: 'p-hr', roles: ['HR'] };
const employee: Actor = { userId: 'u-ann', employeeId: 'p-ann', roles: ['EMPLOYEE'] };

const payPolicy = (actor: Actor, facts: unknown) => actor.roles.includes('HR') || (facts as PersonFacts).self;
const rowGuard = (field: string, policy: (actor: Actor, facts: unknown) => boolean, audited = false): FieldGuard => ({
  kind: 'row',
  typeName: 'Person',
  policy,
  factless: false,
  what: `${field} of this person`,
  audit: audited ? { when: (actor, facts) => !(facts as PersonFacts).self && actor.roles.includes('HR') } : undefined,
});
const everyone = () => true;

const GUARDS: FieldGuardTree = {
  Person: {
    id: rowGuard('id', everyone),
    name: rowGuard('name', everyone),
    pay: rowGuard('pay', payPolicy, true),
    salary: rowGuard('salary', payPolicy),
    manager: rowGuard('manager', everyone),
  },
  Team: {
    id: { kind: 'actor', rule: signedIn },
    title: { kind: 'actor', rule: anyRole('HR') },
  },
  ...typeGuards('PersonList', ['totalCount', 'nodes'], signedIn),
};

interface PersonRow {
  id: string;
  name: string;
  pay: string;
  salary: number;
  managerId?: string;
}

/** Fresh rows per schema, each with its facts for the given reader, as a read model returns them. */
function rowsFor(reader: Actor) {
  const person = (row: PersonRow) => withFacts({ ...row }, { self: row.id === reader.employeeId });
  return {
    ann: person({ id: 'p-ann', name: 'Ann', pay: '1000.00', salary: 10, managerId: 'p-bob' }),
    bob: person({ id: 'p-bob', name: 'Bob', pay: '2000.00', salary: 20 }),
  };
}

function schemaFor(rows: ReturnType<typeof rowsFor>): GraphQLSchema {
  const schema = buildSchema(SDL);
  const query = schema.getQueryType();
  const person = schema.getType('Person');
  if (!query || !isObjectType(person)) throw new Error('schema');
  const fields = query.getFields();
  (fields.people as { resolve?: unknown }).resolve = () => ({ totalCount: 2, nodes: [rows.ann, rows.bob] });
  (fields.node as { resolve?: unknown }).resolve = (_: unknown, args: { id: string }) => (args.id === rows.bob.id ? rows.bob : null);
  (fields.things as { resolve?: unknown }).resolve = () => [rows.bob, { id: 't-1', title: 'Ward 3' }];
  (fields.later as { resolve?: unknown }).resolve = async () => [Promise.resolve(rows.bob), null];
  // A row built outside a read model (no facts): its guarded fields are refused.
  (fields.unfacted as { resolve?: unknown }).resolve = () => ({ id: 'p-cid', name: 'Cid', pay: '3000.00', salary: 30 });
  person.getFields().manager!.resolve = (parent: PersonRow) => (parent.managerId === rows.bob.id ? rows.bob : null);
  const node = schema.getType('Node') as { resolveType?: unknown };
  node.resolveType = () => 'Person';
  const thing = schema.getType('Thing') as { resolveType?: unknown };
  thing.resolveType = (value: object) => ('title' in value ? 'Team' : 'Person');
  applyFieldGuards(schema, GUARDS);
  return schema;
}

const context = (actor: Actor | null) => ({ actor }) as unknown as RequestContext;

type Executor = 'graphql-jit' | 'graphql-js';
async function run(executor: Executor, schema: GraphQLSchema, document: DocumentNode, ctx: RequestContext, variables: Record<string, unknown> = {}) {
  if (executor === 'graphql-js') return execute({ schema, document, contextValue: ctx, variableValues: variables });
  const compiled = compileOperation(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled.errors));
  return compiled.query(undefined, ctx, variables);
}

const errorsOf = (result: { errors?: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((e) => `${(e.path ?? []).join('.')} ${String(e.extensions?.code)}`).sort();

describe.each(['graphql-jit', 'graphql-js'] as const)('field guards (%s)', (executor) => {
  it('reads allowed leaf fields straight from the row: no resolver of their own, every row handed over as it is', () => {
    const schema = schemaFor(rowsFor(hr));
    const person = schema.getType('Person');
    if (!isObjectType(person)) throw new Error('Person');
    expect(person.getFields().name?.resolve).toBeUndefined();
    expect(person.getFields().pay?.resolve).toBeUndefined();
    // Fields handing over rows seal them, the root fields included.
    expect(person.getFields().manager?.resolve).toBeTypeOf('function');
    expect(schema.getQueryType()?.getFields().people?.resolve).toBeTypeOf('function');
  });

  it('gives HR every field of every row, and audits pay read of someone else', async () => {
    const rows = rowsFor(hr);
    const ctx = context(hr);
    const result = await run(executor, schemaFor(rows), parse('{ people { totalCount nodes { id name pay salary manager { name pay } } } }'), ctx);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      people: {
        totalCount: 2,
        nodes: [
          { id: 'p-ann', name: 'Ann', pay: '1000.00', salary: 10, manager: { name: 'Bob', pay: '2000.00' } },
          { id: 'p-bob', name: 'Bob', pay: '2000.00', salary: 20, manager: null },
        ],
      },
    });
    const audited = (ctx.auditedReads ?? []).map((r) => `${r.typeName}:${r.id}:${r.fields.join(',')}`);
    expect(audited).toEqual(['Person:p-ann:pay', 'Person:p-bob:pay', 'Person:p-bob:pay']);
  });

  it("refuses another person's pay to an employee by name at its path, keeps her own and every other field, and never modifies a row", async () => {
    const rows = rowsFor(employee);
    const result = await run(executor, schemaFor(rows), parse('{ people { nodes { id name pay manager { name pay } } } }'), context(employee));
    expect(result.data).toEqual({
      people: {
        nodes: [
          { id: 'p-ann', name: 'Ann', pay: '1000.00', manager: { name: 'Bob', pay: null } },
          { id: 'p-bob', name: 'Bob', pay: null, manager: null },
        ],
      },
    });
    expect(errorsOf(result)).toEqual(['people.nodes.0.manager.pay FORBIDDEN', 'people.nodes.1.pay FORBIDDEN']);
    expect(result.errors?.[0]?.message).toBe('You are not allowed to access pay of this person.');
    // The shadow refused the field; the row itself is untouched.
    expect(Object.getOwnPropertyDescriptor(rows.bob, 'pay')?.value).toBe('2000.00');
    expect(rows.bob[FACTS]).toEqual({ self: false });
  });

  it('nulls the row when a refused field is non-null, as for any field error', async () => {
    const result = await run(executor, schemaFor(rowsFor(employee)), parse('{ people { nodes { id salary } } }'), context(employee));
    // nodes is [Person!]!: a refused non-null salary nulls its row, which nulls the list, then people, then the data.
    expect(result.data).toBeNull();
    expect(errorsOf(result)).toContain('people.nodes.1.salary FORBIDDEN');
  });

  it('seals rows handed over through an interface, a union and promises', async () => {
    const schema = schemaFor(rowsFor(employee));
    const ctx = context(employee);
    const node = await run(executor, schema, parse('{ node(id: "p-bob") { id ... on Person { name pay } } }'), ctx);
    expect(node.data).toEqual({ node: { id: 'p-bob', name: 'Bob', pay: null } });
    expect(errorsOf(node)).toEqual(['node.pay FORBIDDEN']);
    const things = await run(executor, schema, parse('{ things { ... on Person { pay } ... on Team { id title } } }'), ctx);
    expect(things.data).toEqual({ things: [{ pay: null }, { id: 't-1', title: null }] });
    expect(errorsOf(things)).toEqual(['things.0.pay FORBIDDEN', 'things.1.title FORBIDDEN']);
    const later = await run(executor, schema, parse('{ later { name pay } }'), ctx);
    expect(later.data).toEqual({ later: [{ name: 'Bob', pay: null }, null] });
    expect(errorsOf(later)).toEqual(['later.0.pay FORBIDDEN']);
  });

  it('applies fragments and @include as the executor does: a skipped field is neither refused nor audited', async () => {
    const document = parse(`query($withPay: Boolean!) { people { nodes { ...Who pay @include(if: $withPay) } } }
      fragment Who on Person { name }`);
    for (const withPay of [false, true]) {
      const ctx = context(hr);
      const result = await run(executor, schemaFor(rowsFor(hr)), document, ctx, { withPay });
      expect(result.errors).toBeUndefined();
      expect(ctx.auditedReads?.length ?? 0).toBe(withPay ? 2 : 0);
      const denied = await run(executor, schemaFor(rowsFor(employee)), document, context(employee), { withPay });
      expect(errorsOf(denied)).toEqual(withPay ? ['people.nodes.1.pay FORBIDDEN'] : []);
    }
  });

  it('refuses every guarded field to an anonymous caller, and guarded fields of a row without facts to anyone', async () => {
    const schema = schemaFor(rowsFor(hr));
    const anonymous = await run(executor, schema, parse('{ node(id: "p-bob") { id } }'), context(null));
    expect(errorsOf(anonymous)).toEqual(['node.id UNAUTHENTICATED']);
    const unfacted = await run(executor, schema, parse('{ unfacted { name pay } }'), context(hr));
    expect(unfacted.data).toEqual({ unfacted: null });
    // graphql-js stops at the first refused non-null field of the row, graphql-jit reports each.
    expect(errorsOf(unfacted)).toContain('unfacted.name FORBIDDEN');
    expect(errorsOf(unfacted).every((e) => e.endsWith(' FORBIDDEN'))).toBe(true);
  });
});
