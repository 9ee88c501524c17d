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

/**
 * An expected failure with a stable code, shown to the client as is. Whole-request failures from the
 * factories below also carry `extensions.params`, and their message follows the request's language.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
    readonly params?: MessageParams,
    /** Renders the message again in the language of the request being answered (see formatError). */
    readonly localized?: () => string,
  ) {
    super(message, { extensions: { code, ...(details ? { details } : {}), ...(params ? { params } : {}) } });
    this.name = 'AppError';
  }
}

const generic = (code: ErrorCode, key: MessageKey, params: MessageParams = {}, details?: FieldProblem[]): AppError =>
  new AppError(code, renderMessage(key, params, 'en'), details, params, () => renderMessage(key, params));

export const unauthenticated = (): AppError => generic('UNAUTHENTICATED', 'unauthenticated');
export const forbidden = (what = 'this'): AppError => generic('FORBIDDEN', 'forbidden', { what });
export const notFound = (type: string, id: string): AppError => generic('NOT_FOUND', 'not_found', { type, id });
export const conflict = (type: string, id: string): AppError => generic('CONFLICT', 'conflict', { type, id });

/** Throws VALIDATION_FAILED naming every broken rule, or returns when there is none. */
export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw generic('VALIDATION_FAILED', 'validation', { summary }, problems);
}
