import { describe, expect, it } from "vitest";
import { canEdit, lockedReason, REPORT_ACTIONS, REPORT_STATUSES, transition, type ReportAction } from "@/server/reporting/state-machine";
import type { ReportStatus } from "@/generated/prisma/enums";

// The whole table: every status × action pair, for a reviewer and for the publisher. Anything
// not listed as allowed must be refused with a reason key.
const ALLOWED: Record<string, ReportStatus> = {
  "NOT_STARTED:edit": "DRAFT",
  "DRAFT:edit": "DRAFT",
  "RETURNED:edit": "RETURNED",
  "NOT_STARTED:submit": "SUBMITTED",
  "DRAFT:submit": "SUBMITTED",
  "RETURNED:submit": "SUBMITTED",
  "SUBMITTED:return": "RETURNED",
  "SUBMITTED:approve": "APPROVED",
  "APPROVED:reopen": "RETURNED",
  "APPROVED:publish": "PUBLISHED",
};
const PUBLISHER_ONLY: Record<string, ReportStatus> = { "PUBLISHED:reopen": "RETURNED" };

describe("report state machine", () => {
  const pairs = REPORT_STATUSES.flatMap((status) => REPORT_ACTIONS.map((action) => [status, action] as [ReportStatus, ReportAction]));

  it("covers 6 statuses × 6 actions", () => expect(pairs).toHaveLength(36));

  it.each(pairs)("%s + %s, as a reviewer", (status, action) => {
    const result = transition(status, action);
    const allowed = ALLOWED[`${status}:${action}`];
    if (allowed) expect(result).toEqual({ ok: true, to: allowed });
    else expect(result).toMatchObject({ ok: false, reasonKey: expect.stringMatching(/^reportingErrors\./) });
  });

  it.each(pairs)("%s + %s, as the publisher", (status, action) => {
    const result = transition(status, action, { publisher: true });
    const allowed = ALLOWED[`${status}:${action}`] ?? PUBLISHER_ONLY[`${status}:${action}`];
    if (allowed) expect(result).toEqual({ ok: true, to: allowed });
    else expect(result.ok).toBe(false);
  });

  it("refuses edits of locked reports with a reason naming who can unlock them", () => {
    expect(transition("SUBMITTED", "edit")).toEqual({ ok: false, reasonKey: "reportingErrors.lockedSubmitted" });
    expect(transition("APPROVED", "edit")).toEqual({ ok: false, reasonKey: "reportingErrors.lockedApproved" });
    expect(transition("PUBLISHED", "edit")).toEqual({ ok: false, reasonKey: "reportingErrors.lockedPublished" });
    expect(transition("PUBLISHED", "reopen")).toEqual({ ok: false, reasonKey: "reportingErrors.onlyLeaderWithdraws" });
    expect(REPORT_STATUSES.filter(canEdit)).toEqual(["NOT_STARTED", "DRAFT", "RETURNED"]);
    expect(REPORT_STATUSES.map(lockedReason)).toEqual([null, null, "reportingErrors.lockedSubmitted", null, "reportingErrors.lockedApproved", "reportingErrors.lockedPublished"]);
  });
});
