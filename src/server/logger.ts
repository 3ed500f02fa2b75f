import { pino, type DestinationStream, type Logger } from "pino";

// The portal's log: one JSON object per line on stdout, for whatever collects the server's
// output. Each line has `level` (as a word: "warn", not pino's 40), `time` (ISO 8601), `msg`
// and the fields of the event; a line written while serving a request has its `requestId`
// (the X-Request-Id that proxy.ts sets and the audit log records), so the two can be joined.
// No "server-only" marker: the reminder worker (src/cli/reminders-worker.ts) logs through it
// in plain Node.

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

/** LOG_LEVEL, or info; under vitest warn, so that test output shows problems, not routine. */
export function logLevel(environment: Record<string, string | undefined> = process.env): LogLevel {
  const requested = environment.LOG_LEVEL?.trim().toLowerCase();
  if (!requested) return environment.VITEST ? "warn" : "info";
  if (!(LEVELS as readonly string[]).includes(requested)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")} (it is "${environment.LOG_LEVEL}")`);
  return requested as LogLevel;
}

/** A logger in the portal's format; `destination` is stdout unless given (tests pass their own). */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? logLevel(),
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** The process's logger, for events that belong to no request (start-up, jobs, slow queries). */
export const logger: Logger = createLogger();

/** The logger for one request: every line carries its request id (when it has one). */
export const requestLogger = (requestId: string | null): Logger => (requestId ? logger.child({ requestId }) : logger);
