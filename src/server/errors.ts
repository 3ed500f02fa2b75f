import type { MessageKey } from "@/i18n/message-files";
import type { AppErrorCode } from "@/shared/error-codes";

export type { AppErrorCode };

/**
 * Expected failures are values with a code the UI translates; unexpected ones are logged and
 * shown generically. `NOT_FOUND` is also what a record outside the caller's scope looks like.
 */

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** a message key in the "errors" namespace, or a specific key such as "auth.wrongPassword" */
    readonly messageKey: MessageKey = `errors.${code}`,
    readonly fieldErrors?: Record<string, MessageKey[]>,
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const forbidden = () => new AppError("FORBIDDEN");

/** The HTTP status a route handler answers for each expected failure. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNEXPECTED: 500,
};
