import { HttpError } from 'react-admin';
import { fieldLabel, translateError, translateProblem } from './serverMessages';

/** The shape of one GraphQL error as the API sends it (see the contract: extensions.code, details). */
export interface ApiGraphQLError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; details?: unknown; params?: ProblemParams };
}

type ProblemParams = Readonly<Record<string, string | number | boolean>>;

export interface FieldDetail {
  field: string;
  rule?: string;
  message: string;
  /** The values the server's message interpolates; the console's translation uses them too. */
  params?: ProblemParams;
}

export const ERROR_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  validation: 'VALIDATION_FAILED',
  conflict: 'CONFLICT',
  badInput: 'BAD_USER_INPUT',
} as const;

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
};

/** What the console keeps of a failed call: react-admin reads message, status and body.errors. */
export interface ApiErrorBody {
  code: string;
  errors?: Record<string, string | { serverError: string }>;
  graphQLErrors: ApiGraphQLError[];
}

const isFieldDetail = (value: unknown): value is FieldDetail =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FieldDetail).field === 'string' &&
  typeof (value as FieldDetail).message === 'string';

export const fieldDetails = (error: ApiGraphQLError): FieldDetail[] => {
  const details = error.extensions?.details;
  return Array.isArray(details) ? details.filter(isFieldDetail) : [];
};

/**
 * Turns GraphQL errors into the HttpError react-admin understands, in the console language: a CONFLICT
 * becomes "someone else saved first", VALIDATION_FAILED puts each field's translated problem on the
 * matching form input (body.errors) and names the fields (as `resource` labels them) in the notification.
 */
export const toHttpError = (errors: readonly ApiGraphQLError[], fallbackStatus = 500, resource?: string): HttpError => {
  const first = errors[0];
  const code = first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = STATUS_BY_CODE[code] ?? fallbackStatus;
  const body: ApiErrorBody = { code, graphQLErrors: [...errors] };

  if (code === ERROR_CODES.conflict) {
    return new HttpError('app.error.conflict', status, body);
  }
  if (code === ERROR_CODES.unauthenticated) {
    return new HttpError('app.error.unauthenticated', status, body);
  }
  if (code === ERROR_CODES.validation || code === ERROR_CODES.badInput) {
    const details = errors.flatMap(fieldDetails);
    if (details.length > 0) {
      const summary = details.map((d) => `${fieldLabel(d.field, resource)}: ${translateProblem(d)}`).join('; ');
      body.errors = Object.fromEntries(details.map((d) => [d.field, translateProblem(d)]));
      body.errors.root = { serverError: summary };
      return new HttpError(summary, status, body);
    }
  }
  return new HttpError(first ? translateError(first) : 'ra.notification.http_error', status, body);
};

export const errorCode = (error: unknown): string | undefined => {
  if (error instanceof HttpError) {
    const body: unknown = error.body;
    if (typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string') {
      return (body as ApiErrorBody).code;
    }
  }
  return undefined;
};
