import type { RaRecord } from 'react-admin';
import type { ResourceMapping } from './resources';

export type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Adds the flat `<ref>Id` fields the forms edit (departmentId beside department { id }), so inputs
 * and server-side validation errors use the same names as the mutation inputs.
 */
export const normalizeRecord = (mapping: ResourceMapping, node: unknown): RaRecord => {
  if (!isObject(node) || (typeof node.id !== 'string' && typeof node.id !== 'number')) {
    throw new Error('app.error.bad_response');
  }
  const record: Json = { ...node };
  for (const [idField, objectField] of Object.entries(mapping.references)) {
    const ref = node[objectField];
    if (Array.isArray(ref)) record[idField] = ref.filter(isObject).map((r) => r.id);
    else if (ref !== undefined) record[idField] = isObject(ref) ? ref.id : null;
  }
  return record as RaRecord;
};

/** Empty form values mean "no value"; the API expects null for those, never "". */
const clean = (value: unknown): unknown => (value === '' ? null : value);

/** The create input: the input type's fields that the form filled in. */
export const createInput = (fields: readonly string[], data: Json): Json => {
  const input: Json = {};
  for (const field of fields) {
    const value = clean(data[field]);
    if (value !== undefined && value !== null) input[field] = value;
  }
  return input;
};

const sameValue = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return clean(a) === clean(b) || (clean(a) ?? null) === (clean(b) ?? null);
};

/**
 * The update input: the version that was read (optimistic lock) plus only the fields that changed,
 * so a save never rewrites fields this user did not touch.
 */
export const updateInput = (fields: readonly string[], data: Json, previous: Json | undefined, version: unknown): Json => {
  const input: Json = { version };
  for (const field of fields) {
    if (field === 'version' || !(field in data)) continue;
    if (previous && sameValue(data[field], previous[field])) continue;
    input[field] = clean(data[field]) ?? null;
  }
  return input;
};

/** react-admin filter values restricted to what the filter input type accepts. */
export const filterInput = (fields: readonly string[], filter: Json | undefined): Json | undefined => {
  if (!filter) return undefined;
  const input: Json = {};
  for (const field of fields) {
    const value = filter[field];
    if (value !== undefined && value !== '' && value !== null) input[field] = value;
  }
  return Object.keys(input).length > 0 ? input : undefined;
};

/** `employeeNumber` -> `EMPLOYEE_NUMBER`, the API's sort enum spelling. */
export const toSortEnum = (field: string): string => field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
