import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CycleStatus, IndicatorScope, IndicatorValueType, ItemReviewStatus, ReportStatus, ReviewAction } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { daysLeft, isLate, isoDay } from "./dates";
import { loadStructure, previousApprovedFor } from "./shared";
import { diffSnapshots, type DiffEntry, type ReportSnapshot } from "./snapshot";
import { reportAccess } from "./report-access";
import { EDITABLE_STATUSES, lockedReason, transition } from "./state-machine";
import { parseRecordId } from "@/shared/record-id";
import { ITEM_FIELD_SELECT, itemFields } from "@/shared/reporting/report-fields";

// Reads for the reporting pages. Each takes the actor and checks the permission against the
// report row itself; a report outside the actor's scope comes back as null, like one that does
// not exist.

export type ReportSummary = {
  id: number;
  cycle: { code: string; nameZh: string; nameEn: string };
  status: ReportStatus;
  /** YYYY-MM-DD */
  dueOn: string;
  /** negative: overdue by that many days */
  daysLeft: number;
  /** still outstanding after the due date, or submitted after it */
  late: boolean;
  submittedAt: string | null;
  version: number;
};

export type ReviewEventView = {
  id: number;
  action: ReviewAction;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  reason: string | null;
  /** measureId → the reviewer's reason for returning that item */
  itemReasons: Record<string, string> | null;
  actor: { username: string; displayName: string } | null;
  at: string;
};

const summarySelect = {
  id: true,
  status: true,
  dueOn: true,
  submittedAt: true,
  version: true,
  cycle: { select: { code: true, nameZh: true, nameEn: true, status: true, periodStart: true } },
} satisfies Prisma.ReportSelect;

type SummaryRow = Prisma.ReportGetPayload<{ select: typeof summarySelect }>;

const outstanding = (status: ReportStatus) => EDITABLE_STATUSES.includes(status);

function lateOf(status: ReportStatus, dueOn: Date, submittedAt: Date | null, now: Date) {
  if (outstanding(status)) return isLate(dueOn, null, now);
  return isLate(dueOn, submittedAt, now);
}

function summary(row: SummaryRow, now: Date): ReportSummary {
  return {
    id: row.id,
    cycle: { code: row.cycle.code, nameZh: row.cycle.nameZh, nameEn: row.cycle.nameEn },
    status: row.status,
    dueOn: isoDay(row.dueOn),
    daysLeft: daysLeft(row.dueOn, now),
    late: lateOf(row.status, row.dueOn, row.submittedAt, now),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** A report in its filer's list: the summary, and whether it is still theirs to finish. */
export type MyReportSummary = ReportSummary & {
  /** still with its filer (not yet submitted, or returned): the due date still counts down */
  outstanding: boolean;
};

/** The reports of the actor's own unit or department: open cycles first, then the past. */
export async function listMyReports(actor: Actor | null, context: RequestContext): Promise<{ current: MyReportSummary[]; past: MyReportSummary[] }> {
  const allowed = await authorize(actor, "report:read", context, { type: "Report", unitId: actor?.unitId ?? null, departmentId: actor?.departmentId ?? null });
  const owners: Prisma.ReportWhereInput[] = [];
  if (allowed.unitId !== null) owners.push({ unitId: allowed.unitId });
  if (allowed.departmentId !== null) owners.push({ departmentId: allowed.departmentId });
  if (!owners.length) return { current: [], past: [] };
  const rows = await db().report.findMany({ where: { OR: owners }, orderBy: [{ cycle: { periodStart: "desc" } }, { id: "asc" }], select: summarySelect });
  const now = new Date();
  const mine = (r: SummaryRow): MyReportSummary => ({ ...summary(r, now), outstanding: outstanding(r.status) });
  return {
    current: rows.filter((r) => r.cycle.status === "OPEN").map(mine),
    past: rows.filter((r) => r.cycle.status !== "OPEN").map(mine),
  };
}

const reportHeadSelect = {
  id: true,
  cycleId: true,
  status: true,
  version: true,
  dueOn: true,
  submittedAt: true,
  approvedAt: true,
  publishedAt: true,
  isDemo: true,
  unitId: true,
  departmentId: true,
  unit: { select: { id: true, code: true, nameZh: true, nameEn: true } },
  department: { select: { id: true, code: true, nameZh: true, nameEn: true } },
  cycle: { select: { id: true, code: true, nameZh: true, nameEn: true, periodStart: true, periodEnd: true, status: true } },
} satisfies Prisma.ReportSelect;

export type ReportForEdit = NonNullable<Awaited<ReturnType<typeof loadReportView>>>;

/** Loads a report with everything the edit and review pages show; null if it does not exist. */
async function loadReportView(reportId: number) {
  const [head, structure] = await Promise.all([
    db().report.findUnique({ where: { id: reportId }, select: reportHeadSelect }),
    loadStructure(db(), reportId),
  ]);
  if (!head || !structure) return null;
  const [items, values, indicators, events, previousApproved] = await Promise.all([
    db().reportItem.findMany({
      where: { reportId },
      select: { measureId: true, ...ITEM_FIELD_SELECT, reviewStatus: true, returnReason: true, measure: { select: { label: true, titleZh: true, titleEn: true, sortOrder: true } } },
    }),
    db().indicatorValue.findMany({ where: { reportId }, select: { indicatorId: true, subjectUnitId: true, numericValue: true, booleanValue: true, comment: true } }),
    db().indicator.findMany({
      where: { id: { in: structure.indicators.map((i) => i.id) } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, measureId: true, nameZh: true, nameEn: true, valueType: true, unitOfMeasureZh: true, unitOfMeasureEn: true, scope: true, numeratorId: true, denominatorId: true },
    }),
    db().reviewEvent.findMany({
      where: { reportId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, action: true, fromStatus: true, toStatus: true, reason: true, itemReasons: true, at: true, actor: { select: { username: true, displayName: true } } },
    }),
    previousApprovedFor(db(), head),
  ]);
  const valueAt = new Map(values.map((v) => [`${v.indicatorId}:${v.subjectUnitId}`, v]));
  const subjectName = new Map<number, string>(structure.townships.map((t) => [t.id, t.nameZh]));
  if (head.unit) subjectName.set(head.unit.id, head.unit.nameZh);
  const subjectsOf = new Map(structure.indicators.map((i) => [i.id, i.subjects]));

  const measures = items
    .sort((a, b) => a.measure.sortOrder - b.measure.sortOrder)
    .map((item) => ({
      measureId: item.measureId,
      label: item.measure.label,
      titleZh: item.measure.titleZh,
      titleEn: item.measure.titleEn,
      item: {
        ...itemFields(item),
        reviewStatus: item.reviewStatus as ItemReviewStatus,
        returnReason: item.returnReason,
      },
      indicators: indicators
        .filter((i) => i.measureId === item.measureId)
        .map((i) => ({
          id: i.id,
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          valueType: i.valueType as IndicatorValueType,
          unitOfMeasureZh: i.unitOfMeasureZh,
          unitOfMeasureEn: i.unitOfMeasureEn,
          scope: i.scope as IndicatorScope,
          numeratorId: i.numeratorId,
          denominatorId: i.denominatorId,
          // ratios are computed from their numerator and denominator: no values of their own
          values:
            i.valueType === "RATIO"
              ? []
              : (subjectsOf.get(i.id) ?? []).map((subjectUnitId) => {
                  const v = valueAt.get(`${i.id}:${subjectUnitId}`);
                  return {
                    subjectUnitId,
                    subjectNameZh: subjectName.get(subjectUnitId) ?? "",
                    numericValue: v?.numericValue?.toString() ?? null,
                    booleanValue: v?.booleanValue ?? null,
                    comment: v?.comment ?? null,
                  };
                }),
        })),
    }));
  const now = new Date();
  const editable = transition(head.status, "edit").ok;
  return {
    report: {
      id: head.id,
      status: head.status,
      version: head.version,
      dueOn: isoDay(head.dueOn),
      daysLeft: daysLeft(head.dueOn, now),
      late: lateOf(head.status, head.dueOn, head.submittedAt, now),
      submittedAt: head.submittedAt?.toISOString() ?? null,
      approvedAt: head.approvedAt?.toISOString() ?? null,
      publishedAt: head.publishedAt?.toISOString() ?? null,
      isDemo: head.isDemo,
      unit: head.unit,
      department: head.department,
      cycle: { id: head.cycle.id, code: head.cycle.code, nameZh: head.cycle.nameZh, nameEn: head.cycle.nameEn, periodStart: isoDay(head.cycle.periodStart), periodEnd: isoDay(head.cycle.periodEnd), status: head.cycle.status as CycleStatus },
    },
    editable,
    lockedReason: lockedReason(head.status),
    measures,
    townships: structure.townships.map((t) => ({ id: t.id, nameZh: t.nameZh })),
    timeline: events.map(
      (e): ReviewEventView => ({
        id: e.id,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        itemReasons: (e.itemReasons ?? null) as Record<string, string> | null,
        actor: e.actor,
        at: e.at.toISOString(),
      }),
    ),
    /** `${indicatorId}:${subjectUnitId}` → last approved cycle's value, for the large-change warning */
    previousApproved,
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
    report: { ...view.report, outstanding: outstanding(view.report.status) },
    measures: view.measures,
    townships: view.townships,
    timeline: view.timeline,
    previousApproved: view.previousApproved,
    may,
    filer,
    lockedReason,
  };
}

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

/** The report as the reviewer sees it: the edit view plus the diff against the previous submission. */
export async function getReportForReview(actor: Actor | null, context: RequestContext, reportId: number) {
  await authorize(actor, "report:review", context);
  const id = parseRecordId(reportId);
  if (id === null) return null;
  const [view, diff] = await Promise.all([loadReportView(id), latestDiff(id)]);
  if (!view) return null;
  return { ...view, editable: false, diff };
}

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
  byStatus: Partial<Record<ReportStatus, number>>;
};

export async function listCycles(actor: Actor | null, context: RequestContext): Promise<CycleSummary[]> {
  await authorize(actor, "cycle:manage", context);
  const [cycles, counts] = await Promise.all([
    db().reportingCycle.findMany({ orderBy: { periodStart: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true, periodStart: true, periodEnd: true, opensOn: true, dueOn: true, status: true } }),
    db().report.groupBy({ by: ["cycleId", "status"], _count: { _all: true } }),
  ]);
  return cycles.map((c) => {
    const byStatus: Partial<Record<ReportStatus, number>> = {};
    let reportCount = 0;
    for (const row of counts) {
      if (row.cycleId !== c.id) continue;
      byStatus[row.status] = row._count._all;
      reportCount += row._count._all;
    }
    return { ...c, periodStart: isoDay(c.periodStart), periodEnd: isoDay(c.periodEnd), opensOn: isoDay(c.opensOn), dueOn: isoDay(c.dueOn), reportCount, byStatus };
  });
}

/** One cycle with every report in it (unit or department, status, due date, late flag). */
export async function getCycle(actor: Actor | null, context: RequestContext, cycleId: number) {
  await authorize(actor, "cycle:manage", context);
  const id = parseRecordId(cycleId);
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
    reports: cycle.reports.map((r) => ({
      ...summary(r, now),
      unit: r.unit,
      department: r.department,
      lastExtension: r.extensions[0] ? { previousDueOn: isoDay(r.extensions[0].previousDueOn), newDueOn: isoDay(r.extensions[0].newDueOn), reason: r.extensions[0].reason, grantedAt: r.extensions[0].grantedAt.toISOString() } : null,
    })),
  };
}
