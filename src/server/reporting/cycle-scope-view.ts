import "server-only";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { managedCycleId } from "./cycle-queries";
import { missingReporters } from "./cycles";

/**
 * What an open cycle asks for, as its page shows it: the measures in scope with the indicators
 * chosen for each, and who could still be added (reporting units and duty-holding departments
 * without a report in it).
 */
export async function getCycleScope(actor: Actor | null, context: RequestContext, cycleId: number) {
  const id = await managedCycleId(actor, context, cycleId);
  if (id === null) return null;
  const cycle = await db().reportingCycle.findUnique({
    where: { id },
    select: {
      status: true,
      measures: { orderBy: { measure: { sortOrder: "asc" } }, select: { measure: { select: { id: true, kind: true, number: true, label: true, titleZh: true, titleEn: true } } } },
      indicators: { orderBy: { indicator: { sortOrder: "asc" } }, select: { indicator: { select: { id: true, measureId: true, nameZh: true, nameEn: true } } } },
    },
  });
  if (!cycle) return null;
  const measureIds = cycle.measures.map((m) => m.measure.id);
  const missing = cycle.status === "OPEN" ? await missingReporters(db(), id, measureIds) : null;
  const [units, departments] = missing
    ? await Promise.all([
        db().unit.findMany({ where: { id: { in: missing.unitIds } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, nameZh: true, nameEn: true } }),
        db().department.findMany({ where: { id: { in: missing.departments.map((d) => d.id) } }, orderBy: { code: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
      ])
    : [[], []];
  return {
    measures: cycle.measures.map(({ measure }) => ({ ...measure, indicators: cycle.indicators.map((c) => c.indicator).filter((i) => i.measureId === measure.id) })),
    addableUnits: units,
    addableDepartments: departments,
  };
}
