import type { Role } from "@/generated/prisma/enums";

/**
 * Who may do what: the one table every server action, route handler and data function checks
 * (through `authorize`), and the table the authorization matrix test iterates over.
 *
 * Each permission maps roles to the scope in which they hold it:
 * - "any": every record;
 * - "own": records about the actor themself (their account);
 * - "own-unit" / "own-department": records whose unit / department is the actor's.
 * A role not listed does not hold the permission at all.
 */
export type Scope = "any" | "own" | "own-unit" | "own-department";

export const PERMISSIONS = {
  // one's own account
  "account:change-password": { DISTRICT_ADMIN: "own", DEPARTMENT_OFFICER: "own", BUREAU_STAFF: "own", BUREAU_LEADER: "own", SYSTEM_ADMIN: "own", SECURITY_ADMIN: "own", AUDIT_ADMIN: "own" },
  "account:update-email": { DISTRICT_ADMIN: "own", DEPARTMENT_OFFICER: "own", BUREAU_STAFF: "own", BUREAU_LEADER: "own", SYSTEM_ADMIN: "own", SECURITY_ADMIN: "own", AUDIT_ADMIN: "own" },
  "account:manage-totp": { DISTRICT_ADMIN: "own", DEPARTMENT_OFFICER: "own", BUREAU_STAFF: "own", BUREAU_LEADER: "own", SYSTEM_ADMIN: "own", SECURITY_ADMIN: "own", AUDIT_ADMIN: "own" },

  // users: the system administrator runs accounts, the security administrator decides roles
  "user:read": { SYSTEM_ADMIN: "any", SECURITY_ADMIN: "any" },
  "user:create": { SYSTEM_ADMIN: "any" },
  "user:update-profile": { SYSTEM_ADMIN: "any" },
  "user:disable": { SYSTEM_ADMIN: "any", SECURITY_ADMIN: "any" },
  "user:unlock": { SYSTEM_ADMIN: "any", SECURITY_ADMIN: "any" },
  "user:reset-password": { SYSTEM_ADMIN: "any" },
  "user:assign-role": { SECURITY_ADMIN: "any" },
  "user:end-sessions": { SYSTEM_ADMIN: "any", SECURITY_ADMIN: "any" },
  "security-policy:update": { SECURITY_ADMIN: "any" },

  // organisation and policy text
  "unit:manage": { SYSTEM_ADMIN: "any" },
  "department:manage": { SYSTEM_ADMIN: "any" },
  "policy:revise": { SYSTEM_ADMIN: "any" },

  // reporting: units and departments file their own reports; the bureau reviews and publishes
  "cycle:manage": { BUREAU_STAFF: "any", BUREAU_LEADER: "any" },
  "report:read": { DISTRICT_ADMIN: "own-unit", DEPARTMENT_OFFICER: "own-department", BUREAU_STAFF: "any", BUREAU_LEADER: "any" },
  "report:edit": { DISTRICT_ADMIN: "own-unit", DEPARTMENT_OFFICER: "own-department" },
  "report:submit": { DISTRICT_ADMIN: "own-unit", DEPARTMENT_OFFICER: "own-department" },
  "report:review": { BUREAU_STAFF: "any", BUREAU_LEADER: "any" },
  "report:reopen": { BUREAU_STAFF: "any", BUREAU_LEADER: "any" },
  "report:publish": { BUREAU_LEADER: "any" },
  "report:urge": { BUREAU_STAFF: "any", BUREAU_LEADER: "any" },
  "notification:read": { DISTRICT_ADMIN: "own", DEPARTMENT_OFFICER: "own", BUREAU_STAFF: "own", BUREAU_LEADER: "own" },

  // the audit log: read and exported by the audit administrator only
  "audit:read": { AUDIT_ADMIN: "any" },
  "audit:export": { AUDIT_ADMIN: "any" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

export function scopeFor(role: Role, permission: Permission): Scope | undefined {
  return (PERMISSIONS[permission] as Partial<Record<Role, Scope>>)[role];
}

/** "user:create:any"-style strings, for display and documentation. */
export function permissionStrings(role: Role): string[] {
  return (Object.keys(PERMISSIONS) as Permission[]).flatMap((p) => {
    const scope = scopeFor(role, p);
    return scope ? [`${p}:${scope}`] : [];
  });
}
