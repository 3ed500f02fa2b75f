import "server-only";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { REPORTABLE_TEXT } from "./cycle-scope";

/**
 * What a cycle may cover, for the form that opens it: measures with text, each with its
 * indicators (a ratio names the figures it is computed from), active reporting units, and the
 * departments with duties, each with the measures those duties sit in.
 */
export async function getCycleScopeOptions(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "cycle:manage", context);
  const [measures, units, departments] = await Promise.all([
    db().measure.findMany({
      where: { textStatus: { in: [...REPORTABLE_TEXT] } },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        kind: true,
        number: true,
        label: true,
        titleZh: true,
        titleEn: true,
        indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true, valueType: true, scope: true, numeratorId: true, denominatorId: true } },
      },
    }),
    db().unit.findMany({ where: { isReporting: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, nameZh: true, nameEn: true } }),
    db().department.findMany({
      where: { active: true, duties: { some: { assignee: "DEPARTMENT", measure: { textStatus: { in: [...REPORTABLE_TEXT] } } } } },
      orderBy: { code: "asc" },
      select: { id: true, nameZh: true, nameEn: true, duties: { where: { assignee: "DEPARTMENT" }, select: { measureId: true } } },
    }),
  ]);
  return {
    measures,
    units,
    departments: departments.map((d) => ({ id: d.id, nameZh: d.nameZh, nameEn: d.nameEn, measureIds: [...new Set(d.duties.map((x) => x.measureId))] })),
  };
}

export type CycleScopeOptions = Awaited<ReturnType<typeof getCycleScopeOptions>>;
