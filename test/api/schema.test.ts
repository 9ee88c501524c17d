import { readFile } from 'node:fs/promises';
import { getNamedType, isInputObjectType, isInterfaceType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSchemaFiles, SCHEMA_FILES } from '../../api/src/cli/emit-schema.js';
import { createTokenService } from '../../api/src/core/tokens.js';
import { buildAppSchema, buildBareSchema, guardTree, ruleTree } from '../../api/src/schema.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildBareSchema(createTokenService(new Uint8Array(32), 60));
});

const ownTypes = () => Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));

describe('the public schema', () => {
  const isRoot = (name: string) => name === 'Query' || name === 'Mutation';

  it('has an explicit rule for every field of every object type: shield on the root, a field guard below', () => {
    const missing: string[] = [];
    for (const type of ownTypes())
      if (isObjectType(type))
        for (const field of Object.keys(type.getFields())) {
          const ruled = isRoot(type.name) ? ruleTree[type.name]?.[field] : guardTree[type.name]?.[field];
          if (!ruled) missing.push(`${type.name}.${field}`);
        }
    expect(missing).toEqual([]);
  });

  it('as served, reads plain leaf fields inline and seals every row where it is handed over (core/access.ts)', async () => {
    const served = await buildAppSchema(createTokenService(new Uint8Array(32), 60));
    const fieldsOf = (name: string) => {
      const type = served.getType(name);
      if (!isObjectType(type)) throw new Error(name);
      return type.getFields();
    };
    // Plain properties guarded by a row policy or a role, with no resolver of their own: graphql-jit reads them inline.
    expect(fieldsOf('Employee').name?.resolve).toBeUndefined();
    expect(fieldsOf('Employee').performancePayBase?.resolve).toBeUndefined();
    expect(fieldsOf('EmployeeConnection').totalCount?.resolve).toBeUndefined();
    // A field handing over objects without a resolver would hand them over unsealed: there is none, root fields included.
    const unsealed: string[] = [];
    for (const type of Object.values(served.getTypeMap()))
      if (isObjectType(type) && !type.name.startsWith('__'))
        for (const [name, field] of Object.entries(type.getFields())) if (!isLeafType(getNamedType(field.type)) && !field.resolve) unsealed.push(`${type.name}.${name}`);
    expect(unsealed).toEqual([]);
  });

  it('has no rule for a field that does not exist (a typo would silently deny), and no root rule below the root', () => {
    const stray: string[] = [];
    for (const [typeName, fields] of [...Object.entries(ruleTree), ...Object.entries(guardTree)]) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) stray.push(typeName);
      else for (const field of Object.keys(fields)) if (!type.getFields()[field]) stray.push(`${typeName}.${field}`);
    }
    for (const typeName of Object.keys(ruleTree)) if (!isRoot(typeName)) stray.push(`shield rule below the root: ${typeName}`);
    for (const typeName of Object.keys(guardTree)) if (isRoot(typeName)) stray.push(`field guard on the root: ${typeName}`);
    expect(stray).toEqual([]);
  });

  it('describes every type and every field', () => {
    const undocumented: string[] = [];
    for (const type of ownTypes()) {
      // type-graphql offers no way to describe the root types; their fields carry the descriptions.
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('gives every list query a connection with totalCount, nodes, edges and pageInfo', () => {
    const query = schema.getQueryType();
    const connections = Object.values(query?.getFields() ?? {}).filter((f) => String(f.type).endsWith('Connection!'));
    expect(connections.map((f) => f.name).sort()).toEqual(['appeals', 'appraisals', 'cycles', 'departments', 'employees', 'honorPrograms', 'indicatorCategories', 'indicators', 'ledgerEntries', 'ledgerRules', 'measuredInputs', 'myAppraisals', 'myInbox', 'myRatingTasks', 'nominations', 'notices', 'payoutBatches', 'policies', 'positions', 'rollupResults', 'schemes', 'serviceAccounts']);
    for (const field of connections) {
      const type = schema.getType(String(field.type).replace('!', ''));
      expect(isObjectType(type) && Object.keys(type.getFields()).sort()).toEqual(['edges', 'nodes', 'pageInfo', 'totalCount']);
      expect(field.args.map((a) => a.name).sort()).toEqual(['after', 'filter', 'first', 'offset', 'sort']);
    }
  });

  it('matches the committed SDL and the console\'s introspection file (run `pnpm emit-schema` after changing it)', async () => {
    const files = await renderSchemaFiles();
    expect(await readFile(SCHEMA_FILES.sdl, 'utf8')).toBe(files.sdl);
    expect(await readFile(SCHEMA_FILES.introspection, 'utf8')).toBe(files.introspection);
  });
});
