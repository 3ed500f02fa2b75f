import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { MessageKey } from "@/i18n/message-files";

// What a cycle asks for, fixed when it is first opened. The bureau ticks measures, and within
// a measure the indicators it wants figures for; nothing ticked means everything, at each level,
// so the common case (the whole opinion, every district and zone) is one click. A ratio is
// computed from its numerator and denominator, so ticking a ratio brings both along.

/** Text the policy actually states: slots whose text our copy lacks cannot be reported on. */
export const REPORTABLE_TEXT = ["FROM_SOURCE", "ENTERED_BY_STAFF"] as const;

export type ScopeChoice = { measureIds: number[]; indicatorIds: number[]; unitIds: number[]; departmentIds: number[] };

export type ResolvedScope = {
  /** in the opinion's order */
  measureIds: number[];
  indicatorIds: number[];
  /** numerators and denominators added because a chosen ratio needs them */
  addedForRatios: number[];
  unitIds: number[];
  /** each department with the measures (in scope) where it holds a duty */
  departments: { id: number; measureIds: number[] }[];
};

const invalid = (field: keyof ScopeChoice, key: MessageKey) => new AppError("VALIDATION", "reportingErrors.fixErrors", { [field]: [key] });

type Client = Pick<Prisma.TransactionClient, "measure" | "indicator" | "unit" | "department">;

export async function resolveScope(tx: Client, choice: ScopeChoice): Promise<ResolvedScope> {
  // One after the other: inside a transaction all queries share one connection.
  const reportable = await tx.measure.findMany({ where: { textStatus: { in: [...REPORTABLE_TEXT] } }, orderBy: { sortOrder: "asc" }, select: { id: true } });
  const reportableIds = new Set(reportable.map((m) => m.id));
  if (choice.measureIds.some((id) => !reportableIds.has(id))) throw invalid("measureIds", "reportingErrors.measureNotReportable");
  const chosenMeasures = new Set(choice.measureIds);
  const measureIds = chosenMeasures.size ? reportable.filter((m) => chosenMeasures.has(m.id)).map((m) => m.id) : reportable.map((m) => m.id);

  const indicators = await tx.indicator.findMany({
    where: { measureId: { in: measureIds } },
    select: { id: true, measureId: true, numeratorId: true, denominatorId: true },
  });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  if (choice.indicatorIds.some((id) => !byId.has(id))) throw invalid("indicatorIds", "reportingErrors.indicatorOutsideScope");
  const chosen = new Set(choice.indicatorIds);
  const measuresNarrowed = new Set(choice.indicatorIds.map((id) => byId.get(id)!.measureId));
  const inScope = new Set(indicators.filter((i) => !measuresNarrowed.has(i.measureId) || chosen.has(i.id)).map((i) => i.id));
  const addedForRatios: number[] = [];
  for (const id of [...inScope]) {
    const indicator = byId.get(id)!;
    for (const part of [indicator.numeratorId, indicator.denominatorId]) {
      if (part !== null && !inScope.has(part)) {
        inScope.add(part);
        addedForRatios.push(part);
      }
    }
  }

  const reportingUnits = await tx.unit.findMany({ where: { isReporting: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } });
  const unitIds = pick(reportingUnits.map((u) => u.id), choice.unitIds);
  if (!unitIds) throw invalid("unitIds", "reportingErrors.unitNotReporting");

  const departments = await dutyHolders(tx, measureIds);
  const departmentIds = pick(departments.map((d) => d.id), choice.departmentIds);
  if (!departmentIds) throw invalid("departmentIds", "reportingErrors.departmentWithoutDuty");
  const keep = new Set(departmentIds);

  return {
    measureIds,
    indicatorIds: [...inScope].sort((a, b) => a - b),
    addedForRatios: addedForRatios.sort((a, b) => a - b),
    unitIds,
    departments: departments.filter((d) => keep.has(d.id)),
  };
}

/** The departments holding a duty in one of the measures, each with those measures in order. */
export async function dutyHolders(tx: Pick<Prisma.TransactionClient, "department">, measureIds: number[]) {
  const rows = await tx.department.findMany({
    where: { active: true, duties: { some: { assignee: "DEPARTMENT", measureId: { in: measureIds } } } },
    orderBy: { code: "asc" },
    select: { id: true, duties: { where: { assignee: "DEPARTMENT", measureId: { in: measureIds } }, select: { measureId: true } } },
  });
  return rows.map((d) => {
    const own = new Set(d.duties.map((x) => x.measureId));
    return { id: d.id, measureIds: measureIds.filter((m) => own.has(m)) };
  });
}

/** The chosen subset of `allowed` (in its order), all of it when nothing is chosen, null when a choice is not allowed. */
function pick(allowed: number[], chosen: number[]): number[] | null {
  if (!chosen.length) return allowed;
  const allowedSet = new Set(allowed);
  if (chosen.some((id) => !allowedSet.has(id))) return null;
  const wanted = new Set(chosen);
  return allowed.filter((id) => wanted.has(id));
}
