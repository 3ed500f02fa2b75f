import { describe, expect, it } from "vitest";
import { daysLeft, isLate } from "@/server/reporting/dates";
import { diffSnapshots } from "@/server/reporting/snapshot";
import { parseValue, submitBlockers, validateReport, type IndicatorRule, type ReportInput } from "@/shared/reporting/validation";

// Measure 20's indicators as seeded: eligible ⊇ rotated ⊇ backbone, two shares over them; and
// measure 19's pay comparison, a ratio that may exceed 1.
const UNIT = 100;
const T1 = 201;
const T2 = 202;
const rules: IndicatorRule[] = [
  { id: 1, measureId: 20, valueType: "COUNT", numeratorId: null, denominatorId: null, isShare: false, subjects: [UNIT] }, // eligible
  { id: 2, measureId: 20, valueType: "COUNT", numeratorId: null, denominatorId: null, isShare: false, subjects: [UNIT] }, // rotated
  { id: 3, measureId: 20, valueType: "COUNT", numeratorId: null, denominatorId: null, isShare: false, subjects: [UNIT] }, // backbone
  { id: 4, measureId: 20, valueType: "RATIO", numeratorId: 2, denominatorId: 1, isShare: true, subjects: [UNIT] },
  { id: 5, measureId: 20, valueType: "RATIO", numeratorId: 3, denominatorId: 2, isShare: true, subjects: [UNIT] },
  { id: 6, measureId: 19, valueType: "AMOUNT", numeratorId: null, denominatorId: null, isShare: false, subjects: [UNIT] }, // rural pay
  { id: 7, measureId: 19, valueType: "AMOUNT", numeratorId: null, denominatorId: null, isShare: false, subjects: [UNIT] }, // town pay
  { id: 8, measureId: 19, valueType: "RATIO", numeratorId: 6, denominatorId: 7, isShare: false, subjects: [UNIT] },
  { id: 9, measureId: 19, valueType: "BOOLEAN", numeratorId: null, denominatorId: null, isShare: false, subjects: [T1, T2] },
];

const complete = (overrides: Record<number, string> = {}): ReportInput => ({
  items: [
    { measureId: 19, progress: "UNDER_WAY", narrative: "进展" },
    { measureId: 20, progress: "ACHIEVED" },
  ],
  values: [
    { indicatorId: 1, subjectUnitId: UNIT, value: overrides[1] ?? "500" },
    { indicatorId: 2, subjectUnitId: UNIT, value: overrides[2] ?? "60" },
    { indicatorId: 3, subjectUnitId: UNIT, value: overrides[3] ?? "15" },
    { indicatorId: 6, subjectUnitId: UNIT, value: overrides[6] ?? "68000.50" },
    { indicatorId: 7, subjectUnitId: UNIT, value: overrides[7] ?? "65000" },
    { indicatorId: 9, subjectUnitId: T1, value: "true" },
    { indicatorId: 9, subjectUnitId: T2, value: "false" },
  ],
});

describe("validateReport", () => {
  it("accepts a complete, consistent report with no warnings", () => {
    expect(validateReport(complete(), rules, {})).toEqual({ errors: {}, warnings: {} });
  });

  it("refuses more backbone teachers than teachers rotated", () => {
    expect(validateReport(complete({ 3: "61" }), rules, {}).errors).toEqual({ [`value.3.${UNIT}`]: ["reportingErrors.exceedsWhole"] });
  });

  it("refuses more teachers rotated than eligible", () => {
    expect(validateReport(complete({ 2: "501", 3: "10" }), rules, {}).errors).toEqual({ [`value.2.${UNIT}`]: ["reportingErrors.exceedsWhole"] });
  });

  it("lets a pay comparison exceed 1: rural pay above town pay is the goal, not an error", () => {
    expect(validateReport(complete({ 6: "90000", 7: "65000" }), rules, {}).errors).toEqual({});
  });

  it("refuses negative and fractional counts, over-precise and negative amounts, non-numbers and typed ratios", () => {
    expect(parseValue("COUNT", "-1")).toEqual({ kind: "error", key: "reportingErrors.countNegative" });
    expect(parseValue("COUNT", "1.5")).toEqual({ kind: "error", key: "reportingErrors.countNotWhole" });
    expect(parseValue("COUNT", "12.0")).toEqual({ kind: "number", value: 12 });
    expect(parseValue("AMOUNT", "1.234")).toEqual({ kind: "error", key: "reportingErrors.amountTooPrecise" });
    expect(parseValue("AMOUNT", "-5")).toEqual({ kind: "error", key: "reportingErrors.amountNegative" });
    expect(parseValue("AMOUNT", "12,5")).toEqual({ kind: "error", key: "reportingErrors.notANumber" });
    expect(parseValue("BOOLEAN", "yes")).toEqual({ kind: "error", key: "reportingErrors.notYesNo" });
    expect(parseValue("RATIO", "0.5")).toEqual({ kind: "error", key: "reportingErrors.ratioIsComputed" });
    expect(parseValue("COUNT", "1e20")).toEqual({ kind: "error", key: "reportingErrors.notANumber" });
    expect(parseValue("COUNT", "10000000000000")).toEqual({ kind: "error", key: "reportingErrors.valueTooLarge" });
    expect(validateReport(complete({ 1: "-3" }), rules, {}).errors[`value.1.${UNIT}`]).toEqual(["reportingErrors.countNegative"]);
  });

  it("requires a reason for NOT_APPLICABLE and bounds the narrative", () => {
    const input = complete();
    input.items[1] = { measureId: 20, progress: "NOT_APPLICABLE", notApplicableReason: "  " };
    input.items[0] = { measureId: 19, progress: "UNDER_WAY", narrative: "字".repeat(4001) };
    expect(validateReport(input, rules, {}).errors).toEqual({
      "item.20.notApplicableReason": ["reportingErrors.notApplicableReasonRequired"],
      "item.19.narrative": ["reportingErrors.narrativeTooLong"],
    });
  });

  it("warns about missing values (not for a measure marked not applicable) and large changes", () => {
    const input = complete();
    input.values = input.values.filter((v) => v.indicatorId !== 9 && v.indicatorId !== 1);
    const result = validateReport(input, rules, { [`2:${UNIT}`]: "30", [`3:${UNIT}`]: "14" });
    expect(result.errors).toEqual({});
    expect(result.warnings).toEqual({
      [`value.2.${UNIT}`]: ["reportingErrors.largeChange"],
      [`value.1.${UNIT}`]: ["reportingErrors.missingValue"],
      [`value.9.${T1}`]: ["reportingErrors.missingValue"],
      [`value.9.${T2}`]: ["reportingErrors.missingValue"],
    });
    input.items[1] = { measureId: 20, progress: "NOT_APPLICABLE", notApplicableReason: "本区无符合条件教师" };
    expect(Object.keys(validateReport(input, rules, {}).warnings)).toEqual([`value.9.${T1}`, `value.9.${T2}`]);
  });

  it("blocks submission on every error and every warning without a comment", () => {
    const input = complete({ 2: "200" });
    const result = validateReport(input, rules, { [`2:${UNIT}`]: "60" });
    expect(submitBlockers(input, result)).toEqual({ [`value.2.${UNIT}`]: ["reportingErrors.warningNeedsComment"] });
    input.values[1]!.comment = "本学年扩大交流范围";
    expect(submitBlockers(input, result)).toEqual({});
    expect(submitBlockers(complete({ 3: "-1" }), validateReport(complete({ 3: "-1" }), rules, {}))).toEqual({ [`value.3.${UNIT}`]: ["reportingErrors.countNegative"] });
  });

  it("refuses values the report does not ask for", () => {
    const input = complete();
    input.values.push({ indicatorId: 9, subjectUnitId: 999, value: "true" }, { indicatorId: 77, subjectUnitId: UNIT, value: "1" });
    expect(validateReport(input, rules, {}).errors).toEqual({ "value.9.999": ["reportingErrors.notInReport"], [`value.77.${UNIT}`]: ["reportingErrors.notInReport"] });
  });
});

describe("submission diff", () => {
  it("lists every changed field with before and after", () => {
    const before = { items: [{ measureId: 20, label: "二十", progress: "UNDER_WAY" as const, notApplicableReason: null, narrative: "旧" }], values: [{ indicatorId: 2, code: "R", subjectUnitId: UNIT, value: "60", comment: null }] };
    const after = { items: [{ ...before.items[0]!, narrative: "新" }], values: [{ ...before.values[0]!, value: "70", comment: "补录" }, { indicatorId: 3, code: "B", subjectUnitId: UNIT, value: "12", comment: null }] };
    expect(diffSnapshots(before, after).map((d) => [d.key, d.before, d.after])).toEqual([
      ["item.20.narrative", "旧", "新"],
      [`value.2.${UNIT}`, "60", "70"],
      [`value.2.${UNIT}.comment`, null, "补录"],
      [`value.3.${UNIT}`, null, "12"],
    ]);
    expect(diffSnapshots(before, before)).toEqual([]);
  });
});

describe("due dates", () => {
  it("counts days in China time; negative when late", () => {
    const due = new Date("2024-03-10T00:00:00Z");
    // 2024-03-10 23:30 in Beijing is still the due day
    expect(daysLeft(due, new Date("2024-03-10T15:30:00Z"))).toBe(0);
    expect(daysLeft(due, new Date("2024-03-10T16:30:00Z"))).toBe(-1);
    expect(daysLeft(due, new Date("2024-03-07T04:00:00Z"))).toBe(3);
    expect(isLate(due, new Date("2024-03-10T15:59:00Z"))).toBe(false);
    expect(isLate(due, new Date("2024-03-10T16:01:00Z"))).toBe(true);
  });
});
