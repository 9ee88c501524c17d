import { HttpError } from 'react-admin';
import { readSession } from '../auth/session';
import { GRAPHQL_URL } from '../config';
import { i18nProvider } from '../i18n';
import { toHttpError, type ApiGraphQLError } from './graphqlErrors';

/**
 * Headers every request carries: the bearer token, the CSRF-prevention preflight header, and the console
 * language (not the browser's), so the messages the API words itself come in the language on screen.
 */
export const apiHeaders = (): Record<string, string> => {
  const token = readSession()?.token;
  return {
    'apollo-require-preflight': 'true',
    'accept-language': i18nProvider.getLocale(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
};

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: ApiGraphQLError[];
}

/** A plain GraphQL call for the few operations outside the resource data provider (login). */
export const graphqlRequest = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...apiHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new HttpError('app.error.network', 0);
  }
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
