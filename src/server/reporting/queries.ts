import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { loadReportView } from "./load-report-view";
import { reportAccess } from "./report-access";
import { summary, summarySelect, type ReportSummary } from "./report-summary";
import { parseRecordId } from "@/shared/record-id";

// Reads for the reporting pages. Each takes the actor and checks the permission against the
// report row itself; a report outside the actor's scope comes back as null, like one that does
// not exist.

export type { ReportSummary } from "./report-summary";
export type { ReportForEdit, ReviewEventView } from "./load-report-view";

/** The reports of the actor's own unit or department: open cycles first, then the past. */
export async function listMyReports(actor: Actor | null, context: RequestContext): Promise<{ current: ReportSummary[]; past: ReportSummary[] }> {
  const allowed = await authorize(actor, "report:read", context, { type: "Report", unitId: actor?.unitId ?? null, departmentId: actor?.departmentId ?? null });
  const owners: Prisma.ReportWhereInput[] = [];
  if (allowed.unitId !== null) owners.push({ unitId: allowed.unitId });
  if (allowed.departmentId !== null) owners.push({ departmentId: allowed.departmentId });
  if (!owners.length) return { current: [], past: [] };
  const rows = await db().report.findMany({ where: { OR: owners }, orderBy: [{ cycle: { periodStart: "desc" } }, { id: "asc" }], select: summarySelect });
  const now = new Date();
  return {
    current: rows.filter((r) => r.cycle.status === "OPEN").map((r) => summary(r, now)),
    past: rows.filter((r) => r.cycle.status !== "OPEN").map((r) => summary(r, now)),
  };
}

/**
 * The report as its filer edits it (and the bureau reads it there), with what this viewer may do
 * and why not; null when it does not exist or is not the actor's.
 */
export async function getReportForEdit(actor: Actor | null, context: RequestContext, reportId: number) {
  const id = parseRecordId(reportId);
  const owner = id === null ? null : await db().report.findUnique({ where: { id }, select: { id: true, unitId: true, departmentId: true } });
  try {
    await authorize(actor, "report:read", context, owner ? { type: "Report", ...owner } : undefined);
  } catch (error) {
    // outside the actor's scope looks exactly like a report that does not exist (the refusal is audited)
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  if (!owner) return null;
  const view = await loadReportView(owner.id);
  if (!view) return null;
  // Reviewers read the report here too, but only its filer can change it.
  const { may, filer, lockedReason } = reportAccess(actor, { ...owner, status: view.report.status });
  return {
    report: view.report,
    measures: view.measures,
    townships: view.townships,
    timeline: view.timeline,
    previousApproved: view.previousApproved,
    may,
    filer,
    lockedReason,
  };
}
