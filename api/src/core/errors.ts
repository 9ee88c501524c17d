import { GraphQLError } from 'graphql';

/**
 * Every expected failure the API reports, as `extensions.code`. Clients translate by code;
 * anything else is unexpected, masked as INTERNAL_SERVER_ERROR and logged.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  'BAD_USER_INPUT',
  /** Too many attempts (sign-in throttling); `retryAfterSeconds` says when to try again. */
  'TOO_MANY_REQUESTS',
  /** The request ran out of its time budget; nothing was written. */
  'TIMEOUT',
  /** The HTTP body is not JSON, or is too large. */
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One broken rule on one input field: `{ field: 'supervisorId', rule: 'supervisor_cycle', message }`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** Values a client needs to translate a message itself, e.g. `{ argument: 'filter.q', max: 200 }`. */
export type ErrorParams = Record<string, string | number | boolean | null>;

/** An HTTP status (and headers) for the response that carries this error, where HTTP applies. */
export interface ErrorHttp {
  status: number;
  headers?: Record<string, string>;
}

/**
 * An expected failure with a stable code, shown to the client as is. `params` travel in
 * `extensions.params`; `http` sets the response status (Apollo removes it from the body).
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
    readonly params?: ErrorParams,
    http?: ErrorHttp,
  ) {
    super(message, {
      extensions: {
        code,
        ...(details ? { details } : {}),
        ...(params ? { params } : {}),
        ...(http ? { http: { status: http.status, headers: new Map(Object.entries(http.headers ?? {})) } } : {}),
      },
    });
    this.name = 'AppError';
  }
}

export const unauthenticated = (): AppError => new AppError('UNAUTHENTICATED', 'Sign in to use this API.');
export const forbidden = (what = 'this'): AppError => new AppError('FORBIDDEN', `You are not allowed to access ${what}.`);
export const notFound = (type: string, id: string): AppError => new AppError('NOT_FOUND', `${type} ${id} does not exist.`);
export const conflict = (type: string, id: string): AppError =>
  new AppError('CONFLICT', `${type} ${id} was changed by someone else since you read it; reload and try again.`);

/** Throws VALIDATION_FAILED naming every broken rule, or returns when there is none. */
export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Invalid input: ${summary}`, problems);
}
