import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { createCycleSpec, openCycleSpec, updateCycleSpec } from "@/server/reporting/actions";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";
import { measureId } from "./reporting-factory";

const definition = { nameZh: "2021年上半年专项督查", nameEn: "Special check, first half of 2021", periodStart: "2021-01-01", periodEnd: "2021-06-30", opensOn: "2021-06-01", dueOn: "2021-07-15" };
const cycleRows = async () => JSON.stringify(await db().reportingCycle.findMany({ orderBy: { id: "asc" } }));

describe("the bureau defines a cycle", () => {
  it("creates a planned cycle with its name and dates, audited", async () => {
    const staff = await actorFor("bureau.staff");
    const since = await lastAuditId();
    const result = await executeAction(createCycleSpec, staff, testContext(), { code: " h2021a ", ...definition });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : 0;
    const cycle = await db().reportingCycle.findUniqueOrThrow({ where: { id } });
    expect(cycle).toMatchObject({ code: "H2021A", nameZh: definition.nameZh, nameEn: definition.nameEn, status: "PLANNED" });
    expect(cycle.dueOn.toISOString().slice(0, 10)).toBe("2021-07-15");
    const [row] = await auditRowsSince(since);
    expect(row).toMatchObject({ action: "cycle.create", outcome: "SUCCESS", targetType: "ReportingCycle", targetId: String(id) });
    expect(row!.changes).toMatchObject({ code: "H2021A", periodStart: "2021-01-01", dueOn: "2021-07-15" });
  });

  it("without an English name, shows the Chinese one on the English pages", async () => {
    const result = await executeAction(createCycleSpec, await actorFor("bureau.leader"), testContext(), { code: "H2021B", ...definition, nameEn: "" });
    const cycle = await db().reportingCycle.findUniqueOrThrow({ where: { id: result.ok ? result.data.id : 0 } });
    expect(cycle.nameEn).toBe(definition.nameZh);
  });

  it("refuses bad dates, a taken code and a blank name at their fields, and stores nothing", async () => {
    const staff = await actorFor("bureau.staff");
    const before = await cycleRows();
    const dates = await executeAction(createCycleSpec, staff, testContext(), { code: "BAD1", ...definition, periodEnd: "2020-12-31", opensOn: "2020-06-01", dueOn: "2020-06-01" });
    expect(dates.ok ? "ok" : dates.fieldErrors).toEqual({
      periodEnd: ["reportingErrors.periodEndBeforeStart"],
      opensOn: ["reportingErrors.opensBeforePeriod"],
      dueOn: ["reportingErrors.dueNotAfterOpen"],
    });
    const malformed = await executeAction(createCycleSpec, staff, testContext(), { code: "坏代码", ...definition, nameZh: " ", dueOn: "2021-02-30" });
    expect(malformed.ok ? "ok" : malformed.fieldErrors).toMatchObject({ code: ["reportingErrors.cycleCodeInvalid"], nameZh: ["reportingErrors.cycleNameRequired"], dueOn: ["reportingErrors.dateInvalid"] });
    if (!malformed.ok) expect(malformed.values).toMatchObject({ code: "坏代码" }); // the input comes back
    const blankAndEarly = await executeAction(createCycleSpec, staff, testContext(), { code: "BAD2", ...definition, periodStart: "", periodEnd: "2016-12-31" });
    expect(blankAndEarly.ok ? "ok" : blankAndEarly.fieldErrors).toEqual({ periodStart: ["reportingErrors.dateInvalid"], periodEnd: ["reportingErrors.dateOutOfRange"] });
    const taken = await executeAction(createCycleSpec, staff, testContext(), { code: "sy2019", ...definition });
    expect(taken.ok ? "ok" : taken.fieldErrors).toEqual({ code: ["reportingErrors.cycleCodeTaken"] });
    expect(await cycleRows()).toBe(before);
  });

  it("is refused to a district administrator, with nothing stored", async () => {
    const before = await cycleRows();
    expect(await executeAction(createCycleSpec, await actorFor("tiedong.admin"), testContext(), { code: "MINE", ...definition })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await cycleRows()).toBe(before);
  });

  it("changes a planned cycle's dates with a before/after audit row, and refuses once the cycle is open", async () => {
    const staff = await actorFor("bureau.staff");
    const created = await executeAction(createCycleSpec, staff, testContext(), { code: "H2021C", ...definition });
    const cycleId = String(created.ok ? created.data.id : 0);
    const since = await lastAuditId();
    expect(await executeAction(updateCycleSpec, staff, testContext(), { cycleId, ...definition, dueOn: "2021-07-31" })).toEqual({ ok: true, data: { changed: true } });
    const [row] = await auditRowsSince(since);
    expect(row).toMatchObject({ action: "cycle.update", changes: { dueOn: { before: "2021-07-15", after: "2021-07-31" } } });
    expect(Object.keys(row!.changes as object)).toEqual(["dueOn"]);
    expect(await executeAction(updateCycleSpec, staff, testContext(), { cycleId, ...definition, dueOn: "2021-07-31" })).toEqual({ ok: true, data: { changed: false } });

    expect((await executeAction(openCycleSpec, staff, testContext(), { cycleId, measureIds: String(await measureId(20)) })).ok).toBe(true);
    const before = await cycleRows();
    expect(await executeAction(updateCycleSpec, staff, testContext(), { cycleId, ...definition, dueOn: "2021-08-31" })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.cycleNotPlanned" });
    expect(await cycleRows()).toBe(before);
  });
});
