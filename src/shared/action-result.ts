import type { MessageKey } from "@/i18n/message-files";
import type { AppErrorCode } from "@/shared/error-codes";

/** What every action returns: data, or an expected error the form can show (input kept). */
export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; messageKey: MessageKey; fieldErrors?: Record<string, MessageKey[]>; values?: Record<string, unknown> };
