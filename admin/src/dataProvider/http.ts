import { HttpError } from 'react-admin';
import { readSession } from '../auth/session';
import { GRAPHQL_URL } from '../config';
import { toHttpError, type ApiGraphQLError } from './graphqlErrors';

/** Headers every request carries: the bearer token and the CSRF-prevention preflight header. */
export const apiHeaders = (): Record<string, string> => {
  const token = readSession()?.token;
  return {
    'apollo-require-preflight': 'true',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
};

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: ApiGraphQLError[];
}

/** A plain GraphQL call for the few operations outside the resource data provider (login). */
export const graphqlRequest = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...apiHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  let payload: GraphQLResponse<T>;
  try {
    payload = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new HttpError('ra.notification.http_error', response.status);
  }
  if (payload.errors && payload.errors.length > 0) throw toHttpError(payload.errors, response.status);
  if (!payload.data) throw new HttpError('ra.notification.http_error', response.status);
  return payload.data;
};
