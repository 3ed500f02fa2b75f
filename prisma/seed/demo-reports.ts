// `seed --demo`: clearly labelled demonstration reports for past cycles, so dashboards and
// public pages have something to show. Every report is flagged isDemo and every narrative
// starts with 【演示数据】; the plain seed never creates any.
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { ProgressStatus, ReportStatus } from "../../src/generated/prisma/enums";

/** Deterministic pseudo-random numbers (mulberry32): the same demo data on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS_PLAN: Record<string, ReportStatus[]> = {
  SY2017: ["PUBLISHED"],
  SY2018: ["PUBLISHED"],
  SY2019: ["PUBLISHED", "PUBLISHED", "APPROVED"],
  Y2020: ["APPROVED", "SUBMITTED", "RETURNED", "DRAFT", "NOT_STARTED"],
};

export async function seedDemoReports(prisma: PrismaClient) {
  if (await prisma.report.count({ where: { isDemo: true } })) return 0; // once only
  const [cycles, units, measures, indicators, targets, staff] = await Promise.all([
    prisma.reportingCycle.findMany({ orderBy: { periodStart: "asc" } }),
    prisma.unit.findMany({ where: { isReporting: true }, orderBy: { sortOrder: "asc" }, include: { children: { select: { id: true } } } }),
    prisma.measure.findMany({ where: { textStatus: "FROM_SOURCE" }, orderBy: { sortOrder: "asc" }, select: { id: true } }),
    prisma.indicator.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.target.findMany({ select: { indicatorId: true, kind: true, threshold: true } }),
    prisma.user.findFirst({ where: { role: "BUREAU_STAFF" }, select: { id: true } }),
  ]);
  const ratios = indicators.filter((i) => i.valueType === "RATIO" && i.numeratorId && i.denominatorId);
  const thresholdOf = (indicatorId: number) => targets.find((t) => t.indicatorId === indicatorId);

  let created = 0;
  for (const [cycleIndex, cycle] of cycles.entries()) {
    const plan = STATUS_PLAN[cycle.code] ?? ["DRAFT"];
    await prisma.reportingCycle.update({
      where: { id: cycle.id },
      data: {
        status: cycle.code === "Y2020" ? "OPEN" : "CLOSED",
        measures: { createMany: { data: measures.map((m) => ({ measureId: m.id })), skipDuplicates: true } },
        indicators: { createMany: { data: indicators.map((i) => ({ indicatorId: i.id })), skipDuplicates: true } },
      },
    });
    for (const [unitIndex, unit] of units.entries()) {
      const status = plan[unitIndex % plan.length] ?? "DRAFT";
      const rand = random(cycleIndex * 1000 + unit.id);
      const values = new Map<number, number>();
      for (const ratio of ratios) {
        const target = thresholdOf(ratio.id);
        const threshold = Number(target?.threshold ?? 1);
        const capped = target?.kind !== "COMPARISON";
        let r = threshold * (0.85 + rand() * 0.45);
        if (capped) r = Math.min(1, r);
        const n = values.get(ratio.numeratorId!);
        const d = values.get(ratio.denominatorId!);
        const denominatorIndicator = indicators.find((i) => i.id === ratio.denominatorId);
        const base = denominatorIndicator?.valueType === "AMOUNT" ? 55000 + rand() * 20000 : 200 + Math.floor(rand() * 1800);
        if (d === undefined && n === undefined) {
          values.set(ratio.denominatorId!, Math.round(base));
          values.set(ratio.numeratorId!, Math.round(base * r));
        } else if (d !== undefined && n === undefined) {
          values.set(ratio.numeratorId!, Math.round(d * r));
        } else if (n !== undefined && d === undefined) {
          values.set(ratio.denominatorId!, Math.max(n, Math.round(n / r)));
        }
      }
      const hasData = status !== "NOT_STARTED";
      const progressFor = (i: number): ProgressStatus => (i % 4 === 0 ? "ACHIEVED" : cycleIndex >= 2 && i % 3 === 0 ? "ACHIEVED" : "UNDER_WAY");
      const submitted = ["SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED"].includes(status);
      const reviewed = ["APPROVED", "PUBLISHED"].includes(status);
      const at = (days: number) => new Date(cycle.dueOn.getTime() + days * 86400000);
      const report = await prisma.report.create({
        data: {
          cycleId: cycle.id,
          unitId: unit.id,
          status,
          dueOn: cycle.dueOn,
          isDemo: true,
          submittedAt: submitted ? at(-3) : null,
          approvedAt: reviewed ? at(10) : null,
          publishedAt: status === "PUBLISHED" ? at(20) : null,
          items: hasData
            ? {
                create: measures.map((m, i) => ({
                  measureId: m.id,
                  progress: progressFor(i + unit.id),
                  narrative: `【演示数据】${unit.nameZh}${cycle.nameZh}落实情况示例文字,仅用于演示,不是真实报告。`,
                  reviewStatus: reviewed ? "APPROVED" : status === "RETURNED" && i === 0 ? "RETURNED" : "PENDING",
                  returnReason: status === "RETURNED" && i === 0 ? "【演示】请补充交流轮岗教师名单作为佐证材料。" : null,
                })),
              }
            : undefined,
          events: {
            create: [
              { action: "CREATE", toStatus: "NOT_STARTED", at: cycle.opensOn, reason: "演示数据" },
              ...(submitted ? [{ action: "SUBMIT" as const, fromStatus: "DRAFT" as const, toStatus: "SUBMITTED" as const, at: at(-3) }] : []),
              ...(status === "RETURNED" ? [{ action: "RETURN" as const, fromStatus: "SUBMITTED" as const, toStatus: "RETURNED" as const, at: at(2), actorId: staff?.id ?? null, reason: "【演示】佐证材料不全" }] : []),
              ...(reviewed ? [{ action: "APPROVE" as const, fromStatus: "SUBMITTED" as const, toStatus: "APPROVED" as const, at: at(10), actorId: staff?.id ?? null }] : []),
              ...(status === "PUBLISHED" ? [{ action: "PUBLISH" as const, fromStatus: "APPROVED" as const, toStatus: "PUBLISHED" as const, at: at(20) }] : []),
            ],
          },
        },
        select: { id: true },
      });
      if (!hasData) continue;
      const rows = [] as { reportId: number; indicatorId: number; subjectUnitId: number; numericValue?: number; booleanValue?: boolean }[];
      for (const indicator of indicators) {
        if (indicator.valueType === "RATIO") continue; // computed, never stored as typed input
        if (indicator.scope === "TOWNSHIP") {
          for (const township of unit.children) {
            const r = random(township.id * 7 + cycleIndex)();
            rows.push({ reportId: report.id, indicatorId: indicator.id, subjectUnitId: township.id, booleanValue: r < 0.35 + cycleIndex * 0.2 });
          }
        } else if (indicator.valueType === "BOOLEAN") {
          rows.push({ reportId: report.id, indicatorId: indicator.id, subjectUnitId: unit.id, booleanValue: rand() < 0.7 });
        } else {
          // indicators outside any ratio are trend series: they grow a little each cycle
          const value = values.get(indicator.id) ?? Math.round(5 + unit.id % 7 + cycleIndex * (1 + rand() * 3));
          rows.push({ reportId: report.id, indicatorId: indicator.id, subjectUnitId: unit.id, numericValue: value });
        }
      }
      await prisma.indicatorValue.createMany({ data: rows });
      created++;
    }
  }
  return created;
}
