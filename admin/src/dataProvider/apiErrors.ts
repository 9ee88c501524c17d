import { HttpError } from 'react-admin';
import { toHttpError, type ApiGraphQLError } from './graphqlErrors';

const graphQLErrorsOf = (value: unknown): ApiGraphQLError[] | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const errors = (value as { graphQLErrors?: unknown }).graphQLErrors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as ApiGraphQLError[]) : undefined;
};

/**
 * ra-data-graphql wraps Apollo errors in an HttpError whose body is the ApolloError; this turns them
 * into the console's HttpError (translated message, status by code, field errors for forms).
 */
export const toApiError = (error: unknown): unknown => {
  if (error instanceof HttpError && typeof error.body === 'object' && error.body !== null && 'code' in error.body) {
    return error; // already mapped
  }
  const source = error instanceof HttpError ? error.body : error;
  const errors = graphQLErrorsOf(source);
  if (errors) return toHttpError(errors);
  if (error instanceof HttpError) return error;
  if (error instanceof Error) return new HttpError(error.message || 'ra.notification.http_error', 500);
  return error;
};
