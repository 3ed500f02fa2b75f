// Test data for the reporting tests and the authorization matrix: small cycles and reports made
// directly in the database, so each test gets a report in exactly the state it needs. Opening a
// real cycle (every unit, every measure) is tested on its own in reporting-cycles.test.ts.
import type { ProgressStatus, ReportStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { chinaDay, dayToDate } from "@/server/reporting/dates";

let counter = 0;
const next = () => `${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export const unitId = async (code: string) => (await db().unit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
export const departmentId = async (code: string) => (await db().department.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
export const measureId = async (number: number, kind: "MEASURE" | "SAFEGUARD" = "MEASURE") =>
  (await db().measure.findFirstOrThrow({ where: { kind, number }, select: { id: true } })).id;
export const indicatorId = async (code: string) => (await db().indicator.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

/** A planned cycle of its own, due `dueInDays` from today, with these measures (and their indicators) in scope. */
export async function freshCycle(measureIds: number[] = [], dueInDays = 30) {
  const code = `T-${next()}`;
  // counted from today in China, as the server counts (UTC's today is yesterday there after 16:00 UTC)
  const dueOn = new Date(dayToDate(chinaDay(new Date())).getTime() + dueInDays * 86_400_000);
  const indicators = measureIds.length ? await db().indicator.findMany({ where: { measureId: { in: measureIds } }, select: { id: true } }) : [];
  return db().reportingCycle.create({
    data: {
      code,
      nameZh: `测试周期${code}`,
      nameEn: `Test cycle ${code}`,
      periodStart: new Date("2030-01-01T00:00:00Z"),
      periodEnd: new Date("2030-12-31T00:00:00Z"),
      opensOn: new Date("2030-01-01T00:00:00Z"),
      dueOn,
      measures: { createMany: { data: measureIds.map((measureId) => ({ measureId })) } },
      indicators: { createMany: { data: indicators.map((i) => ({ indicatorId: i.id })) } },
    },
    select: { id: true, dueOn: true, code: true },
  });
}

export type ReportSetup = {
  owner: { unitId: number } | { departmentId: number };
  measures: number[];
  status?: ReportStatus;
  progress?: ProgressStatus;
  dueInDays?: number;
  submittedAt?: Date | null;
};

/** A report in its own cycle, in the given status, with one item per measure. */
export async function freshReport(setup: ReportSetup) {
  const cycle = await freshCycle(setup.measures, setup.dueInDays);
  const status = setup.status ?? "NOT_STARTED";
  const report = await db().report.create({
    data: {
      cycleId: cycle.id,
      ...setup.owner,
      status,
      dueOn: cycle.dueOn,
      submittedAt: setup.submittedAt ?? (["SUBMITTED", "APPROVED", "PUBLISHED"].includes(status) ? new Date() : null),
      items: { createMany: { data: setup.measures.map((measureId) => ({ measureId, progress: setup.progress ?? "NOT_STARTED" })) } },
      events: { create: { action: "CREATE", toStatus: "NOT_STARTED" } },
    },
    select: { id: true, version: true, cycleId: true },
  });
  return { ...report, cycle };
}

/** Everything a reporting action can write, apart from the audit log (which grows by design). */
export async function reportingSnapshot() {
  const [cycles, reports, items, values, submissions, events, extensions, cycleMeasures] = await Promise.all([
    db().reportingCycle.findMany({ orderBy: { id: "asc" } }),
    db().report.findMany({ orderBy: { id: "asc" } }),
    db().reportItem.findMany({ orderBy: { id: "asc" } }),
    db().indicatorValue.findMany({ orderBy: { id: "asc" } }),
    db().reportSubmission.findMany({ orderBy: { id: "asc" } }),
    db().reviewEvent.findMany({ orderBy: { id: "asc" } }),
    db().dueDateExtension.findMany({ orderBy: { id: "asc" } }),
    db().cycleMeasure.findMany({ orderBy: [{ cycleId: "asc" }, { measureId: "asc" }] }),
  ]);
  return JSON.stringify({ cycles, reports, items, values, submissions, events, extensions, cycleMeasures });
}
