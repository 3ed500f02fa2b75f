import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ReportStatus, ReviewAction } from "@/generated/prisma/enums";
import type { ActionContext, ScopedRecord } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import type { SnapshotItem, SnapshotValue, ReportSnapshot } from "./snapshot";
import { ITEM_FIELD_SELECT, snapshotItem } from "@/shared/reporting/report-fields";
import { previousKey, type IndicatorRule, type PreviousApproved, type ReportInput } from "@/shared/reporting/validation";
import { parseRecordId, recordIdField } from "@/shared/record-id";

// Pieces the reporting actions and reads share: loading a report's owner for authorization,
// the report's structure (which measures, indicators and townships it covers), its stored
// figures as typed text, and the one way a transition is recorded (ReviewEvent + audit row).

/**
 * Under load (a deadline evening: every county submits at once) transactions queue for a
 * connection and for the audit chain's lock; Prisma's defaults (2 s to start, 5 s to finish)
 * would turn that queue into failures.
 */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 } as const;

export const reportIdField = recordIdField("reportingErrors.noSuchReport");
export const cycleIdField = recordIdField("reportingErrors.noSuchCycle");

/** The report's owner, read from the report row itself: never from ids the client sends. */
export async function reportTarget(reportId: unknown): Promise<ScopedRecord | null> {
  const id = parseRecordId(reportId);
  if (id === null) return null;
  const report = await db().report.findUnique({ where: { id }, select: { id: true, unitId: true, departmentId: true } });
  return report ? { type: "Report", id: report.id, unitId: report.unitId, departmentId: report.departmentId } : null;
}

/** The cycle named by the input, for actions on a cycle (null: no such cycle). */
export async function cycleTarget(input: { cycleId: unknown }): Promise<ScopedRecord | null> {
  const id = parseRecordId(input.cycleId);
  const cycle = id === null ? null : await db().reportingCycle.findUnique({ where: { id }, select: { id: true } });
  return cycle ? { type: "ReportingCycle", id: cycle.id } : null;
}

/** The value as the form shows it: numbers without trailing zeros, booleans as "true"/"false". */
export function valueText(numericValue: Prisma.Decimal | null, booleanValue: boolean | null): string {
  if (numericValue !== null) return numericValue.toString();
  if (booleanValue !== null) return booleanValue ? "true" : "false";
  return "";
}

export type ReportStructure = {
  reportId: number;
  cycleId: number;
  unitId: number | null;
  departmentId: number | null;
  measures: { measureId: number; itemId: number; label: string; sortOrder: number }[];
  indicators: (IndicatorRule & { code: string })[];
  townships: { id: number; nameZh: string; nameEn: string | null }[];
};

/**
 * Which measures, indicators and subject units a report covers. Indicators are the cycle's
 * (CycleIndicator, fixed when the cycle opened) of the report's measures; a cycle without any
 * takes every indicator of those measures. Department reports carry no figures: indicators
 * count what happens in a county, which the county reports; a department reports on its duties.
 */
export async function loadStructure(client: Prisma.TransactionClient, reportId: number): Promise<ReportStructure | null> {
  const report = await client.report.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      cycleId: true,
      unitId: true,
      departmentId: true,
      items: { select: { id: true, measureId: true, measure: { select: { label: true, sortOrder: true } } } },
      cycle: { select: { indicators: { select: { indicatorId: true } } } },
    },
  });
  if (!report) return null;
  const measures = report.items
    .map((i) => ({ measureId: i.measureId, itemId: i.id, label: i.measure.label, sortOrder: i.measure.sortOrder }))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  if (report.unitId === null) return { reportId, cycleId: report.cycleId, unitId: null, departmentId: report.departmentId, measures, indicators: [], townships: [] };

  const inCycle = report.cycle.indicators.map((c) => c.indicatorId);
  // One after the other: inside a transaction all queries share one connection.
  const indicators = await client.indicator.findMany({
      where: { measureId: { in: measures.map((m) => m.measureId) }, ...(inCycle.length ? { id: { in: inCycle } } : {}) },
      orderBy: [{ measureId: "asc" }, { sortOrder: "asc" }],
    select: { id: true, code: true, measureId: true, valueType: true, scope: true, numeratorId: true, denominatorId: true, targets: { select: { kind: true } } },
  });
  const townships = await client.unit.findMany({ where: { parentId: report.unitId, kind: "TOWNSHIP", active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, nameZh: true, nameEn: true } });
  const unitId = report.unitId;
  return {
    reportId,
    cycleId: report.cycleId,
    unitId,
    departmentId: null,
    measures,
    townships,
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      measureId: i.measureId,
      valueType: i.valueType,
      numeratorId: i.numeratorId,
      denominatorId: i.denominatorId,
      // a comparison target (pay ratio ≥ 1) means the ratio is not a share of a whole
      isShare: i.valueType === "RATIO" && !i.targets.some((t) => t.kind === "COMPARISON"),
      subjects: i.valueType === "RATIO" || i.scope === "UNIT" ? [unitId] : townships.map((t) => t.id),
    })),
  };
}

/** The report's stored items and figures, as the filer typed them. */
export async function readInput(client: Prisma.TransactionClient, reportId: number): Promise<ReportInput> {
  const items = await client.reportItem.findMany({ where: { reportId }, orderBy: { measureId: "asc" }, select: { measureId: true, ...ITEM_FIELD_SELECT } });
  const values = await client.indicatorValue.findMany({
    where: { reportId },
    orderBy: [{ indicatorId: "asc" }, { subjectUnitId: "asc" }],
    select: { indicatorId: true, subjectUnitId: true, numericValue: true, booleanValue: true, comment: true },
  });
  return {
    items,
    values: values.map((v) => ({ indicatorId: v.indicatorId, subjectUnitId: v.subjectUnitId, value: valueText(v.numericValue, v.booleanValue), comment: v.comment })),
  };
}

export function toSnapshot(input: ReportInput, structure: ReportStructure): ReportSnapshot {
  const labels = new Map(structure.measures.map((m) => [m.measureId, m.label]));
  const codes = new Map(structure.indicators.map((i) => [i.id, i.code]));
  const items: SnapshotItem[] = input.items.map((i) => ({ measureId: i.measureId, label: labels.get(i.measureId) ?? "", ...snapshotItem(i) }));
  const values: SnapshotValue[] = input.values
    .filter((v) => v.value.trim() !== "" || v.comment?.trim())
    .map((v) => ({ indicatorId: v.indicatorId, code: codes.get(v.indicatorId) ?? "", subjectUnitId: v.subjectUnitId, value: v.value.trim() || null, comment: v.comment?.trim() || null }));
  return { items, values };
}

/**
 * Figures of the same unit or department in the latest earlier cycle whose report was approved
 * (or published): the baseline for the "large change" warning.
 */
export async function previousApprovedFor(client: Prisma.TransactionClient, report: { id: number; cycleId: number; unitId: number | null; departmentId: number | null }): Promise<PreviousApproved> {
  if (report.unitId === null) return {};
  const cycle = await client.reportingCycle.findUnique({ where: { id: report.cycleId }, select: { periodStart: true } });
  if (!cycle) return {};
  const previous = await client.report.findFirst({
    where: { unitId: report.unitId, status: { in: ["APPROVED", "PUBLISHED"] }, id: { not: report.id }, cycle: { periodStart: { lt: cycle.periodStart } } },
    orderBy: { cycle: { periodStart: "desc" } },
    select: { values: { select: { indicatorId: true, subjectUnitId: true, numericValue: true, booleanValue: true } } },
  });
  const out: PreviousApproved = {};
  for (const v of previous?.values ?? []) {
    const text = valueText(v.numericValue, v.booleanValue);
    if (text !== "") out[previousKey(v.indicatorId, v.subjectUnitId)] = text;
  }
  return out;
}

/** Takes the report's row lock for the rest of the transaction: one transition at a time. */
export async function lockReport(tx: Prisma.TransactionClient, reportId: number) {
  await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
}

/** Every transition: one ReviewEvent for the report's timeline and one audit row, in `tx`. */
export async function recordTransition(
  tx: Prisma.TransactionClient,
  audit: ActionContext["audit"],
  entry: {
    reportId: number;
    unitId: number | null;
    actorId: number;
    action: ReviewAction;
    from: ReportStatus | null;
    to: ReportStatus;
    reason?: string | null;
    itemReasons?: Record<string, string> | null;
    changes?: Record<string, unknown>;
    auditAction?: string;
  },
) {
  const event = await tx.reviewEvent.create({
    data: {
      reportId: entry.reportId,
      action: entry.action,
      fromStatus: entry.from,
      toStatus: entry.to,
      reason: entry.reason ?? null,
      itemReasons: entry.itemReasons ?? undefined,
      actorId: entry.actorId,
    },
    select: { id: true },
  });
  await audit(tx, {
    action: entry.auditAction,
    targetType: "Report",
    targetId: entry.reportId,
    unitId: entry.unitId,
    changes: {
      status: { before: entry.from, after: entry.to },
      reviewEventId: event.id,
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.itemReasons ? { itemReasons: entry.itemReasons } : {}),
      ...entry.changes,
    },
  });
  return event.id;
}
