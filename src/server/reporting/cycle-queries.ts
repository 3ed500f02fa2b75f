import "server-only";
import type { CycleStatus, ReportStatus } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { isoDay } from "./dates";
import { summary, summarySelect } from "./report-summary";
import { REPORT_STATUSES } from "./state-machine";
import { parseRecordId } from "@/shared/record-id";

// Reads for the bureau's cycle pages (cycle:manage). Each cycle comes with what may be done
// with it in its status, each of its reports with whether the page offers more time for it,
// so the pages only render.

/**
 * What the cycle's status allows. Everyone who reads a cycle holds cycle:manage; the actions
 * check the status again.
 */
const cycleMay = (status: CycleStatus) => ({
  /** still planned: its definition may change and its scope be chosen (cycle.update, cycle.open) */
  setUp: status === "PLANNED",
  /** open: reporters may be added (cycle.add-reporters) */
  addReporters: status === "OPEN",
});

export type CycleSummary = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  periodStart: string;
  periodEnd: string;
  opensOn: string;
  dueOn: string;
  status: CycleStatus;
  reportCount: number;
  /** the statuses that have reports, in workflow order */
  byStatus: { status: ReportStatus; count: number }[];
  may: ReturnType<typeof cycleMay>;
};

export async function listCycles(actor: Actor | null, context: RequestContext): Promise<CycleSummary[]> {
  await authorize(actor, "cycle:manage", context);
  const [cycles, counts] = await Promise.all([
    db().reportingCycle.findMany({ orderBy: { periodStart: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true, periodStart: true, periodEnd: true, opensOn: true, dueOn: true, status: true } }),
    db().report.groupBy({ by: ["cycleId", "status"], _count: { _all: true } }),
  ]);
  return cycles.map((c) => {
    const count = new Map(counts.filter((row) => row.cycleId === c.id).map((row) => [row.status, row._count._all]));
    const byStatus = REPORT_STATUSES.flatMap((status) => (count.has(status) ? [{ status, count: count.get(status)! }] : []));
    const reportCount = byStatus.reduce((sum, s) => sum + s.count, 0);
    return { ...c, periodStart: isoDay(c.periodStart), periodEnd: isoDay(c.periodEnd), opensOn: isoDay(c.opensOn), dueOn: isoDay(c.dueOn), reportCount, byStatus, may: cycleMay(c.status) };
  });
}

/** The id of a cycle the actor may manage (a refusal throws); null: not a record id at all. */
export async function managedCycleId(actor: Actor | null, context: RequestContext, cycleId: number): Promise<number | null> {
  await authorize(actor, "cycle:manage", context);
  return parseRecordId(cycleId);
}

/** One cycle with every report in it (unit or department, status, due date, late flag). */
export async function getCycle(actor: Actor | null, context: RequestContext, cycleId: number) {
  const id = await managedCycleId(actor, context, cycleId);
  if (id === null) return null;
  const cycle = await db().reportingCycle.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      periodStart: true,
      periodEnd: true,
      opensOn: true,
      dueOn: true,
      status: true,
      _count: { select: { measures: true, indicators: true } },
      reports: {
        orderBy: [{ unit: { sortOrder: "asc" } }, { departmentId: "asc" }, { id: "asc" }],
        select: {
          ...summarySelect,
          unit: { select: { id: true, nameZh: true, nameEn: true } },
          department: { select: { id: true, nameZh: true, nameEn: true } },
          extensions: { orderBy: { grantedAt: "desc" }, take: 1, select: { newDueOn: true, previousDueOn: true, reason: true, grantedAt: true } },
        },
      },
    },
  });
  if (!cycle) return null;
  const now = new Date();
  return {
    id: cycle.id,
    code: cycle.code,
    nameZh: cycle.nameZh,
    nameEn: cycle.nameEn,
    periodStart: isoDay(cycle.periodStart),
    periodEnd: isoDay(cycle.periodEnd),
    opensOn: isoDay(cycle.opensOn),
    dueOn: isoDay(cycle.dueOn),
    status: cycle.status,
    measureCount: cycle._count.measures,
    indicatorCount: cycle._count.indicators,
    may: cycleMay(cycle.status),
    reports: cycle.reports.map((r) => {
      const row = summary(r, now);
      return {
        ...row,
        unit: r.unit,
        department: r.department,
        lastExtension: r.extensions[0] ? { previousDueOn: isoDay(r.extensions[0].previousDueOn), newDueOn: isoDay(r.extensions[0].newDueOn), reason: r.extensions[0].reason, grantedAt: r.extensions[0].grantedAt.toISOString() } : null,
        // more time is offered while the cycle is open and the report still with its filer (an
        // offer only: cycle.extend-due-date itself accepts a report in any status)
        may: { extend: cycle.status === "OPEN" && row.outstanding },
      };
    }),
  };
}
