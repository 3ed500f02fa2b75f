import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionSpec } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { extendDueDateSpec, openCycleSpec } from "@/server/reporting/actions";
import { getCycle, listCycles } from "@/server/reporting/cycle-queries";
import { getReportForEdit, listMyReports } from "@/server/reporting/queries";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";
import { freshReport, measureId, reportingSnapshot, unitId } from "./reporting-factory";

let staff: Actor;
let tiedong: Actor;
let finance: Actor;
beforeAll(async () => {
  [staff, tiedong, finance] = await Promise.all([actorFor("bureau.staff"), actorFor("tiedong.admin"), actorFor("finance.officer")]);
});

const run = (spec: ActionSpec, actor: Actor | null, input: Record<string, unknown>) => executeAction(spec, actor, testContext(), input);

describe("opening a cycle", () => {
  it("creates every expected report with an item per measure in scope, once", async () => {
    const cycle = await db().reportingCycle.findUniqueOrThrow({ where: { code: "SY2019" }, select: { id: true, dueOn: true } });
    expect(await db().cycleMeasure.count({ where: { cycleId: cycle.id } })).toBe(0);

    const refusedBefore = await reportingSnapshot();
    expect(await run(openCycleSpec, tiedong, { cycleId: String(cycle.id) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await reportingSnapshot()).toBe(refusedBefore);

    // planned: the page offers to change its definition and open it, no reporters to add yet
    expect((await getCycle(staff, testContext(), cycle.id))!.may).toEqual({ setUp: true, addReporters: false });

    const since = await lastAuditId();
    const opened = await run(openCycleSpec, staff, { cycleId: String(cycle.id) });
    expect(opened).toMatchObject({ ok: true, data: { status: "OPEN" } });

    // scope: every measure whose text we hold, and every indicator of those measures
    const reportable = await db().measure.findMany({ where: { textStatus: { in: ["FROM_SOURCE", "ENTERED_BY_STAFF"] } }, select: { id: true } });
    const inScope = await db().cycleMeasure.findMany({ where: { cycleId: cycle.id }, select: { measureId: true } });
    expect(inScope.map((m) => m.measureId).sort()).toEqual(reportable.map((m) => m.id).sort());
    expect(await db().cycleIndicator.count({ where: { cycleId: cycle.id } })).toBe(await db().indicator.count({ where: { measureId: { in: reportable.map((m) => m.id) } } }));

    // one report per active reporting unit, each with every measure
    const units = await db().unit.findMany({ where: { isReporting: true, active: true }, select: { id: true } });
    const unitReports = await db().report.findMany({ where: { cycleId: cycle.id, unitId: { not: null } }, select: { unitId: true, status: true, dueOn: true, _count: { select: { items: true } } } });
    expect(unitReports.map((r) => r.unitId).sort()).toEqual(units.map((u) => u.id).sort());
    for (const r of unitReports) expect(r).toMatchObject({ status: "NOT_STARTED", dueOn: cycle.dueOn, _count: { items: reportable.length } });

    // one per department with duties in those measures, covering only the measures of its duties
    const departmentReports = await db().report.findMany({ where: { cycleId: cycle.id, departmentId: { not: null } }, select: { departmentId: true, items: { select: { measureId: true } } } });
    const withDuties = await db().department.findMany({ where: { active: true, duties: { some: { assignee: "DEPARTMENT", measureId: { in: reportable.map((m) => m.id) } } } }, select: { id: true } });
    expect(departmentReports.map((r) => r.departmentId).sort()).toEqual(withDuties.map((d) => d.id).sort());
    const financeId = finance.departmentId!;
    const financeReport = departmentReports.find((r) => r.departmentId === financeId)!;
    const financeDuties = await db().duty.findMany({ where: { departmentId: financeId, assignee: "DEPARTMENT" }, distinct: ["measureId"], select: { measureId: true } });
    expect(financeReport.items.map((i) => i.measureId).sort()).toEqual(financeDuties.map((d) => d.measureId).filter((m) => reportable.some((r) => r.id === m)).sort());

    // every report has its CREATE event and its audit row
    const total = unitReports.length + departmentReports.length;
    expect(await db().reviewEvent.count({ where: { report: { cycleId: cycle.id }, action: "CREATE" } })).toBe(total);
    const rows = await auditRowsSince(since);
    expect(rows.filter((r) => r.action === "cycle.open" && r.targetType === "Report")).toHaveLength(total);
    expect(rows.filter((r) => r.action === "cycle.open" && r.targetType === "ReportingCycle")).toHaveLength(1);

    // again (a second click, a stale page): refused, nothing new
    const again = await run(openCycleSpec, staff, { cycleId: String(cycle.id) });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.cycleAlreadyOpen" });
    expect(await db().report.count({ where: { cycleId: cycle.id } })).toBe(total);

    // the filer finds it, with per-township values for township indicators
    const mine = await listMyReports(tiedong, testContext());
    const summary = mine.current.find((r) => r.cycle.code === "SY2019")!;
    expect(summary).toMatchObject({ status: "NOT_STARTED", dueOn: "2020-09-15", late: true });
    expect(summary.daysLeft).toBeLessThan(0);
    const view = (await getReportForEdit(tiedong, testContext(), summary.id))!;
    expect(view.may.edit).toBe(true);
    expect(view.townships.length).toBeGreaterThan(0);
    const dormitory = view.measures.flatMap((m) => m.indicators).find((i) => i.code === "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY")!;
    expect(dormitory.values.map((v) => v.subjectUnitId)).toEqual(view.townships.map((t) => t.id));
    const ratio = view.measures.flatMap((m) => m.indicators).find((i) => i.code === "M20_ROTATION_RATIO")!;
    expect(ratio).toMatchObject({ valueType: "RATIO", values: [] });
    expect(await getReportForEdit(finance, testContext(), summary.id)).toBeNull();

    const cycles = await listCycles(staff, testContext());
    expect(cycles.find((c) => c.code === "SY2019")).toMatchObject({ status: "OPEN", reportCount: total, byStatus: [{ status: "NOT_STARTED", count: total }] });
    const detail = (await getCycle(staff, testContext(), cycle.id))!;
    expect(detail.reports).toHaveLength(total);
    // open: reporters may be added, and every report still with its filer may get more time
    expect(detail.may).toEqual({ setUp: false, addReporters: true });
    expect(detail.reports.every((r) => r.outstanding && r.may.extend)).toBe(true);
    expect(detail.measureCount).toBe(reportable.length);
  });

  it("refuses to reopen a closed cycle, and an unknown one is not found", async () => {
    const closed = await db().reportingCycle.update({ where: { code: "SY2017" }, data: { status: "CLOSED" }, select: { id: true } });
    const before = await reportingSnapshot();
    expect(await run(openCycleSpec, staff, { cycleId: String(closed.id) })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.cycleClosed" });
    expect(await run(openCycleSpec, staff, { cycleId: "987654" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await reportingSnapshot()).toBe(before);
  });
});

describe("extending a due date", () => {
  it("moves one report's due date with a reason, recorded in the timeline and the audit log", async () => {
    const report = await freshReport({ owner: { unitId: await unitId("210302") }, measures: [await measureId(16)], dueInDays: -2 });
    await db().reportingCycle.update({ where: { id: report.cycleId }, data: { status: "OPEN" } });
    const since = await lastAuditId();
    const newDueOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await run(extendDueDateSpec, staff, { reportId: String(report.id), newDueOn, reason: "汛期影响统计" })).toEqual({ ok: true, data: { dueOn: newDueOn } });
    const row = await db().report.findUniqueOrThrow({ where: { id: report.id }, select: { dueOn: true, version: true } });
    expect(row).toMatchObject({ version: 1 });
    expect(row.dueOn.toISOString().slice(0, 10)).toBe(newDueOn);
    expect(await db().dueDateExtension.findMany({ where: { reportId: report.id } })).toMatchObject([{ reason: "汛期影响统计", previousDueOn: report.cycle.dueOn, grantedById: staff.userId }]);
    expect(await db().reviewEvent.findMany({ where: { reportId: report.id, action: "EXTEND_DUE_DATE" } })).toMatchObject([{ reason: "汛期影响统计", fromStatus: "NOT_STARTED", toStatus: "NOT_STARTED" }]);
    expect((await auditRowsSince(since)).map((r) => r.action)).toEqual(["cycle.extend-due-date"]);

    const before = await reportingSnapshot();
    expect(await run(extendDueDateSpec, staff, { reportId: String(report.id), newDueOn: "2020-01-01", reason: "提前" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { newDueOn: ["reportingErrors.extensionNotLater"] } });
    expect(await run(extendDueDateSpec, staff, { reportId: String(report.id), newDueOn, reason: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["reportingErrors.reasonRequired"] } });
    expect(await run(extendDueDateSpec, tiedong, { reportId: String(report.id), newDueOn: "2099-01-01", reason: "自己延期" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await reportingSnapshot()).toBe(before);
  });

  it("refuses more time once the report is submitted or while its cycle is not open, changing nothing", async () => {
    const owner = { unitId: await unitId("210302") };
    const submitted = await freshReport({ owner, measures: [await measureId(16)], status: "SUBMITTED", dueInDays: -2 });
    await db().reportingCycle.update({ where: { id: submitted.cycleId }, data: { status: "OPEN" } });
    const planned = await freshReport({ owner, measures: [await measureId(16)] });
    const before = await reportingSnapshot();
    for (const report of [submitted, planned]) {
      expect(await run(extendDueDateSpec, staff, { reportId: String(report.id), newDueOn: "2099-01-01", reason: "补交材料" })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.extensionNotOutstanding" });
    }
    expect(await reportingSnapshot()).toBe(before);
  });
});
