import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable, type FetchResult } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { GRAPHQL_URL } from '../config';
import { apiHeaders } from './http';

/** Adds the bearer token and the CSRF-prevention header to every operation. */
const authLink = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
    headers: { ...headers, ...apiHeaders() },
  }));
  return forward(operation);
});

const errorsOf = (error: unknown): GraphQLFormattedError[] | undefined => {
  const result = typeof error === 'object' && error !== null ? (error as { result?: unknown }).result : undefined;
  const errors = typeof result === 'object' && result !== null ? (result as { errors?: unknown }).errors : undefined;
  return Array.isArray(errors) && errors.length > 0 ? (errors as GraphQLFormattedError[]) : undefined;
};

/**
 * Apollo Server answers some errors (UNAUTHENTICATED, bad requests) with a non-2xx status; Apollo Client
 * would report those as network errors and drop their extensions.code. This link hands them on as
 * GraphQL errors so one mapping (graphqlErrors.ts) sees every code.
 */
const httpErrorsAsGraphQLErrors = new ApolloLink(
  (operation, forward) =>
    new Observable<FetchResult>((observer) => {
      const subscription = forward(operation).subscribe({
        next: (value) => observer.next(value),
        complete: () => observer.complete(),
        error: (error: unknown) => {
          const errors = errorsOf(error);
          if (errors) {
            observer.next({ errors });
            observer.complete();
          } else {
            observer.error(error);
          }
        },
      });
      return () => subscription.unsubscribe();
    }),
);

export const createApolloClient = (): ApolloClient<unknown> =>
  new ApolloClient({
    link: ApolloLink.from([authLink, httpErrorsAsGraphQLErrors, new HttpLink({ uri: GRAPHQL_URL })]),
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
      mutate: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
    },
  }) as ApolloClient<unknown>;
