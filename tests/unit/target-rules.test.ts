import { describe, expect, it } from "vitest";
import type { CuratedTarget } from "../../prisma/seed/curated-schema";
import { describeReason, describeTargetRule, evaluateTarget } from "../../src/shared/policy/target-rules";

function makeTarget(overrides: Partial<CuratedTarget>): CuratedTarget {
  return {
    code: "M20-T1",
    measure: "M20",
    titleZh: "标题",
    titleEn: "title",
    kind: "RATIO_THRESHOLD",
    indicator: "M20_ROTATION_RATIO",
    conditionIndicator: null,
    comparator: "GTE",
    threshold: "0.10",
    period: "EACH_SCHOOL_YEAR",
    dueDate: null,
    scope: "PER_UNIT",
    unitCodes: null,
    sourceQuote: "…",
    evaluationNoteZh: null,
    evaluationNoteEn: null,
    ...overrides,
  };
}

const rotation = makeTarget({});
const payComparison = makeTarget({
  code: "M19-T1",
  measure: "M19",
  kind: "COMPARISON",
  indicator: "M19_RURAL_TO_TOWN_PAY_RATIO",
  threshold: "1",
  period: "CONTINUOUS",
});
const dormitories = makeTarget({
  code: "M19-T3",
  measure: "M19",
  kind: "COVERAGE",
  indicator: "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY",
  conditionIndicator: "M19_TOWNSHIP_NEEDS_TURNOVER_DORMITORY",
  comparator: "EQ",
  threshold: "1",
  period: "BY_DUE_DATE",
  dueDate: "2020-12-31",
  scope: "PER_TOWNSHIP",
});
const plans = makeTarget({
  code: "M22-T1",
  measure: "M22",
  kind: "COVERAGE",
  indicator: "M22_PLAN_COVERAGE",
  comparator: "EQ",
  threshold: "1",
  period: "CONTINUOUS",
});
const designatedSchools = makeTarget({
  code: "M21-T1",
  measure: "M21",
  kind: "TREND",
  indicator: "M21_DESIGNATED_SCHOOLS",
  comparator: "INCREASING",
  threshold: null,
  period: "CONTINUOUS",
  scope: "CITY_WIDE",
});
const qualitative = makeTarget({
  code: "M15-T1",
  measure: "M15",
  kind: "QUALITATIVE",
  indicator: null,
  comparator: null,
  threshold: null,
  period: "BY_DUE_DATE",
  dueDate: "2020-12-31",
  scope: "CITY_WIDE",
});

describe("evaluateTarget: RATIO_THRESHOLD", () => {
  it("treats exactly 10 % as met", () => {
    const result = evaluateTarget(rotation, { kind: "RATIO", numerator: "12", denominator: "120" });
    expect(result.status).toBe("MET");
    expect(result.working).toEqual({
      rule: "M20_ROTATION_RATIO ≥ 0.10",
      values: { threshold: "0.10", numerator: "12", denominator: "120", ratio: "0.1" },
    });
  });

  it("treats 9.99 % as not met", () => {
    expect(evaluateTarget(rotation, { kind: "RATIO", numerator: "999", denominator: "10000" }).status).toBe("NOT_MET");
  });

  it("is exact where floating point is not (0.3 / 3 is exactly 0.1)", () => {
    expect(0.3 / 3 >= 0.1).toBe(false);
    expect(evaluateTarget(rotation, { kind: "RATIO", numerator: "0.3", denominator: 3 }).status).toBe("MET");
  });

  it("returns NO_DATA for a zero denominator, without Infinity or NaN", () => {
    const result = evaluateTarget(rotation, { kind: "RATIO", numerator: "0", denominator: "0" });
    expect(result.status).toBe("NO_DATA");
    expect(result.working.reason).toBe("ZERO_DENOMINATOR");
    expect(result.working.values.ratio).toBeUndefined();
    expect(JSON.stringify(result)).not.toMatch(/Infinity|NaN/);
  });

  it("returns NO_DATA when a value is missing", () => {
    const result = evaluateTarget(rotation, { kind: "RATIO", numerator: null, denominator: "40" });
    expect(result).toMatchObject({ status: "NO_DATA", working: { reason: "MISSING_VALUE" } });
  });

  it("rejects values that are not plain non-negative decimals", () => {
    for (const bad of ["-1", "1e3", "12,5", "", Number.NaN, 1e21]) {
      expect(() => evaluateTarget(rotation, { kind: "RATIO", numerator: bad, denominator: "10" }), String(bad)).toThrow(
        /non-negative decimal/,
      );
    }
  });

  it("rounds the displayed ratio but compares exactly", () => {
    const result = evaluateTarget(rotation, { kind: "RATIO", numerator: "1", denominator: "3" });
    expect(result.status).toBe("MET");
    expect(result.working.values.ratio).toBe("0.3333");
  });
});

describe("evaluateTarget: COMPARISON", () => {
  it("is met when rural pay equals same-grade town pay", () => {
    expect(evaluateTarget(payComparison, { kind: "RATIO", numerator: "61234.50", denominator: "61234.5" }).status).toBe(
      "MET",
    );
  });

  it("is not met a fen below", () => {
    expect(evaluateTarget(payComparison, { kind: "RATIO", numerator: "61234.49", denominator: "61234.50" }).status).toBe(
      "NOT_MET",
    );
  });
});

describe("evaluateTarget: COVERAGE", () => {
  it("ignores townships with no need", () => {
    const result = evaluateTarget(dormitories, {
      kind: "TOWNSHIPS",
      townships: [
        { code: "210381101", need: true, has: true },
        { code: "210381102", need: false, has: false },
      ],
    });
    expect(result.status).toBe("MET");
    expect(result.working.values).toMatchObject({ townshipsWithNeed: "1", townshipsWithNeedMet: "1", coverage: "1" });
  });

  it("lists the townships in need that still lack a dormitory", () => {
    const result = evaluateTarget(dormitories, {
      kind: "TOWNSHIPS",
      townships: [
        { code: "210381101", need: true, has: true },
        { code: "210381102", need: true, has: false },
        { code: "210381103", need: false, has: false },
      ],
    });
    expect(result.status).toBe("NOT_MET");
    expect(result.working.failing).toEqual(["210381102"]);
    expect(result.working.values.coverage).toBe("0.5");
  });

  // Decision: reported townships none of which needs a dormitory satisfy the target
  // (nothing to build); the working says so. Reporting no townships at all is NO_DATA.
  it("is MET, with a reason, when no reported township has a need", () => {
    const result = evaluateTarget(dormitories, {
      kind: "TOWNSHIPS",
      townships: [{ code: "210302001", need: false, has: false }],
    });
    expect(result.status).toBe("MET");
    expect(result.working.reason).toBe("NO_TOWNSHIP_WITH_NEED");
    expect(result.working.values.townshipsWithNeed).toBe("0");
  });

  it("is NO_DATA when no township has been reported", () => {
    expect(evaluateTarget(dormitories, { kind: "TOWNSHIPS", townships: [] })).toMatchObject({
      status: "NO_DATA",
      working: { reason: "NO_TOWNSHIPS" },
    });
  });

  it("accepts counts for unit-level coverage (一人一案)", () => {
    expect(evaluateTarget(plans, { kind: "RATIO", numerator: "37", denominator: "37" }).status).toBe("MET");
    expect(evaluateTarget(plans, { kind: "RATIO", numerator: "36", denominator: "37" }).status).toBe("NOT_MET");
    expect(evaluateTarget(plans, { kind: "RATIO", numerator: "0", denominator: "0" }).status).toBe("NO_DATA");
  });
});

describe("evaluateTarget: TREND", () => {
  const series = (...values: string[]) => ({
    kind: "SERIES" as const,
    points: values.map((value, i) => ({ label: `${2017 + i}`, value })),
  });

  it("is met when the last point is above the one before", () => {
    const result = evaluateTarget(designatedSchools, series("12", "11", "14"));
    expect(result.status).toBe("MET");
    expect(result.working.values).toMatchObject({ previousLabel: "2018", previous: "11", latestLabel: "2019", latest: "14" });
  });

  it("is not met when flat or falling", () => {
    expect(evaluateTarget(designatedSchools, series("12", "14", "14")).status).toBe("NOT_MET");
    expect(evaluateTarget(designatedSchools, series("14", "13")).status).toBe("NOT_MET");
  });

  it("needs at least two points", () => {
    expect(evaluateTarget(designatedSchools, series("14"))).toMatchObject({
      status: "NO_DATA",
      working: { reason: "TOO_FEW_POINTS" },
    });
    expect(evaluateTarget(designatedSchools, series()).status).toBe("NO_DATA");
  });

  it("compares ratio points exactly (1/3 then 2/6 is flat)", () => {
    const points = (a: [string, string], b: [string, string]) => ({
      kind: "SERIES" as const,
      points: [
        { label: "2018", numerator: a[0], denominator: a[1] },
        { label: "2019", numerator: b[0], denominator: b[1] },
      ],
    });
    expect(evaluateTarget(designatedSchools, points(["1", "3"], ["2", "6"])).status).toBe("NOT_MET");
    expect(evaluateTarget(designatedSchools, points(["1", "3"], ["34", "100"])).status).toBe("MET");
    expect(evaluateTarget(designatedSchools, points(["1", "3"], ["0", "0"]))).toMatchObject({
      status: "NO_DATA",
      working: { reason: "ZERO_DENOMINATOR" },
    });
  });
});

describe("evaluateTarget: QUALITATIVE", () => {
  it("needs a reviewer until one judges", () => {
    expect(evaluateTarget(qualitative, { kind: "JUDGEMENT", judgement: null }).status).toBe("NEEDS_JUDGEMENT");
    expect(evaluateTarget(qualitative, { kind: "JUDGEMENT", judgement: { met: true, reviewer: "r1" } })).toMatchObject({
      status: "MET",
      working: { values: { judgement: "MET", reviewer: "r1" } },
    });
    expect(evaluateTarget(qualitative, { kind: "JUDGEMENT", judgement: { met: false } }).status).toBe("NOT_MET");
  });
});

describe("evaluateTarget: wiring errors", () => {
  it("throws when the input does not fit the target kind", () => {
    expect(() => evaluateTarget(rotation, { kind: "SERIES", points: [] })).toThrow(/M20-T1 \(RATIO_THRESHOLD\)/);
    expect(() => evaluateTarget(qualitative, { kind: "RATIO", numerator: "1", denominator: "1" })).toThrow();
    expect(() => evaluateTarget(dormitories, { kind: "JUDGEMENT", judgement: null })).toThrow();
  });
});

describe("describeTargetRule", () => {
  it("describes each kind in Chinese", () => {
    expect(describeTargetRule(rotation, "zh-CN")).toBe("比例 ≥ 10%");
    expect(describeTargetRule(makeTarget({ threshold: "0.20" }), "zh-CN", "骨干教师比例")).toBe("骨干教师比例 ≥ 20%");
    expect(describeTargetRule(payComparison, "zh-CN")).toBe("比值 ≥ 1(不低于对比值)");
    expect(describeTargetRule(dormitories, "zh-CN")).toBe("每个有需求的乡镇: 100%");
    expect(describeTargetRule(plans, "zh-CN")).toBe("覆盖率 = 100%");
    expect(describeTargetRule(designatedSchools, "zh-CN")).toBe("应逐年上升");
    expect(describeTargetRule(designatedSchools, "zh-CN", "定点学校数")).toBe("定点学校数应逐年上升");
    expect(describeTargetRule(qualitative, "zh-CN")).toBe("由审核人员判断");
  });

  it("describes each kind in English", () => {
    expect(describeTargetRule(rotation, "en")).toBe("ratio ≥ 10 %");
    expect(describeTargetRule(makeTarget({ threshold: "0.125" }), "en")).toBe("ratio ≥ 12.5 %");
    expect(describeTargetRule(payComparison, "en")).toBe("ratio ≥ 1 (not below the comparison value)");
    expect(describeTargetRule(dormitories, "en")).toBe("every township with need: 100 %");
    expect(describeTargetRule(plans, "en", "plan coverage")).toBe("plan coverage = 100 %");
    expect(describeTargetRule(designatedSchools, "en")).toBe("should rise year on year");
    expect(describeTargetRule(qualitative, "en")).toBe("judged by the reviewer");
  });

  it("has a translation for every reason", () => {
    expect(describeReason("ZERO_DENOMINATOR", "en")).toMatch(/denominator/);
    expect(describeReason("NO_TOWNSHIP_WITH_NEED", "zh-CN")).toBe("没有乡镇有需求,无需建设");
  });
});
