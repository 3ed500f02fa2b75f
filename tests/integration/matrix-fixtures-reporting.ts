// Matrix fixtures for the reporting actions (see matrix-fixtures.ts for the rules). Every call
// gets a fresh report in its own cycle, in the status the action needs. "own" is a report of the
// actor's unit or department; "other" one of another unit or department. Reviewer actions hold
// "any" scope, so any report in the right status is theirs.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import type { Fixture, Variant } from "./matrix-fixtures";
import { buildReportWorkbook } from "@/server/reporting-excel/workbook";
import { departmentId, freshCycle, freshReport, measureId, unitId, type ReportSetup } from "./reporting-factory";

export async function ownerFor(actor: Actor, variant: Variant): Promise<ReportSetup["owner"]> {
  if (actor.departmentId !== null) {
    return { departmentId: variant === "own" ? actor.departmentId : await departmentId(actor.departmentId === (await departmentId("STAFFING")) ? "FINANCE" : "STAFFING") };
  }
  if (actor.unitId !== null) {
    const tiexi = await unitId("210303");
    return { unitId: variant === "own" ? actor.unitId : actor.unitId === tiexi ? await unitId("210302") : tiexi };
  }
  // roles without a unit or department: the report's owner does not matter to them
  return { unitId: await unitId("210302") };
}

// Measure 16 has no indicators: a report on it alone can be submitted with its progress set.
const m16 = () => measureId(16);
const both: Variant[] = ["own", "other"];
const own: Variant[] = ["own"];

const cycleDefinition = { nameZh: "矩阵测试周期", nameEn: "Matrix cycle", periodStart: "2031-01-01", periodEnd: "2031-06-30", opensOn: "2031-06-01", dueOn: "2031-07-15" };

export const REPORTING_FIXTURES: Record<string, Fixture> = {
  "cycle.create": { variants: own, input: async () => ({ code: `MX-${randomUUID().slice(0, 8)}`, ...cycleDefinition }) },
  "cycle.update": { variants: own, input: async () => ({ cycleId: String((await freshCycle()).id), ...cycleDefinition }) },
  "cycle.add-reporters": {
    variants: own,
    input: async () => {
      const cycle = await freshCycle([await m16()]);
      await db().reportingCycle.update({ where: { id: cycle.id }, data: { status: "OPEN" } });
      return { cycleId: String(cycle.id), unitIds: String(await unitId("210302")) };
    },
  },
  "cycle.open": { variants: own, input: async () => ({ cycleId: String((await freshCycle([await m16()])).id) }) },
  "cycle.extend-due-date": {
    variants: own,
    input: async (actor) => {
      const report = await freshReport({ owner: await ownerFor(actor, "own"), measures: [await m16()] });
      await db().reportingCycle.update({ where: { id: report.cycleId }, data: { status: "OPEN" } });
      return { reportId: String(report.id), newDueOn: "2099-12-31", reason: "矩阵测试延期" };
    },
  },
  "report.save-draft": {
    variants: both,
    input: async (actor, variant) => {
      const measure = await m16();
      const report = await freshReport({ owner: await ownerFor(actor, variant), measures: [measure] });
      return { reportId: String(report.id), version: "1", items: JSON.stringify([{ measureId: measure, progress: "UNDER_WAY", narrative: "矩阵测试" }]), values: "[]" };
    },
  },
  "report.submit": {
    variants: both,
    input: async (actor, variant) => {
      const report = await freshReport({ owner: await ownerFor(actor, variant), measures: [await m16()], progress: "UNDER_WAY", status: "DRAFT" });
      return { reportId: String(report.id), version: "1", idempotencyKey: randomUUID() };
    },
  },
  "report.review": {
    variants: own,
    input: async (actor) => {
      const measure = await m16();
      const report = await freshReport({ owner: await ownerFor(actor, "own"), measures: [measure], progress: "UNDER_WAY", status: "SUBMITTED" });
      return { reportId: String(report.id), decisions: JSON.stringify([{ measureId: measure, decision: "APPROVE" }]) };
    },
  },
  "report.reopen": {
    variants: own,
    input: async (actor) => {
      const report = await freshReport({ owner: await ownerFor(actor, "own"), measures: [await m16()], status: "APPROVED" });
      return { reportId: String(report.id), reason: "矩阵测试重新打开" };
    },
  },
  "report.publish": {
    variants: own,
    input: async (actor) => {
      const report = await freshReport({ owner: await ownerFor(actor, "own"), measures: [await m16()], status: "APPROVED" });
      return { reportId: String(report.id) };
    },
  },
  "report.export-xlsx": {
    variants: both,
    input: async (actor, variant) => ({ reportId: String((await freshReport({ owner: await ownerFor(actor, variant), measures: [await m16()] })).id) }),
  },
  "report.import-xlsx": {
    variants: both,
    input: async (actor, variant) => {
      const measure = await m16();
      const report = await freshReport({ owner: await ownerFor(actor, variant), measures: [measure], status: "DRAFT" });
      const workbook = await buildReportWorkbook({
        title: "矩阵测试",
        reportId: report.id,
        version: report.version,
        measures: [{ measureId: measure, code: "M16", label: "第16条", title: null }],
        indicators: [],
        items: new Map([[measure, { progress: "UNDER_WAY", notApplicableReason: null, narrative: "矩阵测试(Excel)" }]]),
        values: new Map(),
      });
      return { reportId: String(report.id), file: new File([new Uint8Array(workbook)], "report.xlsx"), confirm: "1" };
    },
  },
};
