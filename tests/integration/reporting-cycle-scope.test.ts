import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { addReportersSpec, openCycleSpec } from "@/server/reporting/actions";
import { getCycleScope } from "@/server/reporting/cycle-scope-view";
import { getReportForEdit } from "@/server/reporting/queries";
import { getCycleScopeOptions } from "@/server/reporting/scope-options";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";
import { indicatorId, measureId, reportingSnapshot, unitId } from "./reporting-factory";

async function plannedCycle(code: string) {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return db().reportingCycle.create({
    data: { code, nameZh: `范围测试${code}`, nameEn: `Scope ${code}`, periodStart: day("2021-09-01"), periodEnd: day("2022-08-31"), opensOn: day("2022-07-01"), dueOn: day("2022-09-15") },
  });
}

describe("choosing a cycle's scope when opening it", () => {
  it("asks only the chosen units about only the chosen measures", async () => {
    const staff = await actorFor("bureau.staff");
    const cycle = await plannedCycle("SCOPE1");
    const [m19, m20, haicheng, tiedong] = await Promise.all([measureId(19), measureId(20), unitId("210381"), unitId("210302")]);
    const result = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), measureIds: [String(m19), String(m20)], unitIds: [String(haicheng), String(tiedong)] });
    expect(result.ok).toBe(true);
    const reports = await db().report.findMany({ where: { cycleId: cycle.id, unitId: { not: null } }, select: { unitId: true, items: { select: { measureId: true } } } });
    expect(reports.map((r) => r.unitId).sort()).toEqual([haicheng, tiedong].sort());
    for (const r of reports) expect(r.items.map((i) => i.measureId).sort()).toEqual([m19, m20].sort());
    expect((await db().cycleMeasure.findMany({ where: { cycleId: cycle.id } })).map((c) => c.measureId).sort()).toEqual([m19, m20].sort());
    // departments report only where they hold duties among the chosen measures
    const departmentItems = await db().reportItem.findMany({ where: { report: { cycleId: cycle.id, departmentId: { not: null } } }, select: { measureId: true } });
    expect(departmentItems.every((i) => [m19, m20].includes(i.measureId))).toBe(true);
  });

  it("refuses a measure without text, or a unit that does not report, and opens nothing", async () => {
    const staff = await actorFor("bureau.staff");
    const cycle = await plannedCycle("SCOPE2");
    const m3 = await measureId(3); // a slot whose text our copy lacks
    const bad = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), measureIds: String(m3) });
    expect(bad.ok ? "ok" : bad.fieldErrors).toEqual({ measureIds: ["reportingErrors.measureNotReportable"] });
    const township = await db().unit.findFirstOrThrow({ where: { kind: "TOWNSHIP" }, select: { id: true } });
    const badUnit = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), unitIds: String(township.id) });
    expect(badUnit.ok ? "ok" : badUnit.fieldErrors).toEqual({ unitIds: ["reportingErrors.unitNotReporting"] });
    expect(await db().report.count({ where: { cycleId: cycle.id } })).toBe(0);
    expect((await db().reportingCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("PLANNED");
  });

  it("offers the reportable measures and units to the bureau only", async () => {
    const options = await getCycleScopeOptions(await actorFor("bureau.staff"), testContext());
    expect(options.measures).toHaveLength(12); // 15–22 and the four safeguards
    expect(options.units).toHaveLength(9);
    await expect(getCycleScopeOptions(await actorFor("tiedong.admin"), testContext())).rejects.toThrow();
  });

  it("asks only for the ticked indicators, bringing along what a chosen ratio is computed from", async () => {
    const staff = await actorFor("bureau.staff");
    const cycle = await plannedCycle("SCOPE3");
    const [m19, m20, tiedong] = await Promise.all([measureId(19), measureId(20), unitId("210302")]);
    const [ratio, rotated, eligible, backbone] = await Promise.all(["M20_ROTATION_RATIO", "M20_ROTATED_TEACHERS", "M20_ELIGIBLE_TEACHERS", "M20_ROTATED_BACKBONE_TEACHERS"].map(indicatorId));
    const since = await lastAuditId();
    const result = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), measureIds: [String(m19), String(m20)], indicatorIds: String(ratio), unitIds: String(tiedong) });
    expect(result).toMatchObject({ ok: true, data: { reportsCreated: expect.any(Number), addedForRatios: 2 } });

    // measure 20: the ratio and its two parts, not the backbone figures; measure 19: all of its own
    const stored = (await db().cycleIndicator.findMany({ where: { cycleId: cycle.id }, select: { indicatorId: true } })).map((c) => c.indicatorId);
    const m19Indicators = (await db().indicator.findMany({ where: { measureId: m19 }, select: { id: true } })).map((i) => i.id);
    expect(stored.sort()).toEqual([...m19Indicators, ratio!, rotated!, eligible!].sort());
    expect(stored).not.toContain(backbone);

    // the district's form shows exactly those figures
    const report = await db().report.findFirstOrThrow({ where: { cycleId: cycle.id, unitId: tiedong }, select: { id: true } });
    const view = (await getReportForEdit(await actorFor("tiedong.admin"), testContext(), report.id))!;
    const m20Codes = view.measures.find((m) => m.measureId === m20)!.indicators.map((i) => i.code).sort();
    expect(m20Codes).toEqual(["M20_ELIGIBLE_TEACHERS", "M20_ROTATED_TEACHERS", "M20_ROTATION_RATIO"]);

    // the cycle's page lists the scope; the audit row records the choice
    const scope = (await getCycleScope(staff, testContext(), cycle.id))!;
    expect(scope.measures.find((m) => m.id === m20)!.indicators.map((i) => i.id).sort()).toEqual([ratio, rotated, eligible].sort());
    const cycleRow = (await auditRowsSince(since)).find((r) => r.targetType === "ReportingCycle")!;
    expect(cycleRow.changes).toMatchObject({ indicatorIds: [...stored].sort((a, b) => a - b), addedForRatios: [rotated, eligible].sort((a, b) => a! - b!) });
  });

  it("refuses an indicator of a measure that is not chosen, and opens nothing", async () => {
    const staff = await actorFor("bureau.staff");
    const cycle = await plannedCycle("SCOPE4");
    const before = await reportingSnapshot();
    const result = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), measureIds: String(await measureId(19)), indicatorIds: String(await indicatorId("M20_ROTATION_RATIO")) });
    expect(result.ok ? "ok" : result.fieldErrors).toEqual({ indicatorIds: ["reportingErrors.indicatorOutsideScope"] });
    expect(await reportingSnapshot()).toBe(before);
    expect(await db().cycleIndicator.count({ where: { cycleId: cycle.id } })).toBe(0);
  });

  it("asks only the chosen departments, and refuses one without a duty in the chosen measures", async () => {
    const staff = await actorFor("bureau.staff");
    // a measure where several departments hold duties, so that choosing one leaves others out
    const duties = await db().duty.findMany({ where: { assignee: "DEPARTMENT", departmentId: { not: null }, measure: { textStatus: { in: ["FROM_SOURCE", "ENTERED_BY_STAFF"] } } }, select: { measureId: true, departmentId: true } });
    const holders = new Map<number, Set<number>>();
    for (const d of duties) holders.set(d.measureId, (holders.get(d.measureId) ?? new Set()).add(d.departmentId!));
    const [shared, holding] = [...holders].find(([, set]) => set.size > 1)!;
    const chosen = { id: [...holding][0]! };
    const cycle = await plannedCycle("SCOPE5");
    const result = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), measureIds: String(shared), departmentIds: String(chosen.id), unitIds: String(await unitId("210302")) });
    expect(result.ok).toBe(true);
    const departments = await db().report.findMany({ where: { cycleId: cycle.id, departmentId: { not: null } }, select: { departmentId: true } });
    expect(departments.map((d) => d.departmentId)).toEqual([chosen.id]);

    const noDuty = await db().department.findFirstOrThrow({ where: { active: true, duties: { none: { assignee: "DEPARTMENT", measureId: shared } } }, select: { id: true } });
    const other = await plannedCycle("SCOPE6");
    const refused = await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(other.id), measureIds: String(shared), departmentIds: String(noDuty.id) });
    expect(refused.ok ? "ok" : refused.fieldErrors).toEqual({ departmentIds: ["reportingErrors.departmentWithoutDuty"] });
    expect(await db().report.count({ where: { cycleId: other.id } })).toBe(0);
  });

  it("opens once: a second opening is refused, and units left out are added only when named", async () => {
    const staff = await actorFor("bureau.staff");
    const cycle = await plannedCycle("SCOPE7");
    const [m20, tiedong, haicheng] = await Promise.all([measureId(20), unitId("210302"), unitId("210381")]);
    expect((await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id), measureIds: String(m20), unitIds: String(tiedong) })).ok).toBe(true);
    const before = await reportingSnapshot();
    expect(await executeAction(openCycleSpec, staff, testContext(), { cycleId: String(cycle.id) })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.cycleAlreadyOpen" });
    expect(await executeAction(addReportersSpec, staff, testContext(), { cycleId: String(cycle.id) })).toMatchObject({ ok: false, fieldErrors: { unitIds: ["reportingErrors.chooseReporters"] } });
    expect(await executeAction(addReportersSpec, staff, testContext(), { cycleId: String(cycle.id), unitIds: String(tiedong) })).toMatchObject({ ok: false, fieldErrors: { unitIds: ["reportingErrors.unitCannotBeAdded"] } });
    expect(await executeAction(addReportersSpec, await actorFor("tiedong.admin"), testContext(), { cycleId: String(cycle.id), unitIds: String(haicheng) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await reportingSnapshot()).toBe(before);

    const scope = (await getCycleScope(staff, testContext(), cycle.id))!;
    expect(scope.addableUnits.map((u) => u.id)).toContain(haicheng);
    expect(scope.addableUnits.map((u) => u.id)).not.toContain(tiedong);
    const since = await lastAuditId();
    expect(await executeAction(addReportersSpec, staff, testContext(), { cycleId: String(cycle.id), unitIds: String(haicheng) })).toEqual({ ok: true, data: { reportsCreated: 1 } });
    const added = await db().report.findFirstOrThrow({ where: { cycleId: cycle.id, unitId: haicheng }, select: { status: true, items: { select: { measureId: true } } } });
    expect(added).toEqual({ status: "NOT_STARTED", items: [{ measureId: m20 }] });
    expect((await auditRowsSince(since)).map((r) => r.action)).toEqual(["cycle.add-reporters", "cycle.add-reporters"]);
  });
});

