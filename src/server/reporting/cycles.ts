import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction, type ActionContext } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { dayToDate, isoDay } from "./dates";
import { outstanding } from "./report-summary";
import { dutyHolders, resolveScope } from "./cycle-scope";
import { reasonField } from "./input";
import { cycleIdField, cycleTarget, lockReport, recordTransition, reportIdField, reportTarget, TX_OPTIONS } from "./shared";
import { recordIdField } from "@/shared/record-id";

// Opening a cycle is the bureau's act: it fixes what is asked (measures, indicators) and of whom
// (districts and zones, departments with duties), and creates every expected report, each with
// an item per measure it covers. The scope is stored with the cycle (CycleMeasure,
// CycleIndicator) and shown on its page; once open, units or departments left out can be added,
// never silently: the bureau names each one.

/** Checkboxes: absent when none is ticked, a string for one, an array for several. */
const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(recordIdField("reportingErrors.malformed")).max(500, "reportingErrors.malformed"),
);

type Wanted = { unitId: number | null; departmentId: number | null; measures: number[] };

/** Creates the reports, each with its items and a CREATE event in its timeline. */
async function createReports(tx: Prisma.TransactionClient, audit: ActionContext["audit"], actorId: number, cycle: { id: number; dueOn: Date }, wanted: Wanted[]) {
  const created: number[] = [];
  for (const w of wanted) {
    const report = await tx.report.create({
      data: { cycleId: cycle.id, unitId: w.unitId, departmentId: w.departmentId, dueOn: cycle.dueOn, items: { createMany: { data: w.measures.map((measureId) => ({ measureId })) } } },
      select: { id: true },
    });
    created.push(report.id);
    await recordTransition(tx, audit, {
      reportId: report.id,
      unitId: w.unitId,
      actorId,
      action: "CREATE",
      from: null,
      to: "NOT_STARTED",
      changes: { cycleId: cycle.id, departmentId: w.departmentId, measures: w.measures.length },
    });
  }
  return created;
}

async function lockCycle(tx: Prisma.TransactionClient, cycleId: number) {
  await tx.$queryRaw`SELECT id FROM "ReportingCycle" WHERE id = ${cycleId} FOR UPDATE`;
  return tx.reportingCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { id: true, status: true, dueOn: true, measures: { select: { measureId: true } } } });
}

export const openCycleSpec = defineAction({
  name: "cycle.open",
  permission: "cycle:manage",
  input: z.object({ cycleId: cycleIdField, measureIds: idList, indicatorIds: idList, unitIds: idList, departmentIds: idList }),
  target: cycleTarget,
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      const cycle = await lockCycle(tx, input.cycleId);
      if (cycle.status === "CLOSED") throw new AppError("CONFLICT", "reportingErrors.cycleClosed");
      if (cycle.status === "OPEN") throw new AppError("CONFLICT", "reportingErrors.cycleAlreadyOpen");

      // A scope prepared beforehand (an import, the test data) is the default choice; what is
      // resolved here is what the cycle asks, and exactly that is stored.
      const stored = await tx.cycleIndicator.findMany({ where: { cycleId: cycle.id }, select: { indicatorId: true } });
      const scope = await resolveScope(tx, {
        ...input,
        measureIds: input.measureIds.length ? input.measureIds : cycle.measures.map((m) => m.measureId),
        indicatorIds: input.measureIds.length || input.indicatorIds.length ? input.indicatorIds : stored.map((i) => i.indicatorId),
      });
      await tx.cycleMeasure.deleteMany({ where: { cycleId: cycle.id, measureId: { notIn: scope.measureIds } } });
      await tx.cycleIndicator.deleteMany({ where: { cycleId: cycle.id, indicatorId: { notIn: scope.indicatorIds } } });
      await tx.cycleMeasure.createMany({ data: scope.measureIds.map((measureId) => ({ cycleId: cycle.id, measureId })), skipDuplicates: true });
      await tx.cycleIndicator.createMany({ data: scope.indicatorIds.map((indicatorId) => ({ cycleId: cycle.id, indicatorId })), skipDuplicates: true });
      // A report opened earlier by hand (the demo data, an import) is kept, not doubled.
      const existing = await tx.report.findMany({ where: { cycleId: cycle.id }, select: { unitId: true, departmentId: true } });
      const haveUnit = new Set(existing.flatMap((r) => (r.unitId === null ? [] : [r.unitId])));
      const haveDepartment = new Set(existing.flatMap((r) => (r.departmentId === null ? [] : [r.departmentId])));
      const created = await createReports(tx, audit, actor.userId, cycle, [
        ...scope.unitIds.filter((id) => !haveUnit.has(id)).map((unitId) => ({ unitId, departmentId: null, measures: scope.measureIds })),
        ...scope.departments.filter((d) => !haveDepartment.has(d.id)).map((d) => ({ unitId: null, departmentId: d.id, measures: d.measureIds })),
      ]);
      await tx.reportingCycle.update({ where: { id: cycle.id }, data: { status: "OPEN" } });
      await audit(tx, {
        targetType: "ReportingCycle",
        targetId: cycle.id,
        changes: {
          status: { before: cycle.status, after: "OPEN" },
          measureIds: scope.measureIds,
          indicatorIds: scope.indicatorIds,
          addedForRatios: scope.addedForRatios,
          unitIds: scope.unitIds,
          departmentIds: scope.departments.map((d) => d.id),
          reportsCreated: created.length,
          reportIds: created,
        },
      });
      return { status: "OPEN" as const, reportsCreated: created.length, addedForRatios: scope.addedForRatios.length };
    }, TX_OPTIONS),
});

export const addReportersSpec = defineAction({
  name: "cycle.add-reporters",
  permission: "cycle:manage",
  // for an open cycle: a district created since, or one left out by mistake, gets its report
  input: z.object({ cycleId: cycleIdField, unitIds: idList, departmentIds: idList }),
  target: cycleTarget,
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      const cycle = await lockCycle(tx, input.cycleId);
      if (cycle.status !== "OPEN") throw new AppError("CONFLICT", "reportingErrors.cycleNotOpen");
      if (!input.unitIds.length && !input.departmentIds.length) throw new AppError("VALIDATION", "reportingErrors.fixErrors", { unitIds: ["reportingErrors.chooseReporters"] });
      const measureOrder = await tx.measure.findMany({ where: { id: { in: cycle.measures.map((m) => m.measureId) } }, orderBy: { sortOrder: "asc" }, select: { id: true } });
      const measureIds = measureOrder.map((m) => m.id);
      const missing = await missingReporters(tx, cycle.id, measureIds);
      const units = new Set(missing.unitIds);
      const departments = new Map(missing.departments.map((d) => [d.id, d]));
      if (input.unitIds.some((id) => !units.has(id))) throw new AppError("VALIDATION", "reportingErrors.fixErrors", { unitIds: ["reportingErrors.unitCannotBeAdded"] });
      if (input.departmentIds.some((id) => !departments.has(id))) throw new AppError("VALIDATION", "reportingErrors.fixErrors", { departmentIds: ["reportingErrors.departmentCannotBeAdded"] });
      const unitIds = [...new Set(input.unitIds)];
      const departmentIds = [...new Set(input.departmentIds)];
      const created = await createReports(tx, audit, actor.userId, cycle, [
        ...unitIds.map((unitId) => ({ unitId, departmentId: null, measures: measureIds })),
        ...departmentIds.map((id) => ({ unitId: null, departmentId: id, measures: departments.get(id)!.measureIds })),
      ]);
      await audit(tx, { targetType: "ReportingCycle", targetId: cycle.id, changes: { unitIds, departmentIds, reportsCreated: created.length, reportIds: created } });
      return { reportsCreated: created.length };
    }, TX_OPTIONS),
});

/** Reporting units and duty-holding departments that have no report in the cycle yet. */
export async function missingReporters(tx: Pick<Prisma.TransactionClient, "report" | "unit" | "department">, cycleId: number, measureIds: number[]) {
  const existing = await tx.report.findMany({ where: { cycleId }, select: { unitId: true, departmentId: true } });
  const haveUnit = new Set(existing.flatMap((r) => (r.unitId === null ? [] : [r.unitId])));
  const haveDepartment = new Set(existing.flatMap((r) => (r.departmentId === null ? [] : [r.departmentId])));
  const units = await tx.unit.findMany({ where: { isReporting: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } });
  const departments = await dutyHolders(tx, measureIds);
  return { unitIds: units.map((u) => u.id).filter((id) => !haveUnit.has(id)), departments: departments.filter((d) => !haveDepartment.has(d.id)) };
}

export const extendDueDateSpec = defineAction({
  name: "cycle.extend-due-date",
  permission: "cycle:manage",
  input: z.object({
    reportId: reportIdField,
    newDueOn: z.iso.date({ error: "reportingErrors.dateInvalid" }),
    reason: reasonField,
  }),
  target: (input) => reportTarget(input.reportId),
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      await lockReport(tx, input.reportId);
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, cycleId: true, unitId: true, status: true, dueOn: true, cycle: { select: { status: true } } } });
      // More time only for a report still with its filer in an open cycle: extending after the
      // submission would turn a late submission into an on-time one.
      if (report.cycle.status !== "OPEN" || !outstanding(report.status)) throw new AppError("CONFLICT", "reportingErrors.extensionNotOutstanding");
      const newDueOn = dayToDate(input.newDueOn);
      if (newDueOn.getTime() <= report.dueOn.getTime()) throw new AppError("VALIDATION", "reportingErrors.fixErrors", { newDueOn: ["reportingErrors.extensionNotLater"] });
      const extension = await tx.dueDateExtension.create({
        data: { cycleId: report.cycleId, unitId: report.unitId, reportId: report.id, previousDueOn: report.dueOn, newDueOn, reason: input.reason, grantedById: actor.userId },
        select: { id: true },
      });
      // The version stays: an extension changes no figure, and must not make an open form stale.
      await tx.report.update({ where: { id: report.id }, data: { dueOn: newDueOn } });
      await recordTransition(tx, audit, {
        reportId: report.id,
        unitId: report.unitId,
        actorId: actor.userId,
        action: "EXTEND_DUE_DATE",
        from: report.status,
        to: report.status,
        reason: input.reason,
        changes: { dueOn: { before: isoDay(report.dueOn), after: input.newDueOn }, extensionId: extension.id },
      });
      return { dueOn: input.newDueOn };
    }, TX_OPTIONS),
});
