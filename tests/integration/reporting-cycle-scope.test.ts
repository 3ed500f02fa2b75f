import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { openCycleSpec } from "@/server/reporting/actions";
import { getCycleScopeOptions } from "@/server/reporting/scope-options";
import { actorFor, testContext } from "../support/actors";
import { measureId, unitId } from "./reporting-factory";

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
});
