import type { Role } from "@/generated/prisma/enums";

/**
 * The signed-in user as the server sees them, resolved from the server-side session record on
 * every request. `restriction` is set while the account must first change its password or
 * enrol two-factor authentication: until then it may do nothing else.
 */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  departmentId: number | null;
  sessionId: string;
  restriction: "change-password" | "enrol-totp" | null;
};

/** Where a request came from, for the audit log and rate limits. */
export type RequestContext = { ip: string | null; requestId: string | null; userAgent: string | null };

export const auditActor = (actor: Actor | null) => (actor ? { userId: actor.userId, username: actor.username, role: actor.role } : null);
