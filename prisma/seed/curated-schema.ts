/**
 * Schema and loader for prisma/seed-data/curated-policy.json: the departments, duties,
 * indicators and targets hand-curated from the Anshan 2017 implementation opinion.
 *
 * Pure on purpose (no Node built-ins, no "server-only"): the seed script, server pages and
 * unit tests all load the same file through the same checks.
 */
import { z } from "zod";

/** Our copy of the opinion starts at measure 15; measures 1–14 do not exist here. */
export const MEASURE_KEYS = [
  "M15",
  "M16",
  "M17",
  "M18",
  "M19",
  "M20",
  "M21",
  "M22",
  "S1",
  "S2",
  "S3",
  "S4",
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface ParsedMeasureKey {
  kind: "MEASURE" | "SAFEGUARD";
  number: number;
}

/** "M20" → numbered measure 20; "S1" → safeguard (一). Throws on anything else. */
export function parseMeasureKey(key: string): ParsedMeasureKey {
  const match = /^([MS])([1-9][0-9]*)$/.exec(key);
  if (!match) {
    throw new Error(`Not a measure key: ${JSON.stringify(key)} (expected "M<number>" or "S<number>")`);
  }
  return { kind: match[1] === "M" ? "MEASURE" : "SAFEGUARD", number: Number(match[2]) };
}

export function isKnownMeasureKey(key: string): key is MeasureKey {
  return (MEASURE_KEYS as readonly string[]).includes(key);
}

const nonEmpty = z.string().min(1);
// Counted in code points so a CJK summary is measured in characters, not UTF-16 units.
const maxChars = (max: number) =>
  nonEmpty.refine((s) => [...s].length <= max, { message: `must be at most ${max} characters` });
const upperSnake = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, { message: "must be UPPER_SNAKE_CASE" });
/** National Bureau of Statistics county-level code, e.g. 210381 (海城市). */
const unitCode = z.string().regex(/^[0-9]{6}$/, { message: "must be a 6-digit statistical code" });
/** Kept as a string so thresholds never pass through binary floating point. */
export const DECIMAL_STRING = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const decimalString = z
  .string()
  .regex(DECIMAL_STRING, { message: 'must be a non-negative decimal string such as "0.10"' });
const measureKey = z.enum(MEASURE_KEYS, {
  error: (issue) => `unknown measure key ${JSON.stringify(issue.input)} (known: ${MEASURE_KEYS.join(", ")})`,
});

export const curatedDepartmentSchema = z
  .object({
    code: upperSnake,
    nameZh: nonEmpty,
    nameEn: nonEmpty,
    kind: z.enum(["GOVERNMENT_DEPARTMENT", "SUPERVISION_BODY", "MASS_ORGANISATION"]),
    /** The exact forms the source text uses for this body. */
    aliasesZh: z.array(nonEmpty).min(1),
  })
  .strict();

export const curatedAssigneeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("DEPARTMENT"), department: upperSnake }).strict(),
  /** 各县(市)区人民政府、各开发区管委会: every county-level reporting unit. */
  z.object({ type: z.literal("ALL_REPORTING_UNITS") }).strict(),
  z.object({ type: z.literal("UNITS"), unitCodes: z.array(unitCode).min(1) }).strict(),
]);

export const curatedDutySchema = z
  .object({
    code: z.string().regex(/^[MS][0-9]+-D[0-9]{2}$/, { message: 'must look like "M22-D03"' }),
    measure: measureKey,
    assignee: curatedAssigneeSchema,
    role: z.enum(["LEAD", "COOPERATING"]),
    summaryZh: maxChars(60),
    summaryEn: maxChars(120),
    /** Copied character for character from the source text; the unit test enforces this. */
    sourceQuote: nonEmpty,
    note: nonEmpty.nullable(),
  })
  .strict();

export const curatedIndicatorSchema = z
  .object({
    code: upperSnake,
    measure: measureKey,
    nameZh: nonEmpty,
    nameEn: nonEmpty,
    valueType: z.enum(["COUNT", "AMOUNT", "BOOLEAN", "RATIO"]),
    unitOfMeasureZh: nonEmpty.nullable(),
    unitOfMeasureEn: nonEmpty.nullable(),
    scope: z.enum(["UNIT", "TOWNSHIP"]),
    /** Only on RATIO indicators, which are always computed from these two, never typed in. */
    numerator: upperSnake.nullable(),
    denominator: upperSnake.nullable(),
    descriptionZh: nonEmpty,
    descriptionEn: nonEmpty,
  })
  .strict();

export const curatedTargetSchema = z
  .object({
    code: z.string().regex(/^[MS][0-9]+-T[0-9]+$/, { message: 'must look like "M20-T1"' }),
    measure: measureKey,
    titleZh: nonEmpty,
    titleEn: nonEmpty,
    kind: z.enum(["RATIO_THRESHOLD", "COMPARISON", "COVERAGE", "TREND", "QUALITATIVE"]),
    indicator: upperSnake.nullable(),
    /**
     * For per-township COVERAGE: a BOOLEAN township indicator selecting the townships the
     * target applies to (e.g. "has a need for a turnover dormitory"); null otherwise.
     */
    conditionIndicator: upperSnake.nullable(),
    comparator: z.enum(["GTE", "LTE", "EQ", "INCREASING"]).nullable(),
    threshold: decimalString.nullable(),
    period: z.enum(["EACH_SCHOOL_YEAR", "BY_DUE_DATE", "CONTINUOUS"]),
    dueDate: z.iso.date().nullable(),
    scope: z.enum(["PER_UNIT", "PER_TOWNSHIP", "CITY_WIDE"]),
    /** PER_UNIT targets that bind only some units (e.g. measure 21's three counties); null = all. */
    unitCodes: z.array(unitCode).min(1).nullable(),
    sourceQuote: nonEmpty,
    evaluationNoteZh: nonEmpty.nullable(),
    evaluationNoteEn: nonEmpty.nullable(),
  })
  .strict();

export const curatedSourceSchema = z
  .object({
    file: nonEmpty,
    issuerZh: nonEmpty,
    issuerEn: nonEmpty,
    issuedOn: z.iso.date(),
    coverageNoteEn: nonEmpty,
  })
  .strict();

export const curatedPolicySchema = z
  .object({
    source: curatedSourceSchema,
    departments: z.array(curatedDepartmentSchema).min(1),
    duties: z.array(curatedDutySchema).min(1),
    indicators: z.array(curatedIndicatorSchema),
    targets: z.array(curatedTargetSchema),
  })
  .strict();

export type CuratedPolicy = z.infer<typeof curatedPolicySchema>;
export type CuratedDepartment = z.infer<typeof curatedDepartmentSchema>;
export type CuratedAssignee = z.infer<typeof curatedAssigneeSchema>;
export type CuratedDuty = z.infer<typeof curatedDutySchema>;
export type CuratedIndicator = z.infer<typeof curatedIndicatorSchema>;
export type CuratedTarget = z.infer<typeof curatedTargetSchema>;

/**
 * Parses the curated JSON and cross-checks it. Throws one Error listing every problem found,
 * so a reviewer fixing the file sees them all at once rather than one per run.
 */
export function loadCuratedPolicy(json: unknown): CuratedPolicy {
  const parsed = curatedPolicySchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${describePath(json, issue.path)}: ${issue.message}`);
    throw new Error(`Invalid curated policy (schema):\n- ${lines.join("\n- ")}`);
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) {
    throw new Error(`Invalid curated policy (cross-references):\n- ${problems.join("\n- ")}`);
  }
  return parsed.data;
}

/** Entries whose sourceQuote is not found verbatim in the source text, as "CODE: quote". */
export function findUnquotedEntries(policy: CuratedPolicy, sourceText: string): string[] {
  return [...policy.duties, ...policy.targets]
    .filter((entry) => !sourceText.includes(entry.sourceQuote))
    .map((entry) => `${entry.code}: ${entry.sourceQuote}`);
}

// "duties[3] (M17-D01).assignee.department" reads better than a bare index path.
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  let out = "";
  let node: unknown = json;
  for (const key of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const code = isRecord(node) && typeof node.code === "string" ? ` (${node.code})` : "";
      out += `[${key}]${code}`;
    } else {
      out += out === "" ? String(key) : `.${String(key)}`;
    }
  }
  return out === "" ? "(root)" : out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) dupes.add(value);
    seen.add(value);
  }
  return [...dupes];
}

function crossCheck(policy: CuratedPolicy): string[] {
  const problems: string[] = [];
  const report = (message: string) => problems.push(message);

  for (const [what, codes] of [
    ["department", policy.departments.map((d) => d.code)],
    ["duty", policy.duties.map((d) => d.code)],
    ["indicator", policy.indicators.map((i) => i.code)],
    ["target", policy.targets.map((t) => t.code)],
  ] as const) {
    for (const code of duplicates(codes)) report(`duplicate ${what} code ${code}`);
  }

  const aliasOwners = new Map<string, string[]>();
  for (const dept of policy.departments) {
    for (const alias of new Set(dept.aliasesZh)) {
      aliasOwners.set(alias, [...(aliasOwners.get(alias) ?? []), dept.code]);
    }
    for (const alias of duplicates(dept.aliasesZh)) report(`department ${dept.code}: alias ${alias} listed twice`);
  }
  for (const [alias, owners] of aliasOwners) {
    if (owners.length > 1) report(`alias ${alias} is claimed by several departments: ${owners.join(", ")}`);
  }

  const departmentCodes = new Set(policy.departments.map((d) => d.code));
  const assigned = new Set<string>();
  for (const duty of policy.duties) {
    if (!duty.code.startsWith(`${duty.measure}-`)) {
      report(`duty ${duty.code}: code does not start with its measure ${duty.measure}`);
    }
    const assignee = duty.assignee;
    if (assignee.type === "DEPARTMENT") {
      assigned.add(assignee.department);
      if (!departmentCodes.has(assignee.department)) {
        report(`duty ${duty.code}: unknown department code ${assignee.department}`);
      }
    } else if (assignee.type === "UNITS") {
      for (const code of duplicates(assignee.unitCodes)) report(`duty ${duty.code}: unit ${code} listed twice`);
    }
  }
  // The list is meant to hold the bodies the text gives a duty, so an idle one is a curation slip.
  for (const code of departmentCodes) {
    if (!assigned.has(code)) report(`department ${code} has no duty`);
  }

  const indicators = new Map(policy.indicators.map((i) => [i.code, i]));
  for (const ind of policy.indicators) {
    const where = `indicator ${ind.code}`;
    if (!ind.code.startsWith(`${ind.measure}_`)) report(`${where}: code does not start with its measure ${ind.measure}_`);
    if ((ind.unitOfMeasureZh === null) !== (ind.unitOfMeasureEn === null)) {
      report(`${where}: unitOfMeasureZh and unitOfMeasureEn must both be set or both be null`);
    }
    const hasUnit = ind.unitOfMeasureZh !== null || ind.unitOfMeasureEn !== null;
    if (ind.valueType === "RATIO") {
      if (hasUnit) report(`${where}: a RATIO has no unit of measure`);
      if (ind.numerator === null) report(`${where}: RATIO without numerator`);
      if (ind.denominator === null) report(`${where}: RATIO without denominator`);
      if (ind.numerator !== null && ind.numerator === ind.denominator) {
        report(`${where}: numerator and denominator are the same indicator`);
      }
      const parts = [ind.numerator, ind.denominator].map((code) => (code === null ? undefined : indicators.get(code)));
      for (const [role, code, part] of [
        ["numerator", ind.numerator, parts[0]],
        ["denominator", ind.denominator, parts[1]],
      ] as const) {
        if (code === null) continue;
        if (part === undefined) {
          report(`${where}: ${role} ${code} is not a known indicator`);
        } else if (part.valueType !== "COUNT" && part.valueType !== "AMOUNT") {
          report(`${where}: ${role} ${code} must be a COUNT or AMOUNT, not ${part.valueType}`);
        } else if (part.scope !== ind.scope) {
          report(`${where}: ${role} ${code} has scope ${part.scope}, the ratio has ${ind.scope}`);
        }
      }
      const [num, den] = parts;
      if (num && den && num.unitOfMeasureEn !== den.unitOfMeasureEn) {
        report(`${where}: numerator and denominator are in different units (${num.unitOfMeasureEn} vs ${den.unitOfMeasureEn})`);
      }
    } else {
      if (ind.numerator !== null || ind.denominator !== null) {
        report(`${where}: numerator/denominator are only allowed on a RATIO, not on ${ind.valueType}`);
      }
      if (ind.valueType === "BOOLEAN" && hasUnit) report(`${where}: a BOOLEAN has no unit of measure`);
      if ((ind.valueType === "COUNT" || ind.valueType === "AMOUNT") && !hasUnit) {
        report(`${where}: a ${ind.valueType} needs a unit of measure`);
      }
    }
  }

  for (const target of policy.targets) {
    problems.push(...checkTarget(target, indicators));
  }
  return problems;
}

function checkTarget(target: CuratedTarget, indicators: ReadonlyMap<string, CuratedIndicator>): string[] {
  const problems: string[] = [];
  const where = `target ${target.code}`;
  const report = (message: string) => problems.push(`${where}: ${message}`);

  if (!target.code.startsWith(`${target.measure}-`)) report(`code does not start with its measure ${target.measure}`);
  if ((target.period === "BY_DUE_DATE") !== (target.dueDate !== null)) {
    report("a dueDate is required exactly when period is BY_DUE_DATE");
  }
  if (target.unitCodes !== null && target.scope !== "PER_UNIT") report("unitCodes only apply to PER_UNIT targets");
  if ((target.evaluationNoteZh === null) !== (target.evaluationNoteEn === null)) {
    report("evaluationNoteZh and evaluationNoteEn must both be set or both be null");
  }

  const indicator = target.indicator === null ? undefined : indicators.get(target.indicator);
  if (target.indicator !== null && indicator === undefined) report(`unknown indicator ${target.indicator}`);
  const condition = target.conditionIndicator === null ? undefined : indicators.get(target.conditionIndicator);
  if (target.conditionIndicator !== null && condition === undefined) {
    report(`unknown condition indicator ${target.conditionIndicator}`);
  }

  const needsNumericRule = target.kind === "RATIO_THRESHOLD" || target.kind === "COMPARISON" || target.kind === "COVERAGE";
  if (needsNumericRule) {
    if (target.indicator === null) report(`a ${target.kind} target needs an indicator`);
    if (target.threshold === null) report(`a ${target.kind} target needs a threshold`);
    if (target.comparator === null || target.comparator === "INCREASING") {
      report(`a ${target.kind} target needs comparator GTE, LTE or EQ`);
    }
  }

  switch (target.kind) {
    case "RATIO_THRESHOLD":
    case "COMPARISON":
      if (indicator && indicator.valueType !== "RATIO") report(`indicator ${indicator.code} must be a RATIO`);
      if (target.conditionIndicator !== null) report(`conditionIndicator is only for per-township COVERAGE`);
      break;
    case "COVERAGE":
      if (target.threshold !== null && !/^1(\.0+)?$/.test(target.threshold)) {
        report(`a COVERAGE target means 100 %, so its threshold must be "1", not "${target.threshold}"`);
      }
      if (target.comparator === "LTE") report("a COVERAGE target cannot use LTE");
      if (target.scope === "PER_TOWNSHIP") {
        if (indicator && (indicator.valueType !== "BOOLEAN" || indicator.scope !== "TOWNSHIP")) {
          report(`a PER_TOWNSHIP COVERAGE needs a BOOLEAN TOWNSHIP indicator, ${indicator.code} is not`);
        }
        if (target.conditionIndicator === null) report("a PER_TOWNSHIP COVERAGE needs a conditionIndicator");
        if (condition && (condition.valueType !== "BOOLEAN" || condition.scope !== "TOWNSHIP")) {
          report(`conditionIndicator ${condition.code} must be a BOOLEAN TOWNSHIP indicator`);
        }
      } else {
        if (indicator && indicator.valueType !== "RATIO") report(`indicator ${indicator.code} must be a RATIO`);
        if (target.conditionIndicator !== null) report("conditionIndicator is only for PER_TOWNSHIP coverage");
      }
      break;
    case "TREND":
      if (target.indicator === null) report("a TREND target needs an indicator");
      if (indicator && indicator.valueType === "BOOLEAN") report(`a TREND cannot follow BOOLEAN ${indicator.code}`);
      if (target.comparator !== "INCREASING") report("a TREND target needs comparator INCREASING");
      if (target.threshold !== null) report("a TREND target has no threshold");
      if (target.conditionIndicator !== null) report("conditionIndicator is only for per-township COVERAGE");
      if (target.evaluationNoteEn === null) report("a TREND target needs evaluation notes");
      break;
    case "QUALITATIVE":
      if (target.indicator !== null) report("a QUALITATIVE target has no indicator");
      if (target.conditionIndicator !== null) report("a QUALITATIVE target has no conditionIndicator");
      if (target.comparator !== null) report("a QUALITATIVE target has no comparator");
      if (target.threshold !== null) report("a QUALITATIVE target has no threshold");
      if (target.evaluationNoteEn === null) report("a QUALITATIVE target needs evaluation notes");
      break;
  }
  if (target.scope === "PER_TOWNSHIP" && target.kind !== "COVERAGE") {
    report("only COVERAGE targets can be PER_TOWNSHIP");
  }
  return problems;
}
