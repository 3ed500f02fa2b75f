import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { auditActor, type Actor, type RequestContext } from "@/server/auth/actor";
import { authorize, type ScopeTarget } from "@/server/auth/authorize";
import { scopeFor, type Permission } from "@/server/auth/permissions";
import { recordAudit, type AuditEntry } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { requestLogger } from "@/server/logger";
import type { ActionResult } from "@/shared/action-result";
import type { MessageKey } from "@/i18n/message-files";

export type { ActionResult };

export type ScopedRecord = ScopeTarget & { type: string; id: string | number };

export type ActionContext = {
  actor: Actor;
  context: RequestContext;
  /** writes this action's audit row inside `tx`, the transaction of the change */
  audit: (tx: Prisma.TransactionClient, entry: Omit<AuditEntry, "actor" | "ip" | "requestId" | "outcome" | "action"> & { action?: string }) => Promise<void>;
};

export type ActionSpec<S extends z.ZodType = z.ZodType, T = unknown> = {
  /** "user.create": also the audit action name */
  name: string;
  permission: Permission;
  input: S;
  /**
   * Loads the record the action works on and returns who owns it, so scope is checked against
   * the record, never against ids the client sends. null: no such record (→ NOT_FOUND).
   * Actions on one's own account load the actor's own user row: `(_, actor) => …actor.userId`.
   */
  target?: (input: z.infer<S>, actor: Actor | null) => Promise<ScopedRecord | null>;
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<T>;
};

const registry = new Map<string, ActionSpec>();

/** Declares an action; every action is registered, so tests can iterate over all of them. */
export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): ActionSpec<S, T> {
  // Two actions of one name would make the audit trail ambiguous. In development a hot reload
  // evaluates the same module again: that replaces the entry rather than adding a second.
  if (registry.has(spec.name) && process.env.NODE_ENV !== "development") throw new Error(`action ${spec.name} is defined twice`);
  registry.set(spec.name, spec as unknown as ActionSpec);
  return spec;
}

export const registeredActions = (): ActionSpec[] => [...registry.values()];

/** FormData → plain object; a name given several times becomes an array. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** Echoed back on a validation error so the form keeps what was typed; secrets are never echoed. */
function safeValues(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k, v]) => typeof v === "string" && !/password|secret|recovery/i.test(k)));
}

/**
 * The pipeline every action goes through, whoever calls it (a server action, a route handler,
 * a test): validate → load the record → authorize (denials audited) → run (writes its own
 * audit row in its transaction) → map errors to values.
 */
export async function executeAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  actor: Actor | null,
  context: RequestContext,
  raw: unknown,
): Promise<ActionResult<T>> {
  const rawObject = raw instanceof FormData ? formDataToObject(raw) : ((raw ?? {}) as Record<string, unknown>);
  try {
    if (!actor) {
      await authorize(null, spec.permission, context);
    }
    const parsed = spec.input.safeParse(rawObject);
    if (!parsed.success) {
      const fieldErrors: Record<string, MessageKey[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_form";
        // the input schemas give message keys as their messages (zod types them as strings)
        (fieldErrors[key] ??= []).push(issue.message as MessageKey);
      }
      return { ok: false, code: "VALIDATION", messageKey: "errors.VALIDATION", fieldErrors, values: safeValues(rawObject) };
    }
    const input = parsed.data;
    const target = spec.target ? await spec.target(input, actor) : undefined;
    if (spec.target && !target) {
      // No such record. A role without the permission is still told "forbidden" (and audited);
      // one that holds it learns only "not found".
      if (!actor || !scopeFor(actor.role, spec.permission)) await authorize(actor, spec.permission, context);
      throw new AppError("NOT_FOUND");
    }
    const allowed = await authorize(actor, spec.permission, context, target ?? undefined);
    const data = await spec.run(input, {
      actor: allowed,
      context,
      audit: (tx, entry) =>
        recordAudit(tx, { ...entry, action: entry.action ?? spec.name, outcome: "SUCCESS", actor: auditActor(allowed), ip: context.ip, requestId: context.requestId }),
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors, values: safeValues(rawObject) };
    }
    if (isUniqueViolation(error)) return { ok: false, code: "CONFLICT", messageKey: "errors.CONFLICT", values: safeValues(rawObject) };
    requestLogger(context.requestId).error({ action: spec.name, err: error }, "action failed");
    return { ok: false, code: "UNEXPECTED", messageKey: "errors.UNEXPECTED", values: safeValues(rawObject) };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
