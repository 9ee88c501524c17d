import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; one line per event, request lines carry `reqId`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'appraisal-api' }, timestamp: pino.stdTimeFunctions.isoTime });
}
