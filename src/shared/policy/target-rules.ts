/**
 * Pure rules for curated targets: a one-line description for pages, and an evaluation with
 * its working shown so a reviewer can check the arithmetic.
 *
 * All comparisons use exact rational arithmetic on bigints: with floats 0.3 / 3 is
 * 0.09999999999999999, which would fail a "≥ 10 %" target that is met exactly.
 */

export type Locale = "zh-CN" | "en";
export type TargetStatus = "MET" | "NOT_MET" | "NO_DATA" | "NEEDS_JUDGEMENT";

/** Why a status was reached when the numbers alone do not say it; pages translate these. */
export type ReasonCode =
  | "MISSING_VALUE"
  | "ZERO_DENOMINATOR"
  | "NO_TOWNSHIPS"
  | "NO_TOWNSHIP_WITH_NEED"
  | "TOO_FEW_POINTS"
  | "AWAITING_JUDGEMENT"
  | "REVIEWER_JUDGEMENT";

export interface Working {
  /** Language-neutral rule built from indicator codes, e.g. "M20_ROTATION_RATIO ≥ 0.10". */
  rule: string;
  /** Inputs and intermediate results as decimal strings (ratios rounded to 4 places). */
  values: Record<string, string>;
  reason?: ReasonCode;
  /** Per-township coverage: townships with a need but without the facility. */
  failing?: string[];
}

export interface TargetEvaluation {
  status: TargetStatus;
  working: Working;
}

/** Decimal strings are preferred; numbers are accepted when they print as plain decimals. */
export type DecimalInput = string | number;

export type SeriesPoint =
  | { label: string; value: DecimalInput }
  | { label: string; numerator: DecimalInput; denominator: DecimalInput };

export type TargetInput =
  /** RATIO_THRESHOLD, COMPARISON, and COVERAGE measured as a count ratio. */
  | { kind: "RATIO"; numerator: DecimalInput | null; denominator: DecimalInput | null }
  /** Per-township COVERAGE. */
  | { kind: "TOWNSHIPS"; townships: readonly { code: string; need: boolean; has: boolean }[] }
  /** TREND; points ordered oldest first. */
  | { kind: "SERIES"; points: readonly SeriesPoint[] }
  /** QUALITATIVE. */
  | { kind: "JUDGEMENT"; judgement: { met: boolean; reviewer?: string; note?: string } | null };

/** What a rule needs of a target (the curated seed data and the database rows both fit). */
export type TargetRuleFields = {
  kind: "RATIO_THRESHOLD" | "COMPARISON" | "COVERAGE" | "TREND" | "QUALITATIVE";
  comparator: "GTE" | "LTE" | "EQ" | "INCREASING" | null;
  /** a decimal string, e.g. "0.10" */
  threshold: string | null;
  scope: "PER_UNIT" | "PER_TOWNSHIP" | "CITY_WIDE";
};
export type EvaluableTarget = TargetRuleFields & { code: string; indicator: string | null; conditionIndicator: string | null };

const SYMBOL = { GTE: "≥", LTE: "≤", EQ: "=" } as const;

export function describeTargetRule(target: TargetRuleFields, locale: Locale, indicatorName?: string): string {
  const zh = locale === "zh-CN";
  switch (target.kind) {
    case "RATIO_THRESHOLD": {
      const { symbol, threshold } = numericRule(target);
      const subject = indicatorName ?? (zh ? "比例" : "ratio");
      return zh ? `${subject} ${symbol} ${toPercent(threshold)}%` : `${subject} ${symbol} ${toPercent(threshold)} %`;
    }
    case "COMPARISON": {
      const { comparator, symbol, threshold } = numericRule(target);
      const subject = indicatorName ?? (zh ? "比值" : "ratio");
      const isOne = compare(parseDecimal(threshold, "threshold"), ONE) === 0;
      const gloss = !isOne
        ? ""
        : zh
          ? { GTE: "(不低于对比值)", LTE: "(不高于对比值)", EQ: "(与对比值相等)" }[comparator]
          : { GTE: " (not below the comparison value)", LTE: " (not above the comparison value)", EQ: " (equal to the comparison value)" }[comparator];
      return `${subject} ${symbol} ${threshold}${gloss}`;
    }
    case "COVERAGE": {
      const { symbol, threshold } = numericRule(target);
      const percent = toPercent(threshold);
      if (target.scope === "PER_TOWNSHIP") {
        return zh ? `每个有需求的乡镇: ${percent}%` : `every township with need: ${percent} %`;
      }
      const subject = indicatorName ?? (zh ? "覆盖率" : "coverage");
      return zh ? `${subject} ${symbol} ${percent}%` : `${subject} ${symbol} ${percent} %`;
    }
    case "TREND":
      if (zh) return `${indicatorName ?? ""}应逐年上升`;
      return indicatorName ? `${indicatorName} should rise year on year` : "should rise year on year";
    case "QUALITATIVE":
      return zh ? "由审核人员判断" : "judged by the reviewer";
  }
}

export function describeReason(reason: ReasonCode, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (reason) {
    case "MISSING_VALUE":
      return zh ? "缺少填报数据" : "a value has not been reported";
    case "ZERO_DENOMINATOR":
      return zh ? "分母为零,无法计算比例" : "the denominator is zero, so there is no ratio";
    case "NO_TOWNSHIPS":
      return zh ? "尚未填报任何乡镇" : "no township has been reported";
    case "NO_TOWNSHIP_WITH_NEED":
      return zh ? "没有乡镇有需求,无需建设" : "no township has a need, so nothing is required";
    case "TOO_FEW_POINTS":
      return zh ? "至少需要两期数据" : "at least two periods are needed";
    case "AWAITING_JUDGEMENT":
      return zh ? "等待审核人员判断" : "awaiting the reviewer's judgement";
    case "REVIEWER_JUDGEMENT":
      return zh ? "审核人员已判断" : "judged by the reviewer";
  }
}

/**
 * Evaluates one target. Throws when the input kind does not fit the target kind: that is a
 * wiring bug in the caller, not missing data.
 *
 * Per-township coverage: townships without a need are ignored; if townships were reported
 * but none has a need, the target is MET (nothing is required) with reason
 * NO_TOWNSHIP_WITH_NEED; an empty list is NO_DATA. A count ratio with a zero denominator is
 * NO_DATA instead, because "0 of 0" cannot tell "none exist" from "not counted".
 */
export function evaluateTarget(target: EvaluableTarget, input: TargetInput): TargetEvaluation {
  const mismatch = () =>
    new Error(`Target ${target.code} (${target.kind}) cannot be evaluated from ${input.kind} input`);
  switch (target.kind) {
    case "RATIO_THRESHOLD":
    case "COMPARISON":
      if (input.kind !== "RATIO") throw mismatch();
      return evaluateRatio(target, input.numerator, input.denominator);
    case "COVERAGE":
      if (input.kind === "RATIO") return evaluateRatio(target, input.numerator, input.denominator);
      if (input.kind === "TOWNSHIPS") return evaluateTownships(target, input.townships);
      throw mismatch();
    case "TREND":
      if (input.kind !== "SERIES") throw mismatch();
      return evaluateTrend(target, input.points);
    case "QUALITATIVE": {
      if (input.kind !== "JUDGEMENT") throw mismatch();
      const rule = "reviewer judgement";
      const judgement = input.judgement;
      if (judgement === null) {
        return { status: "NEEDS_JUDGEMENT", working: { rule, values: {}, reason: "AWAITING_JUDGEMENT" } };
      }
      const values: Record<string, string> = { judgement: judgement.met ? "MET" : "NOT_MET" };
      if (judgement.reviewer !== undefined) values.reviewer = judgement.reviewer;
      if (judgement.note !== undefined) values.note = judgement.note;
      return { status: judgement.met ? "MET" : "NOT_MET", working: { rule, values, reason: "REVIEWER_JUDGEMENT" } };
    }
  }
}

function evaluateRatio(
  target: EvaluableTarget,
  numeratorInput: DecimalInput | null,
  denominatorInput: DecimalInput | null,
): TargetEvaluation {
  const { comparator, symbol, threshold } = numericRule(target);
  const rule = `${target.indicator ?? "ratio"} ${symbol} ${threshold}`;
  const values: Record<string, string> = { threshold };
  if (numeratorInput === null || denominatorInput === null) {
    return { status: "NO_DATA", working: { rule, values, reason: "MISSING_VALUE" } };
  }
  const numerator = parseDecimal(numeratorInput, "numerator");
  const denominator = parseDecimal(denominatorInput, "denominator");
  values.numerator = format(numerator);
  values.denominator = format(denominator);
  if (denominator.num === 0n) {
    return { status: "NO_DATA", working: { rule, values, reason: "ZERO_DENOMINATOR" } };
  }
  const ratio = divide(numerator, denominator);
  values.ratio = format(ratio);
  const met = satisfies(compare(ratio, parseDecimal(threshold, "threshold")), comparator);
  return { status: met ? "MET" : "NOT_MET", working: { rule, values } };
}

function evaluateTownships(
  target: EvaluableTarget,
  townships: readonly { code: string; need: boolean; has: boolean }[],
): TargetEvaluation {
  const { comparator, threshold } = numericRule(target);
  const rule = `${target.indicator ?? "has"} for every township where ${target.conditionIndicator ?? "need"}: ${threshold}`;
  const withNeed = townships.filter((t) => t.need);
  const failing = withNeed.filter((t) => !t.has).map((t) => t.code);
  const values: Record<string, string> = {
    threshold,
    townshipsReported: String(townships.length),
    townshipsWithNeed: String(withNeed.length),
    townshipsWithNeedMet: String(withNeed.length - failing.length),
  };
  if (townships.length === 0) {
    return { status: "NO_DATA", working: { rule, values, reason: "NO_TOWNSHIPS" } };
  }
  if (withNeed.length === 0) {
    return { status: "MET", working: { rule, values, reason: "NO_TOWNSHIP_WITH_NEED", failing } };
  }
  const coverage = divide(integer(withNeed.length - failing.length), integer(withNeed.length));
  values.coverage = format(coverage);
  const met = satisfies(compare(coverage, parseDecimal(threshold, "threshold")), comparator);
  return { status: met ? "MET" : "NOT_MET", working: { rule, values, failing } };
}

function evaluateTrend(target: EvaluableTarget, points: readonly SeriesPoint[]): TargetEvaluation {
  const rule = `${target.indicator ?? "value"}: latest > previous`;
  const values: Record<string, string> = { points: String(points.length) };
  const previous = points.at(-2);
  const latest = points.at(-1);
  if (previous === undefined || latest === undefined) {
    return { status: "NO_DATA", working: { rule, values, reason: "TOO_FEW_POINTS" } };
  }
  values.previousLabel = previous.label;
  values.latestLabel = latest.label;
  const previousValue = pointValue(previous);
  const latestValue = pointValue(latest);
  if (previousValue === null || latestValue === null) {
    return { status: "NO_DATA", working: { rule, values, reason: "ZERO_DENOMINATOR" } };
  }
  values.previous = format(previousValue);
  values.latest = format(latestValue);
  const met = compare(latestValue, previousValue) > 0;
  return { status: met ? "MET" : "NOT_MET", working: { rule, values } };
}

function pointValue(point: SeriesPoint): Rational | null {
  if ("value" in point) return parseDecimal(point.value, `value of ${point.label}`);
  const denominator = parseDecimal(point.denominator, `denominator of ${point.label}`);
  if (denominator.num === 0n) return null;
  return divide(parseDecimal(point.numerator, `numerator of ${point.label}`), denominator);
}

function numericRule(target: TargetRuleFields): { comparator: keyof typeof SYMBOL; symbol: string; threshold: string } {
  const { comparator, threshold } = target;
  if (comparator === null || comparator === "INCREASING" || threshold === null) {
    throw new Error(`A ${target.kind} target needs comparator GTE/LTE/EQ and a threshold`);
  }
  return { comparator, symbol: SYMBOL[comparator], threshold };
}

function satisfies(order: number, comparator: keyof typeof SYMBOL): boolean {
  return comparator === "GTE" ? order >= 0 : comparator === "LTE" ? order <= 0 : order === 0;
}

// --- exact non-negative rationals -------------------------------------------------------

interface Rational {
  num: bigint;
  /** Always > 0. */
  den: bigint;
}

const ONE: Rational = { num: 1n, den: 1n };
const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

function integer(n: number): Rational {
  return { num: BigInt(n), den: 1n };
}

function parseDecimal(input: DecimalInput, what: string): Rational {
  const text = typeof input === "number" ? String(input) : input.trim();
  if (!PLAIN_DECIMAL.test(text)) {
    throw new Error(`${what} must be a non-negative decimal such as "12.5", got ${JSON.stringify(input)}`);
  }
  const [whole = "0", fraction = ""] = text.split(".");
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

function divide(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den, den: a.den * b.num };
}

function compare(a: Rational, b: Rational): number {
  const diff = a.num * b.den - b.num * a.den;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** Rounded half-up to `places`, trailing zeros dropped: 1/3 → "0.3333", 1/10 → "0.1". */
function format(r: Rational, places = 4): string {
  const scale = 10n ** BigInt(places);
  const scaled = r.num * scale;
  let q = scaled / r.den;
  if ((scaled % r.den) * 2n >= r.den) q += 1n;
  const digits = q.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, -places);
  const fraction = digits.slice(-places).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** "0.10" → "10", "0.125" → "12.5", "1" → "100"; done on the digits, so it is exact. */
function toPercent(threshold: string): string {
  const [whole = "0", fraction = ""] = threshold.split(".");
  const padded = fraction.padEnd(2, "0");
  const integerPart = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(2).replace(/0+$/, "");
  return rest === "" ? integerPart : `${integerPart}.${rest}`;
}
