import "server-only";
import type { ReportStatus } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize, can, type ScopeTarget } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { loadReportView } from "./load-report-view";
import { summary, summarySelect } from "./report-summary";
import { diffSnapshots, type DiffEntry, type ReportSnapshot } from "./snapshot";
import { transition } from "./state-machine";
import { parseRecordId } from "@/shared/record-id";

// Reads for the bureau's review pages: the queue and one report as its reviewer sees it. Both
// need report:review; the report comes with what this reviewer may do with it now, so the page
// only renders.

/** Reports waiting for the bureau, oldest submission first; late ones flagged. */
export async function listReviewQueue(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "report:review", context);
  const rows = await db().report.findMany({
    where: { status: "SUBMITTED" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      ...summarySelect,
      unit: { select: { id: true, nameZh: true, nameEn: true } },
      department: { select: { id: true, nameZh: true, nameEn: true } },
      _count: { select: { submissions: true } },
    },
  });
  const now = new Date();
  return rows.map((r) => ({ ...summary(r, now), unit: r.unit, department: r.department, resubmission: r._count.submissions > 1, submissions: r._count.submissions }));
}

/** What changed between the latest submission and the one before it (empty on a first submission). */
async function latestDiff(reportId: number): Promise<{ sequence: number; previousSequence: number | null; entries: DiffEntry[] } | null> {
  const [latest, previous] = await db().reportSubmission.findMany({ where: { reportId }, orderBy: { sequence: "desc" }, take: 2, select: { sequence: true, snapshot: true } });
  if (!latest) return null;
  if (!previous) return { sequence: latest.sequence, previousSequence: null, entries: [] };
  return { sequence: latest.sequence, previousSequence: previous.sequence, entries: diffSnapshots(previous.snapshot as unknown as ReportSnapshot, latest.snapshot as unknown as ReportSnapshot) };
}

/**
 * What this reviewer may do with the report now: the permission (from the registry) and the
 * workflow (from the state machine) together. The review page offers exactly these; the
 * actions decide again when they run.
 */
function reviewerMay(actor: Actor, owner: ScopeTarget, status: ReportStatus) {
  // published figures are public: only one who may publish may withdraw them
  const publisher = can(actor, "report:publish", owner);
  return {
    /** approve or return items: the report awaits review */
    review: can(actor, "report:review", owner) && transition(status, "approve").ok,
    /** reopen an approved report, or withdraw a published one */
    reopen: can(actor, "report:reopen", owner) && transition(status, "reopen", { publisher }).ok,
    publish: publisher && transition(status, "publish").ok,
  };
}

/** The report as the reviewer sees it: the edit view, the diff against the previous submission, and what they may do. */
export async function getReportForReview(actor: Actor | null, context: RequestContext, reportId: number) {
  const reviewer = await authorize(actor, "report:review", context);
  const id = parseRecordId(reportId);
  if (id === null) return null;
  const [view, diff] = await Promise.all([loadReportView(id), latestDiff(id)]);
  if (!view) return null;
  const owner = { unitId: view.report.unit?.id ?? null, departmentId: view.report.department?.id ?? null };
  return { ...view, editable: false, diff, may: reviewerMay(reviewer, owner, view.report.status) };
}
