import type { ApolloClient } from '@apollo/client';
import { parse } from 'graphql';
import { cycleError } from './cycleApi';
import type { Json } from './records';

/** Policies, notices and the inbox (docs/governance-design.md): the pages send their own GraphQL documents. */
export interface GovernanceApi {
  /** Runs one query or mutation and returns its data; problems are worded with the domain's message catalog. */
  governance<T>(document: string, variables?: Json): Promise<T>;
}

const parsed = new Map<string, ReturnType<typeof parse>>();

export const createGovernanceApi = (client: ApolloClient<unknown>): GovernanceApi => ({
  async governance<T>(document: string, variables: Json = {}): Promise<T> {
    let doc = parsed.get(document);
    if (!doc) {
      doc = parse(document);
      parsed.set(document, doc);
    }
    try {
      const mutation = document.trimStart().startsWith('mutation');
      const result = mutation ? await client.mutate<T>({ mutation: doc, variables }) : await client.query<T>({ query: doc, variables });
      if (!result.data) throw new Error('app.error.bad_response');
      return result.data;
    } catch (error) {
      throw cycleError(error);
    }
  },
});
