import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  findUnquotedEntries,
  loadCuratedPolicy,
  MEASURE_KEYS,
  parseMeasureKey,
  type CuratedPolicy,
  type CuratedTarget,
} from "../../prisma/seed/curated-schema";

const sourceText = readFileSync(new URL("../../prisma/seed-data/anshan-opinion-2017.txt", import.meta.url), "utf8");
const rawJson: unknown = JSON.parse(
  readFileSync(new URL("../../prisma/seed-data/curated-policy.json", import.meta.url), "utf8"),
);
const policy = loadCuratedPolicy(rawJson);

/** A deep copy to break on purpose without touching the shared fixture. */
function brokenCopy(mutate: (copy: CuratedPolicy) => void): CuratedPolicy {
  const copy = structuredClone(policy);
  mutate(copy);
  return copy;
}

function target(code: string): CuratedTarget {
  const found = policy.targets.find((t) => t.code === code);
  if (!found) throw new Error(`target ${code} is missing`);
  return found;
}

function targetsOf(measure: string, kind: CuratedTarget["kind"]): CuratedTarget[] {
  return policy.targets.filter((t) => t.measure === measure && t.kind === kind);
}

describe("curated-policy.json", () => {
  it("quotes every duty and target verbatim from the source text", () => {
    const offending = findUnquotedEntries(policy, sourceText);
    expect(offending, `sourceQuote not found verbatim for:\n${offending.join("\n")}`).toEqual([]);
  });

  it("uses only department aliases that occur in the source text", () => {
    const missing = policy.departments.flatMap((d) =>
      d.aliasesZh.filter((alias) => !sourceText.includes(alias)).map((alias) => `${d.code}: ${alias}`),
    );
    expect(missing, `aliases not in the text:\n${missing.join("\n")}`).toEqual([]);
  });

  it("has unique codes across all collections", () => {
    const codes = [
      ...policy.departments.map((d) => d.code),
      ...policy.duties.map((d) => d.code),
      ...policy.indicators.map((i) => i.code),
      ...policy.targets.map((t) => t.code),
    ];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("covers every measure in the excerpt and nothing before measure 15", () => {
    const withDuties = new Set(policy.duties.map((d) => d.measure));
    expect([...withDuties].sort()).toEqual([...MEASURE_KEYS].sort());
  });

  it("keeps duty summaries within their length limits", () => {
    for (const duty of policy.duties) {
      expect([...duty.summaryZh].length, duty.code).toBeLessThanOrEqual(60);
      expect(duty.summaryEn.length, duty.code).toBeLessThanOrEqual(120);
    }
  });

  it("has the rotation targets of measure 20", () => {
    expect(target("M20-T1")).toMatchObject({
      kind: "RATIO_THRESHOLD",
      indicator: "M20_ROTATION_RATIO",
      comparator: "GTE",
      threshold: "0.10",
      period: "EACH_SCHOOL_YEAR",
      scope: "PER_UNIT",
    });
    expect(target("M20-T2")).toMatchObject({
      kind: "RATIO_THRESHOLD",
      indicator: "M20_BACKBONE_SHARE",
      comparator: "GTE",
      threshold: "0.20",
      period: "EACH_SCHOOL_YEAR",
    });
    const ratios = Object.fromEntries(policy.indicators.map((i) => [i.code, i]));
    expect(ratios.M20_ROTATION_RATIO).toMatchObject({ numerator: "M20_ROTATED_TEACHERS", denominator: "M20_ELIGIBLE_TEACHERS" });
    expect(ratios.M20_BACKBONE_SHARE).toMatchObject({
      numerator: "M20_ROTATED_BACKBONE_TEACHERS",
      denominator: "M20_ROTATED_TEACHERS",
    });
  });

  it("has the pay comparisons and the dormitory coverage of measure 19", () => {
    const comparisons = targetsOf("M19", "COMPARISON").map((t) => [t.indicator, t.comparator, t.threshold]);
    expect(comparisons).toEqual(
      expect.arrayContaining([
        ["M19_RURAL_TO_TOWN_PAY_RATIO", "GTE", "1"],
        ["M19_TEACHER_TO_CIVIL_SERVANT_PAY_RATIO", "GTE", "1"],
      ]),
    );
    const [dormitory, ...others] = targetsOf("M19", "COVERAGE");
    expect(others).toEqual([]);
    expect(dormitory).toMatchObject({
      indicator: "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY",
      conditionIndicator: "M19_TOWNSHIP_NEEDS_TURNOVER_DORMITORY",
      threshold: "1",
      period: "BY_DUE_DATE",
      dueDate: "2020-12-31",
      scope: "PER_TOWNSHIP",
    });
  });

  it("has full coverage targets for 一人一案 and school party organisations", () => {
    expect(target("M22-T1")).toMatchObject({ kind: "COVERAGE", indicator: "M22_PLAN_COVERAGE", threshold: "1" });
    expect(target("S1-T1")).toMatchObject({ kind: "COVERAGE", indicator: "S1_PARTY_ORG_COVERAGE", threshold: "1" });
  });

  it("has the qualitative and trend targets of measures 15 and 21", () => {
    const m15Qualitative = targetsOf("M15", "QUALITATIVE");
    expect(m15Qualitative.map((t) => t.sourceQuote)).toEqual([
      "力争到2020年全市教育对外开放质量和水平明显提升",
      "教育交流与合作力度明显增强",
    ]);
    for (const t of m15Qualitative) expect(t).toMatchObject({ period: "BY_DUE_DATE", dueDate: "2020-12-31" });
    expect(targetsOf("M15", "TREND")).toEqual([
      expect.objectContaining({ indicator: "M15_FOREIGN_STUDENTS", comparator: "INCREASING", threshold: null }),
    ]);
    expect(targetsOf("M21", "TREND")).toEqual([
      expect.objectContaining({ indicator: "M21_DESIGNATED_SCHOOLS", comparator: "INCREASING" }),
    ]);
    expect(targetsOf("M21", "QUALITATIVE").map((t) => t.sourceQuote)).toContain("确保随迁子女享受与当地学生同等待遇");
  });

  it("spreads the duties of safeguard (三) over the named departments", () => {
    const departments = new Set(
      policy.duties
        .filter((d) => d.measure === "S3")
        .flatMap((d) => (d.assignee.type === "DEPARTMENT" ? [d.assignee.department] : [])),
    );
    for (const code of [
      "EDUCATION",
      "PUBLIC_SECURITY",
      "CIVIL_AFFAIRS",
      "FINANCE",
      "DEVELOPMENT_REFORM",
      "LAND_RESOURCES",
      "URBAN_RURAL_PLANNING",
      "STAFFING",
      "HUMAN_RESOURCES_SOCIAL_SECURITY",
    ]) {
      expect(departments, code).toContain(code);
    }
  });

  it("gives each of the eight bodies listed in safeguard (二) a duty", () => {
    const s2 = policy.duties.filter((d) => d.measure === "S2" && d.assignee.type === "DEPARTMENT");
    expect(s2.map((d) => (d.assignee.type === "DEPARTMENT" ? d.assignee.department : "")).sort()).toEqual(
      [
        "DEVELOPMENT_REFORM",
        "EDUCATION",
        "FINANCE",
        "HOUSING_URBAN_RURAL_DEVELOPMENT",
        "HUMAN_RESOURCES_SOCIAL_SECURITY",
        "LAND_RESOURCES",
        "STAFFING",
        "URBAN_RURAL_PLANNING",
      ].sort(),
    );
  });

  it("binds measure 21's open-admission sentence to the three counties by code", () => {
    const duty = policy.duties.find((d) => d.sourceQuote.startsWith("海城市、台安县、岫岩县"));
    expect(duty?.assignee).toEqual({ type: "UNITS", unitCodes: ["210381", "210321", "210323"] });
  });

  it("marks the women's federation as a mass organisation", () => {
    expect(policy.departments.find((d) => d.code === "WOMENS_FEDERATION")?.kind).toBe("MASS_ORGANISATION");
    expect(policy.departments.find((d) => d.code === "EDUCATION_SUPERVISION")?.kind).toBe("SUPERVISION_BODY");
  });
});

describe("loadCuratedPolicy rejects broken copies", () => {
  it("names an unknown department and the duty using it", () => {
    const broken = brokenCopy((p) => {
      p.duties[0]!.assignee = { type: "DEPARTMENT", department: "MINISTRY_OF_MAGIC" };
    });
    expect(() => loadCuratedPolicy(broken)).toThrow(/duty M15-D01: unknown department code MINISTRY_OF_MAGIC/);
  });

  it("lets the verbatim check catch a mangled quote and name its code", () => {
    const broken = brokenCopy((p) => {
      // A full-width comma where the source has a half-width one: invisible to the eye.
      p.targets[0]!.sourceQuote = p.targets[0]!.sourceQuote.replace("年", "年\uFF0C");
      p.duties[1]!.sourceQuote = p.duties[1]!.sourceQuote.replace(",", "\uFF0C");
    });
    const offending = findUnquotedEntries(loadCuratedPolicy(broken), sourceText).map((line) => line.split(":")[0]);
    expect(offending).toEqual([broken.duties[1]!.code, broken.targets[0]!.code]);
  });

  it("lists every cross-reference problem in one error", () => {
    const broken = brokenCopy((p) => {
      p.duties.push({ ...p.duties[0]! });
      const ratio = p.indicators.find((i) => i.code === "M20_ROTATION_RATIO")!;
      ratio.denominator = null;
      const count = p.indicators.find((i) => i.code === "M20_ELIGIBLE_TEACHERS")!;
      count.numerator = "M20_ROTATED_TEACHERS";
      const t1 = p.targets.find((t) => t.code === "M20-T2")!;
      t1.indicator = "M20_NO_SUCH_INDICATOR";
      const t2 = p.targets.find((t) => t.code === "M22-T1")!;
      t2.threshold = null;
    });
    let message = "";
    try {
      loadCuratedPolicy(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("duplicate duty code M15-D01");
    expect(message).toContain("indicator M20_ROTATION_RATIO: RATIO without denominator");
    expect(message).toContain("indicator M20_ELIGIBLE_TEACHERS: numerator/denominator are only allowed on a RATIO");
    expect(message).toContain("target M20-T2: unknown indicator M20_NO_SUCH_INDICATOR");
    expect(message).toContain("target M22-T1: a COVERAGE target needs a threshold");
  });

  it("rejects unknown measure keys and non-decimal thresholds at the schema stage, naming the entry", () => {
    const broken = brokenCopy((p) => {
      (p.duties[0] as { measure: string }).measure = "M3";
      (p.targets.find((t) => t.code === "M20-T1") as { threshold: unknown }).threshold = 0.1;
      p.targets.find((t) => t.code === "M20-T2")!.threshold = "20%";
    });
    expect(() => loadCuratedPolicy(broken)).toThrow(/duties\[0\] \(M15-D01\)\.measure: unknown measure key "M3"/);
    expect(() => loadCuratedPolicy(broken)).toThrow(/targets\[\d+\] \(M20-T1\)\.threshold/);
    expect(() => loadCuratedPolicy(broken)).toThrow(/\(M20-T2\)\.threshold: must be a non-negative decimal string/);
  });

  it("rejects extra fields because every object is strict", () => {
    const broken = brokenCopy((p) => {
      (p.departments[0] as Record<string, unknown>).nameFr = "Éducation";
    });
    expect(() => loadCuratedPolicy(broken)).toThrow(/departments\[0\] \(EDUCATION\)/);
  });

  it("rejects targets whose shape does not match their kind", () => {
    const broken = brokenCopy((p) => {
      const qualitative = p.targets.find((t) => t.code === "M15-T1")!;
      qualitative.indicator = "M15_FOREIGN_STUDENTS";
      const ratio = p.targets.find((t) => t.code === "M20-T1")!;
      ratio.indicator = "M20_ELIGIBLE_TEACHERS";
      const trend = p.targets.find((t) => t.code === "M21-T1")!;
      trend.threshold = "1";
      const dated = p.targets.find((t) => t.code === "M19-T3")!;
      dated.dueDate = null;
    });
    expect(() => loadCuratedPolicy(broken)).toThrow(
      new RegExp(
        [
          "target M15-T1: a QUALITATIVE target has no indicator",
          "target M19-T3: a dueDate is required exactly when period is BY_DUE_DATE",
          "target M20-T1: indicator M20_ELIGIBLE_TEACHERS must be a RATIO",
          "target M21-T1: a TREND target has no threshold",
        ].join("[\\s\\S]*"),
      ),
    );
  });

  it("rejects a department nobody is assigned to", () => {
    const broken = brokenCopy((p) => {
      p.departments.push({ code: "TAX", nameZh: "税务部门", nameEn: "Tax", kind: "GOVERNMENT_DEPARTMENT", aliasesZh: ["税务"] });
    });
    expect(() => loadCuratedPolicy(broken)).toThrow(/department TAX has no duty/);
  });
});

describe("parseMeasureKey", () => {
  it("splits numbered measures and safeguards", () => {
    expect(parseMeasureKey("M20")).toEqual({ kind: "MEASURE", number: 20 });
    expect(parseMeasureKey("S1")).toEqual({ kind: "SAFEGUARD", number: 1 });
  });

  it("throws on anything else", () => {
    for (const bad of ["", "M", "X1", "M01", "s1", "M20 "]) {
      expect(() => parseMeasureKey(bad), bad).toThrow(/Not a measure key/);
    }
  });
});
