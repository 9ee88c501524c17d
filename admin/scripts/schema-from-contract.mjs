/* global URL, console */
// Writes src/schema.generated.json from docs/graphql-org-contract.graphql.
// A stand-in until the API's schema emitter writes the real file (same IntrospectionQuery shape).
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema } from 'graphql';

const root = new URL('../../', import.meta.url);
const sdl = readFileSync(new URL('docs/graphql-org-contract.graphql', root), 'utf8');
const result = introspectionFromSchema(buildSchema(sdl));
writeFileSync(new URL('admin/src/schema.generated.json', root), JSON.stringify(result, null, 2) + '\n');
console.log('wrote admin/src/schema.generated.json from the contract');
