import type { ApolloClient, DocumentNode } from '@apollo/client';
import type { Json } from './records';

/** Runs one query or mutation whose answer is aliased `result` and returns that answer. */
export type ResultCall = <T>(kind: 'query' | 'mutation', document: DocumentNode, variables?: Json) => Promise<T>;

/**
 * The request/response plumbing the console's operation modules share: the operation through Apollo, its
 * `result` field out of the answer (an answer without data is a bad response), and any failure turned into the
 * console's error by `mapError` (`toApiError`, or `cycleError` to word broken rules with the domain's catalog).
 */
export const resultCall =
  (client: ApolloClient<unknown>, mapError: (error: unknown) => unknown): ResultCall =>
  async <T>(kind: 'query' | 'mutation', document: DocumentNode, variables: Json = {}): Promise<T> => {
    try {
      const result = kind === 'query' ? await client.query<{ result: T }>({ query: document, variables }) : await client.mutate<{ result: T }>({ mutation: document, variables });
      if (!result.data) throw new Error('app.error.bad_response');
      return result.data.result;
    } catch (error) {
      throw mapError(error);
    }
  };
