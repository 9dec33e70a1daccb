import pino, { Logger } from 'pino';

/** Secrets that must never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * One JSON logger per process; every line carries the service. The lines written for a request
 * carry its id explicitly (see createServiceApp and AllExceptionsFilter): an AsyncLocalStorage
 * would add it to every line, but on Node 20 it runs a hook on every promise the process makes,
 * which cost the pledge path ~7 % of its CPU (bench:pledge).
 */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}

export type { Logger };
