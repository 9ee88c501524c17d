import { GraphQLError } from 'graphql';
import { type MessageKey, type MessageParams, renderMessage } from './messages.js';

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
  /** A service token's rate or cost budget is spent; `retryAfterMs` says when to try again. */
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One broken rule on one input field: `{ field: 'code', rule: 'unique', message: 'code HQ is already used',
 * params: { value: 'HQ' } }`. The message stays English; clients translate by `rule` with `params`.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
  /** The values the message interpolates, for clients that word it themselves. */
  params?: MessageParams;
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
 * `extensions.params`; `http` sets the response status (Apollo removes it from the body). The generic
 * failures of the factories below also render their message in the request's language (`localized`).
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
    readonly params?: ErrorParams,
    http?: ErrorHttp,
    /** Renders the message again in the language of the request being answered (see formatError). */
    readonly localized?: () => string,
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

const generic = (code: ErrorCode, key: MessageKey, params: MessageParams = {}, details?: FieldProblem[]): AppError =>
  new AppError(code, renderMessage(key, params, 'en'), details, params, undefined, () => renderMessage(key, params));

export const unauthenticated = (): AppError => generic('UNAUTHENTICATED', 'unauthenticated');
export const forbidden = (what = 'this'): AppError => generic('FORBIDDEN', 'forbidden', { what });
export const notFound = (type: string, id: string): AppError => generic('NOT_FOUND', 'not_found', { type, id });
export const conflict = (type: string, id: string): AppError => generic('CONFLICT', 'conflict', { type, id });
/** An optimistic-lock miss where the caller cannot name the record better: the record changed since it was read. */
export const staleRecord = (): AppError => generic('CONFLICT', 'stale_record');

/** A service token that does not authenticate: `reason` is token_invalid, token_expired or token_revoked. */
export const serviceTokenRefused = (reason: 'token_invalid' | 'token_expired' | 'token_revoked'): AppError =>
  new AppError('UNAUTHENTICATED', renderMessage(reason, {}, 'en'), undefined, { reason }, { status: 401 }, () => renderMessage(reason));
/** Reporting tokens only read. */
export const readOnlyToken = (): AppError => generic('FORBIDDEN', 'read_only_token', {});
/** A service token over its budget: `reason` rate | cost | tooExpensive, `retryAfterMs`. */
export const rateLimited = (reason: string, retryAfterMs: number): AppError =>
  new AppError('RATE_LIMITED', renderMessage('rate_limited', { retryAfterMs }, 'en'), undefined, { reason, retryAfterMs }, { status: 429, headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } }, () => renderMessage('rate_limited', { retryAfterMs }));

/** The request ran out of its time budget (its deadline, or one statement past statement_timeout / lock_timeout). */
export const timeoutError = (): AppError => generic('TIMEOUT', 'timeout');
/** A malformed id or value that PostgreSQL refused to parse (SQLSTATE 22P02). */
export const badIdError = (): AppError => generic('BAD_USER_INPUT', 'bad_id');

/** SQLSTATEs of a statement PostgreSQL stopped for taking too long: query_canceled (statement_timeout), lock_not_available (lock_timeout). */
const TIMEOUT_SQLSTATES = new Set(['57014', '55P03']);

/**
 * The SQLSTATE of a database error, whether MikroORM converted it (DriverException, from the ORM's own queries and
 * `em.execute`) or it is the driver's raw error (`connection.execute`, `executeBound`, knex): both carry `code`.
 */
export function sqlState(error: unknown): string | undefined {
  if (!(error instanceof Error) || error instanceof GraphQLError) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True for a statement stopped by statement_timeout or lock_timeout, however it reached us. */
export const isDatabaseTimeout = (error: unknown): boolean => TIMEOUT_SQLSTATES.has(sqlState(error) ?? '');

/** Throws VALIDATION_FAILED naming every broken rule, or returns when there is none. */
export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw generic('VALIDATION_FAILED', 'validation', { summary }, problems);
}
