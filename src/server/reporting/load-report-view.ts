import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CycleStatus, IndicatorScope, IndicatorValueType, ItemReviewStatus, ReportStatus, ReviewAction } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { daysLeft, isoDay } from "./dates";
import { lateOf, outstanding } from "./report-summary";
import { ITEM_FIELD_SELECT, itemFields } from "@/shared/reporting/report-fields";
import { loadStructure, previousApprovedFor } from "./shared";
import { lockedReason, transition } from "./state-machine";

// A report with everything its pages show (figures, structure, timeline), loaded without any
// authorization: the reads that call it (getReportForEdit, getReportForReview) authorize first.

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
export async function loadReportView(reportId: number) {
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
      outstanding: outstanding(head.status),
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
