import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const REDACTED = '[redacted]';

/** Keys whose values are secrets or personal file contents wherever they appear in a logged object. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|currentpassword|newpassword|passwordhash|token|accesstoken|refreshtoken|secret|jwtsecret|contentbase64|x-api-key)$/i;

/**
 * A copy of `value` with every secret-named key replaced by `[redacted]`, at any depth (bounded).
 * Example: redactSecrets({ variables: { password: 'x' } }) -> { variables: { password: '[redacted]' } }.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  // Class instances (requests, errors, buffers) are left to their serializers.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner, depth + 1);
  return out;
}

/** A URL as it may be logged: the path, with the values of its query string redacted (GET operations carry variables there). */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const keys = new URLSearchParams(url.slice(q + 1)).keys();
  return `${url.slice(0, q)}?${[...new Set(keys)].map((k) => `${encodeURIComponent(k)}=${REDACTED}`).join('&')}`;
}

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
}

/**
 * How request lines show requests and responses; pino-http needs them handed over explicitly (it
 * installs its own otherwise). Headers and query strings are redacted.
 */
export const httpLogSerializers = {
  req: (req: LoggedRequest) => ({
    id: req.id,
    method: req.method,
    url: redactUrl(req.url),
    headers: redactSecrets(req.headers),
    remoteAddress: req.remoteAddress,
  }),
  res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({ statusCode: res.statusCode, headers: redactSecrets(res.headers) }),
};

/**
 * JSON logs on stdout (or `destination`); one line per event, request lines carry `reqId`.
 * Secrets never reach a log line: request headers, query strings and any object logged with a
 * secret-named key (password, token, contentBase64, ...) are redacted here, in one place.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'appraisal-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { ...httpLogSerializers, variables: (variables: unknown) => redactSecrets(variables) },
      formatters: {
        // Everything else logged as an object is walked too (a bounded copy), so a stray `{ password }` is caught.
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
    },
    destination,
  );
}
