import { describe, expect, it } from "vitest";
import { seedDemoReports } from "../../prisma/seed/demo-reports";
import { db } from "@/server/db/client";

describe("seed --demo", () => {
  it("adds labelled demo reports for every reporting unit and cycle, once", async () => {
    const created = await seedDemoReports(db());
    const reports = await db().report.findMany({ select: { isDemo: true, status: true, cycle: { select: { code: true } } } });
    expect(reports.length).toBe(4 * 9);
    expect(reports.every((r) => r.isDemo)).toBe(true);
    expect(created).toBeGreaterThan(0);
    expect(reports.filter((r) => r.cycle.code === "SY2017").every((r) => r.status === "PUBLISHED")).toBe(true);
    const narratives = await db().reportItem.findMany({ select: { narrative: true } });
    expect(narratives.every((i) => i.narrative?.startsWith("【演示数据】"))).toBe(true);
    // once only
    expect(await seedDemoReports(db())).toBe(0);
    expect(await db().report.count()).toBe(reports.length);
  });

  it("keeps demo figures coherent: numerators never exceed what they are a share of, except pay comparisons", async () => {
    const ratios = await db().indicator.findMany({
      where: { valueType: "RATIO" },
      select: { code: true, numeratorId: true, denominatorId: true, targets: { select: { kind: true } } },
    });
    const values = await db().indicatorValue.findMany({ select: { reportId: true, indicatorId: true, numericValue: true } });
    const byKey = new Map(values.map((v) => [`${v.reportId}:${v.indicatorId}`, Number(v.numericValue)]));
    const reportIds = [...new Set(values.map((v) => v.reportId))];
    let checked = 0;
    for (const ratio of ratios) {
      if (ratio.targets.some((t) => t.kind === "COMPARISON")) continue;
      for (const reportId of reportIds) {
        const n = byKey.get(`${reportId}:${ratio.numeratorId}`);
        const d = byKey.get(`${reportId}:${ratio.denominatorId}`);
        if (n === undefined || d === undefined) continue;
        expect(n, `${ratio.code} in report ${reportId}`).toBeLessThanOrEqual(d);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
