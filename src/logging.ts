import { pino, type Logger } from 'pino';
import { StartRefusedError } from './start-refused.ts';

export type { Logger };

/**
 * Structured JSON logs. What is logged is chosen field by field (never a body, a header or a query
 * string, which may carry passwords, tokens or confidential text); the redaction below is a second
 * line of defence for fields with those names should one ever be passed.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const levels = [...Object.keys(pino.levels.values), 'silent'];
  if (!levels.includes(level)) throw new StartRefusedError(`LOG_LEVEL must be one of ${levels.join(', ')}, not "${level}"`);
  return pino(
    {
      level,
      base: { service: 'steunregister' },
      redact: {
        paths: ['password', 'totp', 'token', 'cookie', 'authorization', '*.password', '*.totp', '*.token', '*.cookie', '*.authorization', '*.totpSecret'],
        censor: '[redacted]',
      },
    },
    options.destination ?? process.stdout,
  );
}

/** An error as logs may show it: its kind and message, never the row data a database error may add in `detail`. */
export function loggableError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}
