import "server-only";
import { can } from "@/server/auth/authorize";
import { getCurrentActor } from "@/server/auth/current-actor";
import { permissionStrings, type Permission } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import type { Messages } from "@/i18n/message-files";

// The areas of the portal, each shown to those who hold its permission. Showing a link is a
// courtesy: every page and action behind it checks again.
const AREAS: { key: keyof Messages["workspace"]["links"]; href: string; permission: Permission }[] = [
  { key: "users", href: "/admin/users", permission: "user:read" },
  { key: "securityPolicy", href: "/admin/security-policy", permission: "security-policy:update" },
  { key: "units", href: "/admin/units", permission: "unit:manage" },
  { key: "departments", href: "/admin/departments", permission: "department:manage" },
  { key: "measures", href: "/admin/measures", permission: "policy:revise" },
  { key: "audit", href: "/admin/audit", permission: "audit:read" },
  { key: "reports", href: "/reports", permission: "report:edit" },
  { key: "review", href: "/review", permission: "report:review" },
  { key: "cycles", href: "/cycles", permission: "cycle:manage" },
];

export async function getWorkspace() {
  const actor = await getCurrentActor();
  if (!actor) return { kind: "signed-out" as const };
  if (actor.restriction) {
    return { kind: "restricted" as const, redirectTo: actor.restriction === "change-password" ? "/account/password" : "/account/two-factor" };
  }
  const scope = actor.unitId
    ? await db().unit.findUnique({ where: { id: actor.unitId }, select: { nameZh: true, nameEn: true } })
    : actor.departmentId
      ? await db().department.findUnique({ where: { id: actor.departmentId }, select: { nameZh: true, nameEn: true } })
      : null;
  const own = { userId: actor.userId, unitId: actor.unitId, departmentId: actor.departmentId };
  return {
    kind: "ready" as const,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    scope: scope ? { nameZh: scope.nameZh, nameEn: scope.nameEn ?? scope.nameZh } : null,
    // Scoped permissions (report:edit is own-unit) are asked about the actor's own records.
    links: AREAS.filter((area) => can(actor, area.permission, own)).map(({ key, href }) => ({ key, href })),
    permissions: permissionStrings(actor.role),
  };
}
