import { gql } from '@apollo/client';
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import {
  CREATE,
  DELETE,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  HttpError,
  UPDATE,
  type CreateParams,
  type DeleteParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type UpdateParams,
} from 'react-admin';
import { selectionFor } from './fields';
import { createInput, filterInput, normalizeRecord, toSortEnum, updateInput, type Json } from './records';
import { isResourceName, RESOURCES, type ResourceMapping, type ResourceName } from './resources';
import { SchemaIndex } from './schemaIndex';

interface Response {
  data: unknown;
}

const LIST_ARGS = ['filter', 'sort', 'offset', 'first'] as const;

const field = (data: unknown, name: string): unknown =>
  typeof data === 'object' && data !== null ? (data as Json)[name] : undefined;

/** Builds queries for one resource against the schema file. */
class ResourceQueries {
  constructor(
    private readonly schema: SchemaIndex,
    private readonly name: ResourceName,
    private readonly mapping: ResourceMapping,
  ) {}

  private sortInput(sort: GetListParams['sort'] | undefined): Json[] | undefined {
    if (!sort?.field || this.schema.acceptedArgs(this.mapping.list, ['sort']).length === 0) return undefined;
    const sortType = this.schema.argTypeName(this.mapping.list, 'sort');
    const enumType = this.schema.inputFieldType(sortType, 'field');
    const value = toSortEnum(sort.field);
    if (!enumType || !this.schema.enumValues(enumType).includes(value)) return undefined;
    return [{ field: value, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
  }

  private filterFields(): string[] {
    return this.schema.inputFieldNames(this.schema.argTypeName(this.mapping.list, 'filter'));
  }

  private inputFields(mutation: string): string[] {
    return this.schema.inputFieldNames(this.schema.argTypeName(mutation, 'input'));
  }

  private listQuery(variables: Json): BuildQueryResult {
    const { list } = this.mapping;
    const args = this.schema.acceptedArgs(list, LIST_ARGS);
    const query = gql`
      query ${list}List(${this.schema.variableDefinitions(list, args)}) {
        items: ${list}(${args.map((a) => `${a}: $${a}`).join(', ')}) {
          nodes { ${selectionFor(this.name, 'list')} }
          totalCount
        }
      }`;
    return {
      query,
      variables: Object.fromEntries(Object.entries(variables).filter(([k]) => args.includes(k))),
      parseResponse: ({ data }: Response) => {
        const items = field(data, 'items');
        const nodes = field(items, 'nodes');
        return {
          data: Array.isArray(nodes) ? nodes.map((n) => normalizeRecord(this.mapping, n)) : [],
          total: Number(field(items, 'totalCount') ?? 0),
        };
      },
    };
  }

  getList(params: GetListParams): BuildQueryResult {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    return this.listQuery({
      filter: filterInput(this.filterFields(), params.filter as Json),
      sort: this.sortInput(params.sort),
      offset: (page - 1) * perPage,
      first: perPage,
    });
  }

  getMany(params: GetManyParams): BuildQueryResult {
    return this.listQuery({ filter: { ids: params.ids.map(String) }, offset: 0, first: Math.min(500, Math.max(1, params.ids.length)) });
  }

  getManyReference(params: GetManyReferenceParams): BuildQueryResult {
    const { page, perPage } = params.pagination;
    const filter = { ...(params.filter as Json), [params.target]: params.id };
    return this.listQuery({
      filter: filterInput(this.filterFields(), filter),
      sort: this.sortInput(params.sort),
      offset: (page - 1) * perPage,
      first: perPage,
    });
  }

  private single(operation: 'query' | 'mutation', rootField: string, args: readonly string[], variables: Json, recordId?: string): BuildQueryResult {
    const argList = args.map((a) => `${a}: $${a}`).join(', ');
    const query = gql`
      ${operation} ${rootField}Op(${this.schema.variableDefinitions(rootField, args)}) {
        item: ${rootField}(${argList}) { ${selectionFor(this.name, 'detail', recordId)} }
      }`;
    return {
      query,
      variables,
      parseResponse: ({ data }: Response) => {
        const item = field(data, 'item');
        if (item === null || item === undefined) throw new HttpError('ra.notification.item_doesnt_exist', 404);
        return { data: normalizeRecord(this.mapping, item) };
      },
    };
  }

  getOne(params: GetOneParams): BuildQueryResult {
    const id = String(params.id);
    if (!this.schema.hasRootField(this.mapping.one)) return this.oneFromList(id);
    return this.single('query', this.mapping.one, ['id'], { id }, id);
  }

  /** Types without a single-record query (indicator categories) are read through the list with an ids filter. */
  private oneFromList(id: string): BuildQueryResult {
    const list = this.listQuery({ filter: { ids: [id] }, offset: 0, first: 1 });
    return {
      ...list,
      parseResponse: (response: Parameters<BuildQueryResult['parseResponse']>[0]) => {
        const record = (list.parseResponse(response) as { data: unknown[] }).data[0];
        if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
        return { data: record };
      },
    };
  }

  create(params: CreateParams): BuildQueryResult {
    const input = createInput(this.inputFields(this.mapping.create), params.data as Json);
    return this.single('mutation', this.mapping.create, ['input'], { input });
  }

  update(params: UpdateParams): BuildQueryResult {
    const id = String(params.id);
    const previous = params.previousData as Json | undefined;
    const data = params.data as Json;
    const version = previous?.version ?? data.version;
    const input = updateInput(this.inputFields(this.mapping.update), data, previous, version);
    return this.single('mutation', this.mapping.update, ['id', 'input'], { id, input }, id);
  }

  /** react-admin's delete deactivates: records are never removed, and the version guards the write. */
  delete(params: DeleteParams): BuildQueryResult {
    const id = String(params.id);
    const version = field(params.previousData, 'version');
    if (!this.mapping.deactivate) throw new Error('app.error.delete_unsupported');
    return this.single('mutation', this.mapping.deactivate, ['id', 'version'], { id, version }, id);
  }
}

/** The custom buildQuery handed to ra-data-graphql; it ignores pluralisation and uses RESOURCES. */
export const buildQueryFactory: BuildQueryFactory = (introspection) => {
  const schema = new SchemaIndex(introspection.schema);
  const builders = new Map<string, ResourceQueries>();
  for (const [name, mapping] of Object.entries(RESOURCES)) {
    if (isResourceName(name)) builders.set(name, new ResourceQueries(schema, name, mapping));
  }
  const buildQuery: BuildQuery = (method, resource, params: unknown) => {
    const builder = builders.get(resource);
    if (!builder) throw new Error('app.error.unknown_resource');
    switch (method) {
      case GET_LIST:
        return builder.getList(params as GetListParams);
      case GET_MANY:
        return builder.getMany(params as GetManyParams);
      case GET_MANY_REFERENCE:
        return builder.getManyReference(params as GetManyReferenceParams);
      case GET_ONE:
        return builder.getOne(params as GetOneParams);
      case CREATE:
        return builder.create(params as CreateParams);
      case UPDATE:
        return builder.update(params as UpdateParams);
      case DELETE:
        return builder.delete(params as DeleteParams);
      default:
        // updateMany / deleteMany have no counterpart in the API (each write needs its own version).
        throw new Error('app.error.bulk_unsupported');
    }
  };
  return buildQuery;
};
