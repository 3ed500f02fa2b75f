import type { Role } from "@/generated/prisma/enums";

export const ROLES = ["DISTRICT_ADMIN", "DEPARTMENT_OFFICER", "BUREAU_STAFF", "BUREAU_LEADER", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];

/** The three administrators (三权分立): separate roles, none can grant itself another's powers. */
export const ADMINISTRATOR_ROLES: readonly Role[] = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"];

export const isAdministrator = (role: Role) => ADMINISTRATOR_ROLES.includes(role);

/** What scope a role's account must carry: a district administrator acts for one unit, etc. */
export function requiredScope(role: Role): "unit" | "department" | null {
  if (role === "DISTRICT_ADMIN") return "unit";
  if (role === "DEPARTMENT_OFFICER") return "department";
  return null;
}
