import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { isAdministrator } from "@/shared/roles";

export type SecurityPolicy = Awaited<ReturnType<typeof getSecurityPolicy>>;

/** The single policy row (created by the migration). */
export async function getSecurityPolicy() {
  return db().securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
}

export const idleTimeoutMs = (policy: SecurityPolicy, role: Role) =>
  (isAdministrator(role) ? policy.adminIdleTimeoutMinutes : policy.idleTimeoutMinutes) * 60_000;

export const absoluteLifetimeMs = (policy: SecurityPolicy) => policy.absoluteLifetimeHours * 3_600_000;

export const totpRequired = (policy: SecurityPolicy, role: Role) => policy.totpRequiredRoles.includes(role);

/** Administrator passwords expire; others do not (a policy choice of the issue, kept in one place). */
export function passwordExpired(policy: SecurityPolicy, role: Role, passwordChangedAt: Date, now: Date): boolean {
  return isAdministrator(role) && now.getTime() - passwordChangedAt.getTime() > policy.adminPasswordMaxAgeDays * 86_400_000;
}
