import { HttpError } from 'react-admin';
import { toHttpError, type ApiGraphQLError } from './graphqlErrors';

const graphQLErrorsOf = (value: unknown): ApiGraphQLError[] | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const errors = (value as { graphQLErrors?: unknown }).graphQLErrors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as ApiGraphQLError[]) : undefined;
};

/** Apollo's error for a request that never got a GraphQL answer (server down, connection refused). */
const isNetworkFailure = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { networkError?: unknown }).networkError != null;

/**
 * ra-data-graphql wraps Apollo errors in an HttpError whose body is the ApolloError; this turns them
 * into the console's HttpError (translated message, status by code, field errors for forms, labelled
 * as `resource` labels its fields). An unreachable server says so in the console language.
 */
export const toApiError = (error: unknown, resource?: string): unknown => {
  if (error instanceof HttpError && typeof error.body === 'object' && error.body !== null && 'code' in error.body) {
    return error; // already mapped
  }
  const source = error instanceof HttpError ? error.body : error;
  const errors = graphQLErrorsOf(source);
  if (errors) return toHttpError(errors, 500, resource);
  if (isNetworkFailure(source)) return new HttpError('app.error.network', 0);
  if (error instanceof HttpError) return error;
  if (error instanceof Error) return new HttpError(error.message || 'ra.notification.http_error', 500);
  return error;
};
