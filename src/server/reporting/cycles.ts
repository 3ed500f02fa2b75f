import "server-only";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { dayToDate, isoDay } from "./dates";
import { reasonField } from "./input";
import { lockReport, recordTransition, reportIdField, reportTarget, safeId, TX_OPTIONS } from "./shared";

// Opening a cycle is the bureau's act: it fixes which measures and indicators are in scope and
// creates every report that is expected, each with an item per measure it covers. Running it
// again creates only what is missing (a unit added since, say), so it is safe to repeat.

const cycleIdField = z.coerce
  .number({ error: "reportingErrors.noSuchCycle" })
  .int("reportingErrors.noSuchCycle")
  .positive("reportingErrors.noSuchCycle")
  .max(2_147_483_647, "reportingErrors.noSuchCycle");

/** Text the policy actually states: slots whose text our copy lacks cannot be reported on. */
const REPORTABLE_TEXT = ["FROM_SOURCE", "ENTERED_BY_STAFF"] as const;

/** Checkboxes: absent when none is ticked, a string for one, an array for several. */
const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number({ error: "reportingErrors.malformed" }).int("reportingErrors.malformed").positive("reportingErrors.malformed").max(2_147_483_647, "reportingErrors.malformed")).max(500, "reportingErrors.malformed"),
);

export const openCycleSpec = defineAction({
  name: "cycle.open",
  permission: "cycle:manage",
  // The scope is chosen when the cycle is first opened: the measures whose progress is asked
  // for, and the reporting units that must report. Nothing chosen means everything.
  input: z.object({ cycleId: cycleIdField, measureIds: idList, unitIds: idList }),
  target: async (input) => {
    const id = safeId(input.cycleId);
    const cycle = id === null ? null : await db().reportingCycle.findUnique({ where: { id }, select: { id: true } });
    return cycle ? { type: "ReportingCycle", id: cycle.id } : null;
  },
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "ReportingCycle" WHERE id = ${input.cycleId} FOR UPDATE`;
      const cycle = await tx.reportingCycle.findUniqueOrThrow({
        where: { id: input.cycleId },
        select: { id: true, status: true, dueOn: true, measures: { select: { measureId: true } }, indicators: { select: { indicatorId: true } } },
      });
      if (cycle.status === "CLOSED") throw new AppError("CONFLICT", "reportingErrors.cycleClosed");

      // Seeded cycles name no measures: then every measure whose text we hold is in scope, with
      // all its indicators, and that choice is written down so later openings agree with it.
      let measureIds = cycle.measures.map((m) => m.measureId);
      if (!measureIds.length) {
        const measures = await tx.measure.findMany({ where: { textStatus: { in: [...REPORTABLE_TEXT] } }, select: { id: true } });
        const reportable = new Set(measures.map((m) => m.id));
        if (input.measureIds.some((id) => !reportable.has(id))) throw new AppError("VALIDATION", "errors.VALIDATION", { measureIds: ["reportingErrors.measureNotReportable"] });
        measureIds = input.measureIds.length ? [...new Set(input.measureIds)] : [...reportable];
        await tx.cycleMeasure.createMany({ data: measureIds.map((measureId) => ({ cycleId: cycle.id, measureId })), skipDuplicates: true });
        if (!cycle.indicators.length) {
          const indicators = await tx.indicator.findMany({ where: { measureId: { in: measureIds } }, select: { id: true } });
          await tx.cycleIndicator.createMany({ data: indicators.map((i) => ({ cycleId: cycle.id, indicatorId: i.id })), skipDuplicates: true });
        }
      }

      // One after the other: inside a transaction all queries share one connection.
      const reportingUnits = await tx.unit.findMany({ where: { isReporting: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } });
      const chosenUnits = new Set(input.unitIds);
      if (input.unitIds.some((id) => !reportingUnits.some((u) => u.id === id))) throw new AppError("VALIDATION", "errors.VALIDATION", { unitIds: ["reportingErrors.unitNotReporting"] });
      const units = chosenUnits.size ? reportingUnits.filter((u) => chosenUnits.has(u.id)) : reportingUnits;
      // a department reports only on the measures where it holds a duty
      const departments = await tx.department.findMany({
          where: { active: true, duties: { some: { assignee: "DEPARTMENT", measureId: { in: measureIds } } } },
          orderBy: { code: "asc" },
          select: { id: true, duties: { where: { assignee: "DEPARTMENT", measureId: { in: measureIds } }, select: { measureId: true } } },
      });
      const existing = await tx.report.findMany({ where: { cycleId: cycle.id }, select: { unitId: true, departmentId: true } });
      const measureOrder = await tx.measure.findMany({ where: { id: { in: measureIds } }, orderBy: { sortOrder: "asc" }, select: { id: true } });
      const ordered = measureOrder.map((m) => m.id);
      const haveUnit = new Set(existing.flatMap((r) => (r.unitId === null ? [] : [r.unitId])));
      const haveDepartment = new Set(existing.flatMap((r) => (r.departmentId === null ? [] : [r.departmentId])));
      const wanted = [
        ...units.filter((u) => !haveUnit.has(u.id)).map((u) => ({ unitId: u.id, departmentId: null, measures: ordered })),
        ...departments
          .filter((d) => !haveDepartment.has(d.id))
          .map((d) => {
            const own = new Set(d.duties.map((x) => x.measureId));
            return { unitId: null, departmentId: d.id, measures: ordered.filter((m) => own.has(m)) };
          }),
      ];

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
          actorId: actor.userId,
          action: "CREATE",
          from: null,
          to: "NOT_STARTED",
          changes: { cycleId: cycle.id, departmentId: w.departmentId, measures: w.measures.length },
        });
      }
      if (cycle.status !== "OPEN") await tx.reportingCycle.update({ where: { id: cycle.id }, data: { status: "OPEN" } });
      await audit(tx, {
        targetType: "ReportingCycle",
        targetId: cycle.id,
        changes: { status: { before: cycle.status, after: "OPEN" }, measuresInScope: measureIds.length, unitsChosen: input.unitIds.length ? input.unitIds : "all", reportsCreated: created.length, reportIds: created },
      });
      return { status: "OPEN" as const, reportsCreated: created.length };
    }, TX_OPTIONS),
});

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
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, cycleId: true, unitId: true, status: true, dueOn: true } });
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
