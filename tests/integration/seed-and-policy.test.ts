import { describe, expect, it } from "vitest";
import { seedAll } from "../../prisma/seed/index";
import { applyMigrations } from "../../src/cli/migrations";
import { db } from "@/server/db/client";
import { getDepartment, getMeasure, getOpinionOverview, getUnit, listUnits } from "@/server/policy/queries";

async function counts() {
  const prisma = db();
  const [documents, sections, measures, departments, duties, indicators, targets, units, cycles, users] = await Promise.all([
    prisma.policyDocument.count(),
    prisma.section.count(),
    prisma.measure.count(),
    prisma.department.count(),
    prisma.duty.count(),
    prisma.indicator.count(),
    prisma.target.count(),
    prisma.unit.count(),
    prisma.reportingCycle.count(),
    prisma.user.count(),
  ]);
  return { documents, sections, measures, departments, duties, indicators, targets, units, cycles, users };
}

describe("migrated and seeded database", () => {
  it("has every migration applied: a second run applies nothing", async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("holds the opinion: 22 numbered measures (1–14 as empty slots) and 4 safeguards", async () => {
    const measures = await db().measure.findMany({ orderBy: { sortOrder: "asc" }, select: { kind: true, number: true, textStatus: true, text: true } });
    const numbered = measures.filter((m) => m.kind === "MEASURE");
    expect(numbered.map((m) => m.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    for (const m of numbered) {
      if (m.number <= 14) {
        expect(m.textStatus).toBe("NOT_ENTERED");
        expect(m.text).toBeNull();
      } else expect(m.textStatus).toBe("FROM_SOURCE");
    }
    expect(measures.filter((m) => m.kind === "SAFEGUARD").map((m) => m.number)).toEqual([1, 2, 3, 4]);
  });

  it("keeps Anshan's 7 county-level units, 2 development zones and 96 townships", async () => {
    const units = await db().unit.groupBy({ by: ["kind"], _count: true });
    const byKind = Object.fromEntries(units.map((u) => [u.kind, u._count]));
    expect(byKind).toMatchObject({ CITY: 1, DISTRICT: 4, COUNTY: 1, AUTONOMOUS_COUNTY: 1, COUNTY_LEVEL_CITY: 1, DEVELOPMENT_ZONE: 2, TOWNSHIP: 96 });
    expect(await db().unit.count({ where: { isReporting: true } })).toBe(9);
    const haicheng = await getUnit("210381");
    expect(haicheng?.children).toHaveLength(26);
    expect(haicheng?.children.every((c) => c.statCode?.startsWith("210381"))).toBe(true);
  });

  it("seeding twice duplicates nothing and keeps staff edits", async () => {
    const before = await counts();
    // a staff member has entered measure 14 meanwhile: the seed must not overwrite it
    await db().measure.updateMany({ where: { kind: "MEASURE", number: 14 }, data: { text: "(staff-entered text)", textStatus: "ENTERED_BY_STAFF" } });
    await seedAll(db());
    expect(await counts()).toEqual(before);
    const m14 = await db().measure.findFirstOrThrow({ where: { kind: "MEASURE", number: 14 } });
    expect(m14.text).toBe("(staff-entered text)");
  });
});

describe("policy queries", () => {
  it("measure 20 comes with its duties and the 10 % / 20 % targets, quoted at their offsets", async () => {
    const m = await getMeasure("20");
    expect(m?.titleZh).toBe("完善教师交流制度");
    expect(m?.duties.length).toBeGreaterThan(0);
    const thresholds = m!.targets.map((t) => [t.kind, t.comparator, t.threshold?.toString()]);
    expect(thresholds).toContainEqual(["RATIO_THRESHOLD", "GTE", "0.1"]);
    expect(thresholds).toContainEqual(["RATIO_THRESHOLD", "GTE", "0.2"]);
    const document = await db().policyDocument.findFirstOrThrow();
    for (const item of [...m!.targets, ...m!.duties]) {
      expect(document.sourceText.slice(item.sourceStart, item.sourceEnd)).toBe(item.sourceQuote);
      // each quote lies inside the measure's own paragraph
      expect(item.sourceStart).toBeGreaterThanOrEqual(m!.sourceStart!);
      expect(item.sourceEnd).toBeLessThanOrEqual(m!.sourceEnd!);
    }
    const rotation = m!.targets.find((t) => t.threshold?.toString() === "0.1");
    expect(rotation?.indicator?.numerator?.nameZh).toBeTruthy();
    expect(rotation?.indicator?.denominator?.nameZh).toBeTruthy();
  });

  it("measure 19's dormitory target is per township and due by the end of 2020", async () => {
    const m = await getMeasure("19");
    const dormitory = m!.targets.find((t) => t.scope === "PER_TOWNSHIP");
    expect(dormitory?.kind).toBe("COVERAGE");
    expect(dormitory?.dueDate?.toISOString().slice(0, 10)).toBe("2020-12-31");
  });

  it("measure 3 is an honest empty slot and unknown refs are not found", async () => {
    const m3 = await getMeasure("3");
    expect(m3).toMatchObject({ textStatus: "NOT_ENTERED", text: null, paragraph: null, duties: [], targets: [] });
    expect(await getMeasure("99")).toBeNull();
    expect(await getMeasure("s9")).toBeNull();
    expect(await getMeasure("../etc")).toBeNull();
  });

  it("safeguard (三) binds public security, civil affairs, finance and planning", async () => {
    const s3 = await getMeasure("s3");
    const codes = new Set(s3!.duties.map((d) => d.department?.code));
    for (const code of ["PUBLIC_SECURITY", "CIVIL_AFFAIRS", "FINANCE", "URBAN_RURAL_PLANNING", "DEVELOPMENT_REFORM", "LAND_RESOURCES"]) {
      expect(codes).toContain(code);
    }
  });

  it("a department page lists its duties across measures; a county sees the duties that bind it", async () => {
    const finance = await getDepartment("FINANCE");
    expect(finance?.duties.length).toBeGreaterThan(0);
    const haicheng = await getUnit("210381");
    // measure 21 names Haicheng, Tai'an and Xiuyan for barrier-free schooling of migrant children
    expect(haicheng?.duties.some((d) => d.assignee === "SELECTED_UNITS" && d.measure.number === 21)).toBe(true);
    const tiedong = await getUnit("210302");
    expect(tiedong?.duties.some((d) => d.assignee === "SELECTED_UNITS")).toBe(false);
    expect((await listUnits()).filter((u) => u.isReporting)).toHaveLength(9);
  });

  it("the overview has every section, with titles only where the text has them", async () => {
    const overview = await getOpinionOverview();
    const titled = overview!.sections.filter((s) => s.title).map((s) => `${s.label}${s.title}`);
    expect(titled).toEqual(["（五）加强队伍建设", "（六）实施关爱行动", "三、保障措施"]);
    expect(overview!.sections.filter((s) => !s.title).every((s) => s.textStatus === "NOT_ENTERED")).toBe(true);
  });
});

describe("database rules", () => {
  it("refuses UPDATE and DELETE on the audit log", async () => {
    const prisma = db();
    const row = await prisma.auditLog.create({ data: { action: "test.write", outcome: "SUCCESS", prevHash: "0", hash: `h-${Date.now()}` } });
    await expect(prisma.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("test.write");
  });

  it("refuses a report owned by both a unit and a department", async () => {
    const prisma = db();
    const [cycle, unit, department] = await Promise.all([prisma.reportingCycle.findFirstOrThrow(), prisma.unit.findFirstOrThrow({ where: { isReporting: true } }), prisma.department.findFirstOrThrow()]);
    await expect(
      prisma.report.create({ data: { cycleId: cycle.id, unitId: unit.id, departmentId: department.id, dueOn: cycle.dueOn } }),
    ).rejects.toThrow(/Report_one_owner/);
    expect(await prisma.report.count()).toBe(0);
  });
});
