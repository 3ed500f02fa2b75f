import type { IndicatorValueType } from "@/generated/prisma/enums";
import type { MessageKey } from "@/i18n/message-files";
import { ITEM_FIELD_KEYS, itemFieldErrors, type ItemFieldsInput } from "./report-fields";

// The rules a report's figures must meet, as a pure function of what was typed, so the same
// answers come back on every save, at submission and in unit tests. Errors block saving;
// warnings never do, but each needs the filer's comment before the report can be submitted.
// Keys: `item.<measureId>.<field>` and `value.<indicatorId>.<subjectUnitId>`; messages are keys in
// the reportingErrors namespace. An item's own fields bring their rules from report-fields.ts.

export const COMMENT_MAX = 1000;
// Decimal(18, 4) holds 14 integer digits; no count or amount of one county comes near this.
export const VALUE_MAX = 1_000_000_000_000;
/** A change larger than this share of last approved cycle's figure asks for a comment. */
export const LARGE_CHANGE = 0.5;

export type ItemInput = { measureId: number } & ItemFieldsInput;
export type ValueInput = { indicatorId: number; subjectUnitId: number; value: string; comment?: string | null };
export type ReportInput = { items: ItemInput[]; values: ValueInput[] };

export type IndicatorRule = {
  id: number;
  measureId: number;
  valueType: IndicatorValueType;
  numeratorId: number | null;
  denominatorId: number | null;
  /**
   * A ratio that is a share of a whole (rotation rate, coverage): its numerator cannot exceed its
   * denominator. Pay comparisons (rural ÷ town pay ≥ 1) are ratios that are not shares.
   */
  isShare: boolean;
  /** the subject units a value is expected for: the unit itself, or each of its townships */
  subjects: number[];
};

/** `${indicatorId}:${subjectUnitId}` → the value last approved for it, as typed ("12", "true"). */
export type PreviousApproved = Record<string, string>;

/** Field → message keys. */
export type Findings = Record<string, MessageKey[]>;
export type ValidationResult = { errors: Findings; warnings: Findings };

export const itemKey = (measureId: number, field: string) => `item.${measureId}.${field}`;
export const valueKey = (indicatorId: number, subjectUnitId: number) => `value.${indicatorId}.${subjectUnitId}`;
export const previousKey = (indicatorId: number, subjectUnitId: number) => `${indicatorId}:${subjectUnitId}`;

export type ParsedValue = { kind: "empty" } | { kind: "number"; value: number } | { kind: "boolean"; value: boolean } | { kind: "error"; key: MessageKey };

const NUMBER = /^-?\d+(?:\.(\d+))?$/;

/** One typed value, read for its indicator's type. */
export function parseValue(valueType: IndicatorValueType, raw: string): ParsedValue {
  const text = raw.trim();
  if (text === "") return { kind: "empty" };
  if (valueType === "RATIO") return { kind: "error", key: "reportingErrors.ratioIsComputed" };
  if (valueType === "BOOLEAN") {
    if (text === "true") return { kind: "boolean", value: true };
    if (text === "false") return { kind: "boolean", value: false };
    return { kind: "error", key: "reportingErrors.notYesNo" };
  }
  const match = NUMBER.exec(text);
  if (!match) return { kind: "error", key: "reportingErrors.notANumber" };
  const value = Number(text);
  if (valueType === "COUNT") {
    if (value < 0) return { kind: "error", key: "reportingErrors.countNegative" };
    if (match[1] !== undefined && /[1-9]/.test(match[1])) return { kind: "error", key: "reportingErrors.countNotWhole" };
  } else {
    if (value < 0) return { kind: "error", key: "reportingErrors.amountNegative" };
    if (match[1] !== undefined && match[1].length > 2) return { kind: "error", key: "reportingErrors.amountTooPrecise" };
  }
  if (value > VALUE_MAX) return { kind: "error", key: "reportingErrors.valueTooLarge" };
  return { kind: "number", value };
}

function add(target: Findings, key: string, message: MessageKey) {
  const list = (target[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

export function validateReport(input: ReportInput, indicators: IndicatorRule[], previousApproved: PreviousApproved): ValidationResult {
  const errors: Findings = {};
  const warnings: Findings = {};
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const notApplicable = new Set(input.items.filter((i) => i.progress === "NOT_APPLICABLE").map((i) => i.measureId));

  for (const item of input.items) {
    const found = itemFieldErrors(item);
    for (const field of ITEM_FIELD_KEYS) for (const message of found[field] ?? []) add(errors, itemKey(item.measureId, field), message);
  }

  const parsed = new Map<string, ParsedValue>();
  for (const v of input.values) {
    const key = valueKey(v.indicatorId, v.subjectUnitId);
    const indicator = byId.get(v.indicatorId);
    if (!indicator || !indicator.subjects.includes(v.subjectUnitId)) {
      add(errors, key, "reportingErrors.notInReport");
      continue;
    }
    if ((v.comment?.length ?? 0) > COMMENT_MAX) add(errors, key, "reportingErrors.commentTooLong");
    const value = parseValue(indicator.valueType, v.value);
    parsed.set(key, value);
    if (value.kind === "error") {
      add(errors, key, value.key);
      continue;
    }
    const before = previousApproved[previousKey(v.indicatorId, v.subjectUnitId)];
    if (value.kind === "number" && before !== undefined) {
      const previous = Number(before);
      if (Number.isFinite(previous) && previous > 0 && Math.abs(value.value - previous) / previous > LARGE_CHANGE) add(warnings, key, "reportingErrors.largeChange");
    }
  }

  for (const indicator of indicators) {
    if (indicator.valueType === "RATIO") {
      if (!indicator.isShare || indicator.numeratorId === null || indicator.denominatorId === null) continue;
      for (const subject of indicator.subjects) {
        const numerator = parsed.get(valueKey(indicator.numeratorId, subject));
        const denominator = parsed.get(valueKey(indicator.denominatorId, subject));
        if (numerator?.kind === "number" && denominator?.kind === "number" && numerator.value > denominator.value) {
          add(errors, valueKey(indicator.numeratorId, subject), "reportingErrors.exceedsWhole");
        }
      }
      continue;
    }
    if (notApplicable.has(indicator.measureId)) continue;
    for (const subject of indicator.subjects) {
      const value = parsed.get(valueKey(indicator.id, subject));
      if (!value || value.kind === "empty") add(warnings, valueKey(indicator.id, subject), "reportingErrors.missingValue");
    }
  }
  return { errors, warnings };
}

/**
 * What stops a submission: every error, and every warning the filer has not commented on (the
 * comment is kept on the value row, so a missing value is answered by a comment on an empty row).
 */
export function submitBlockers(input: ReportInput, result: ValidationResult): Findings {
  const blockers: Findings = {};
  for (const [key, messages] of Object.entries(result.errors)) for (const m of messages) add(blockers, key, m);
  const commented = new Set(input.values.filter((v) => v.comment?.trim()).map((v) => valueKey(v.indicatorId, v.subjectUnitId)));
  for (const key of Object.keys(result.warnings)) {
    if (!commented.has(key)) add(blockers, key, "reportingErrors.warningNeedsComment");
  }
  return blockers;
}

export const hasFindings = (findings: Findings) => Object.keys(findings).length > 0;
