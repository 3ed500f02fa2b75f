import type { ReportStatus } from "@/generated/prisma/enums";
import type { MessageKey } from "@/i18n/message-files";

// The report workflow as a pure table, so that every status × action pair can be tested without
// a database and the UI can say why a report is locked before anyone clicks. No database access
// here (and no server-only marker): the actions enforce the same answers inside their
// transactions.

export type ReportAction = "edit" | "submit" | "return" | "approve" | "reopen" | "publish";

export const REPORT_STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED"] as const satisfies readonly ReportStatus[];
export const REPORT_ACTIONS = ["edit", "submit", "return", "approve", "reopen", "publish"] as const satisfies readonly ReportAction[];

export type TransitionOptions = {
  /**
   * The actor holds report:publish (the bureau leader). Published figures are public: only the
   * one who published them may withdraw them (reopen on PUBLISHED → RETURNED).
   */
  publisher?: boolean;
};

export type TransitionResult = { ok: true; to: ReportStatus } | { ok: false; reasonKey: MessageKey };

/** Statuses in which the filer may still change figures. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

/**
 * Why a report cannot be edited, naming who can unlock it; null when it can be edited. These
 * keys are what the edit form shows in place of its inputs.
 */
export function lockedReason(status: ReportStatus): MessageKey | null {
  switch (status) {
    case "SUBMITTED":
      return "reportingErrors.lockedSubmitted";
    case "APPROVED":
      return "reportingErrors.lockedApproved";
    case "PUBLISHED":
      return "reportingErrors.lockedPublished";
    default:
      return null;
  }
}

const ok = (to: ReportStatus): TransitionResult => ({ ok: true, to });
const refused = (reasonKey: MessageKey): TransitionResult => ({ ok: false, reasonKey });

export function transition(from: ReportStatus, action: ReportAction, options: TransitionOptions = {}): TransitionResult {
  switch (action) {
    case "edit":
      // A returned report stays RETURNED while it is corrected: the reviewer's reasons stay
      // visible until it is submitted again.
      if (from === "NOT_STARTED") return ok("DRAFT");
      if (from === "DRAFT" || from === "RETURNED") return ok(from);
      return refused(lockedReason(from)!);
    case "submit":
      if (EDITABLE_STATUSES.includes(from)) return ok("SUBMITTED");
      return refused(from === "SUBMITTED" ? "reportingErrors.alreadySubmitted" : lockedReason(from)!);
    case "return":
      return from === "SUBMITTED" ? ok("RETURNED") : refused("reportingErrors.notAwaitingReview");
    case "approve":
      return from === "SUBMITTED" ? ok("APPROVED") : refused("reportingErrors.notAwaitingReview");
    case "reopen":
      if (from === "APPROVED") return ok("RETURNED");
      if (from === "PUBLISHED") return options.publisher ? ok("RETURNED") : refused("reportingErrors.onlyLeaderWithdraws");
      return refused("reportingErrors.notApproved");
    case "publish":
      return from === "APPROVED" ? ok("PUBLISHED") : refused(from === "PUBLISHED" ? "reportingErrors.alreadyPublished" : "reportingErrors.notApproved");
  }
}

export const canEdit = (status: ReportStatus) => transition(status, "edit").ok;
