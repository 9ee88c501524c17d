import type { IntrospectionQuery, IntrospectionType } from 'graphql';
import buildDataProvider from 'ra-data-graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE, type DataProvider } from 'react-admin';
import schemaFile from '../schema.generated.json';
import { toApiError } from './apiErrors';
import { buildQueryFactory } from './buildQuery';
import { createApolloClient } from './client';
import { createCycleApi, cycleError, type CycleApi } from './cycleApi';
import { gql } from '@apollo/client';
import { createGovernanceApi, type GovernanceApi } from './governanceApi';
import { createOrgApi, type OrgApi } from './orgApi';
import { RESOURCES, type ResourceMapping } from './resources';
import { resultCall } from './resultCall';
import { createSchemeApi, type SchemeApi } from './schemeApi';

/** A typed call of one GraphQL operation (pages whose operations live in their own lazy chunk, e.g. honors). */
export interface GraphqlApi {
  graphql<T>(kind: 'query' | 'mutation', document: string, variables?: Record<string, unknown>): Promise<T>;
}

export type AppDataProvider = DataProvider & OrgApi & SchemeApi & CycleApi & GovernanceApi & GraphqlApi;

const schema = (schemaFile as unknown as IntrospectionQuery).__schema;

const resourceTypes: string[] = Object.values(RESOURCES).map((r) => r.type);

const byType = (typeName: string): ResourceMapping | undefined =>
  Object.values(RESOURCES).find((r: ResourceMapping) => r.type === typeName);

/** Explicit operation names per type (no pluralisation guesses), used by ra-data-graphql's resource scan. */
const operationNames: Record<string, (type: IntrospectionType) => string> = {
  [GET_LIST]: (t) => byType(t.name)?.list ?? '',
  [GET_MANY]: (t) => byType(t.name)?.list ?? '',
  [GET_MANY_REFERENCE]: (t) => byType(t.name)?.list ?? '',
  [GET_ONE]: (t) => byType(t.name)?.one ?? '',
  [CREATE]: (t) => byType(t.name)?.create ?? '',
  [UPDATE]: (t) => byType(t.name)?.update ?? '',
  [DELETE]: (t) => byType(t.name)?.deactivate ?? '',
};

/** Every method's errors go through one mapping (codes -> messages, field errors -> form inputs). */
const withApiErrors = (provider: DataProvider): DataProvider =>
  new Proxy(provider, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        // Standard methods take the resource first; its field labels name the fields in error messages.
        const resource = typeof args[0] === 'string' ? args[0] : undefined;
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(toApiError(error, resource))) : result;
      };
    },
  });

export const createDataProvider = (): AppDataProvider => {
  const client = createApolloClient();
  const base = buildDataProvider({
    client,
    buildQuery: buildQueryFactory,
    // The schema ships with the console: introspection is disabled on the production server.
    introspection: {
      schema,
      include: resourceTypes,
      operationNames,
    },
  });
  const call = resultCall(client, cycleError);
  const graphqlApi: GraphqlApi = {
    graphql: async <T>(kind: 'query' | 'mutation', document: string, variables: Record<string, unknown> = {}): Promise<T> => call<T>(kind, gql(document), variables),
  };
  return Object.assign(withApiErrors(base), createOrgApi(client), createSchemeApi(client), createCycleApi(client), createGovernanceApi(client), graphqlApi);
};

export type { EmployeeRelation, FileDownload, ImportEmployeesInput, ImportEmployeesReport, ImportRowError, PersonSummary } from './orgApi';
export type {
  DepartmentMember,
  LocalTextValue,
  PreviewInput,
  PreviewMember,
  PreviewPayFacts,
  PreviewTicket,
  SchemeGroupPreview,
  SchemeIssue,
  SchemePayLine,
  SchemePreview,
  SchemeRef,
  SchemeTemplate,
  SchemeValidation,
} from './schemeApi';
