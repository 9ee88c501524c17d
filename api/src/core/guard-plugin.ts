import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.js';
import type { ReadDb, Sql } from './db.js';
import { isDatabaseTimeout, timeoutError } from './errors.js';
import { DEFAULT_GUARD_LIMITS, inspectOperation, type GuardLimits } from './operation-guard.js';
import { checkServiceOperation, isServiceActor } from './service-guard.js';
import { requestAuth } from '../modules/auth/request-auth.js';

export interface GuardPluginOptions {
  limits?: GuardLimits;
  /** Resolves the actor; runs only for operations that passed every check. */
  authenticate(ctx: RequestContext): Promise<void>;
}

/**
 * The read side with a time budget: a statement asked for after `deadline` is refused with TIMEOUT
 * instead of running. Together with statement_timeout (one statement) this bounds a request's DB work.
 */
export function withDeadline(db: ReadDb, deadline: number): ReadDb {
  return {
    rows<T>(query: Sql, options?: { prepare?: boolean }): Promise<T[]> {
      return Date.now() > deadline ? Promise.reject(timeoutError()) : db.rows<T>(query, options);
    },
  };
}

/**
 * One gate between a validated document and its execution:
 * 1. every argument (literal or variable) is checked for NUL bytes and its purpose's length limit,
 *    and the cost is estimated with the variables' values; a refusal costs no SQL;
 * 2. only then is the caller authenticated (one statement);
 * 3. a request that ran out of its time budget answers one TIMEOUT error, not one per refused field.
 * No per-field hook: Apollo would then wrap every resolver of every row.
 */
export function operationGuardPlugin(options: GuardPluginOptions): ApolloServerPlugin<RequestContext> {
  const limits = options.limits ?? DEFAULT_GUARD_LIMITS;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const cost = operation ? inspectOperation(schema, document, operation, request.variables ?? {}, limits) : 0;
          try {
            await options.authenticate(contextValue);
          } catch (error) {
            // A sign-in lookup stopped by statement_timeout is a busy server, not a broken request.
            if (isDatabaseTimeout(error)) throw timeoutError();
            throw error;
          }
          // Reporting tokens: read-only, granted root fields only, within their rate and cost budget.
          const actor = contextValue.actor;
          const serviceLimits = requestAuth(contextValue).serviceLimits;
          if (actor && isServiceActor(actor) && operation && serviceLimits) checkServiceOperation(actor, serviceLimits, schema, operation, cost, Date.now());
        },
        async willSendResponse({ response }) {
          // One TIMEOUT error for the request, not one per refused field.
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some((e) => e.extensions?.code === 'TIMEOUT')) return;
          const others = (result.errors ?? []).filter((e) => e.extensions?.code !== 'TIMEOUT');
          const first = (result.errors ?? []).find((e) => e.extensions?.code === 'TIMEOUT');
          response.body.singleResult = { ...result, errors: first ? [...others, first] : others };
        },
      };
    },
  };
}
