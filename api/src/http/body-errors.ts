import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../core/logger.js';

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
}

const body = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * The last error handler: problems with the HTTP request itself (malformed JSON, a body over the limit,
 * a bad encoding) answer as GraphQL-shaped JSON with a 4xx status; anything else is a masked 500. No
 * stack trace or file path reaches the client in any mode; unexpected errors are logged.
 */
export function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === 'entity.parse.failed') res.status(400).json(body('The request body is not valid JSON.', 'BAD_REQUEST'));
    else if (e.type === 'entity.too.large') res.status(413).json(body('The request body is too large.', 'PAYLOAD_TOO_LARGE'));
    else if (status >= 400 && status < 500) res.status(status).json(body('The request could not be read.', 'BAD_REQUEST'));
    else {
      (req.log ?? log).error({ err: error }, 'unexpected HTTP error');
      res.status(500).json(body('Internal server error', 'INTERNAL_SERVER_ERROR'));
    }
  };
}
