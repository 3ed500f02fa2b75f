import "server-only";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";

/** What a cycle may cover, for the form that opens it: measures with text, active reporting units. */
export async function getCycleScopeOptions(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "cycle:manage", context);
  const [measures, units] = await Promise.all([
    db().measure.findMany({
      where: { textStatus: { in: ["FROM_SOURCE", "ENTERED_BY_STAFF"] } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, kind: true, number: true, label: true, titleZh: true, titleEn: true },
    }),
    db().unit.findMany({ where: { isReporting: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  return { measures, units };
}
