import "server-only";
import { recordAuditAlone } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { auditActor, type Actor, type RequestContext } from "./actor";
import { scopeFor, type Permission } from "./permissions";

/** What a permission is checked against: the record's owner, derived from the record itself. */
export type ScopeTarget = { userId?: number | null; unitId?: number | null; departmentId?: number | null };

// While restricted, an account may only do what lifts the restriction.
const ALLOWED_WHILE_RESTRICTED: Record<NonNullable<Actor["restriction"]>, Permission[]> = {
  "change-password": ["account:change-password"],
  "enrol-totp": ["account:manage-totp"],
};

/** The decision alone, without side effects: for hiding links and for tests. */
export function decide(actor: Actor | null, permission: Permission, target?: ScopeTarget): "ALLOW" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" {
  if (!actor) return "UNAUTHENTICATED";
  if (actor.restriction && !ALLOWED_WHILE_RESTRICTED[actor.restriction].includes(permission)) return "FORBIDDEN";
  const scope = scopeFor(actor.role, permission);
  if (!scope) return "FORBIDDEN";
  if (scope === "any") return "ALLOW";
  // Scoped permissions need the record: "not yours" is reported as "not found".
  if (!target) return "NOT_FOUND";
  if (scope === "own") return target.userId === actor.userId ? "ALLOW" : "NOT_FOUND";
  if (scope === "own-unit") return actor.unitId !== null && target.unitId === actor.unitId ? "ALLOW" : "NOT_FOUND";
  return actor.departmentId !== null && target.departmentId === actor.departmentId ? "ALLOW" : "NOT_FOUND";
}

export const can = (actor: Actor | null, permission: Permission, target?: ScopeTarget) => decide(actor, permission, target) === "ALLOW";

/**
 * The check every server action, route handler and data function makes. A refusal is written
 * to the audit log (its own transaction: the refused work never starts) and thrown as AppError.
 */
export async function authorize(actor: Actor | null, permission: Permission, context: RequestContext, target?: ScopeTarget & { type?: string; id?: string | number }): Promise<Actor> {
  const decision = decide(actor, permission, target);
  if (decision === "ALLOW") return actor!;
  await recordAuditAlone({
    action: `authz.denied:${permission}`,
    outcome: "DENIED",
    actor: auditActor(actor),
    targetType: target?.type,
    targetId: target?.id,
    unitId: target?.unitId ?? null,
    changes: { decision, restriction: actor?.restriction ?? null },
    ip: context.ip,
    requestId: context.requestId,
  });
  throw new AppError(decision);
}
