import type { ApolloServerPlugin } from '@apollo/server';
import { DriverException } from '@mikro-orm/core';
import type { RequestContext } from './context.js';
import { AppError } from './errors.js';
import { DEFAULT_GUARD_LIMITS, inspectOperation, type GuardLimits } from './operation-guard.js';

export interface GuardPluginOptions {
  limits?: GuardLimits;
  /** Execution time budget of one operation, in milliseconds. */
  deadlineMs: number;
  /** Resolves the actor; runs only for operations that passed every check. */
  authenticate(ctx: RequestContext): Promise<void>;
}

export const timeoutError = (): AppError =>
  new AppError('TIMEOUT', 'The request took too long and was stopped; ask for fewer rows or fields.');

/**
 * One gate between a validated document and its execution:
 * 1. every argument (literal or variable) is checked for NUL bytes and its purpose's length limit,
 *    and the cost is estimated with the variables' values; a refusal costs no SQL;
 * 2. only then is the caller authenticated (one statement);
 * 3. execution gets a time budget: fields that start after it are refused with TIMEOUT (mutations are
 *    only stopped before a root field starts, never half-way through their result).
 */
export function operationGuardPlugin(options: GuardPluginOptions): ApolloServerPlugin<RequestContext> {
  const limits = options.limits ?? DEFAULT_GUARD_LIMITS;
  return {
    async requestDidStart() {
      let timedOut = false;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (operation) inspectOperation(schema, document, operation, request.variables ?? {}, limits);
          try {
            await options.authenticate(contextValue);
          } catch (error) {
            // A sign-in lookup stopped by statement_timeout is a busy server, not a broken request.
            if (error instanceof DriverException && error.code === '57014') throw timeoutError();
            throw error;
          }
        },
        async executionDidStart({ operation, schema }) {
          const deadline = Date.now() + options.deadlineMs;
          const mutationType = operation.operation === 'mutation' ? schema.getMutationType() : null;
          return {
            willResolveField({ info }) {
              if (mutationType && info.parentType !== mutationType) return;
              if (Date.now() <= deadline) return;
              timedOut = true;
              throw timeoutError();
            },
          };
        },
        async willSendResponse({ response }) {
          // One TIMEOUT error for the request, not one per refused field.
          if (!timedOut || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const others = (result.errors ?? []).filter((e) => e.extensions?.code !== 'TIMEOUT');
          const first = (result.errors ?? []).find((e) => e.extensions?.code === 'TIMEOUT');
          response.body.singleResult = { ...result, errors: first ? [...others, first] : others };
        },
      };
    },
  };
}
