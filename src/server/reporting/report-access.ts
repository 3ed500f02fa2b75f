import type { MessageKey } from "@/i18n/message-files";
import "server-only";
import type { ReportStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/authorize";
import { EVIDENCE_EDITABLE } from "@/server/evidence/actions";
import { lockedReason, transition } from "./state-machine";

// What one viewer may do with one report now, decided once here from the permission table and
// the workflow, so that pages only render it. The actions check the same again on every request.

export type ReportMay = {
  /** change items and figures (the form, the workbook import) */
  edit: boolean;
  submit: boolean;
  /** download the pre-filled workbook */
  exportExcel: boolean;
  uploadEvidence: boolean;
};

export type ReportAccess = {
  may: ReportMay;
  /** the viewer files this report (its unit's or department's staff), whatever its status */
  filer: boolean;
  /** why the viewer cannot edit (a message key), null when they can */
  lockedReason: MessageKey | null;
};

/** A viewer who may read the report but not file it (the bureau) is told so. */
export const NOT_FILER = "reportingErrors.lockedNotFiler";

export function reportAccess(actor: Actor | null, report: { unitId: number | null; departmentId: number | null; status: ReportStatus }): ReportAccess {
  const owner = { unitId: report.unitId, departmentId: report.departmentId };
  const filer = can(actor, "report:edit", owner);
  const edit = filer && transition(report.status, "edit").ok;
  return {
    may: {
      edit,
      submit: can(actor, "report:submit", owner) && transition(report.status, "submit").ok,
      exportExcel: can(actor, "report:read", owner),
      uploadEvidence: filer && EVIDENCE_EDITABLE.includes(report.status),
    },
    filer,
    // the report's own state first: a submitted report is locked for its filer and the bureau alike
    lockedReason: edit ? null : (lockedReason(report.status) ?? NOT_FILER),
  };
}
