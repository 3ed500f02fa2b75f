import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/actions/define-action";
import { diffFields } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { parseRecordId, recordIdField } from "@/shared/record-id";
import type { MessageKey } from "@/i18n/message-files";

/** A unit as its public and admin pages describe it. */
export const unitFields = { id: true, code: true, statCode: true, nameZh: true, nameEn: true, kind: true, townshipType: true, isReporting: true, active: true } as const;

/** A department as its public and admin pages describe it. */
export const departmentFields = { id: true, code: true, nameZh: true, nameEn: true, kind: true, aliasesZh: true, active: true } as const;

/** The record an action works on, from a form's hidden field; anything else is "no such record". */
export const recordId = recordIdField("adminOrg.noSuchRecord");

/** A record id as `target` sees it: the input may come from anywhere, so never trust its shape. */
export function idOf(input: unknown): number | null {
  return parseRecordId((input as { id?: unknown } | null)?.id);
}

export const requiredText = (max: number, requiredKey: string, tooLongKey: string) =>
  z.string({ error: requiredKey }).trim().min(1, requiredKey).max(max, tooLongKey);

/** An optional text field: a blank form field means "none". */
export const optionalText = (max: number, tooLongKey: string) =>
  z
    .string()
    .trim()
    .max(max, tooLongKey)
    .optional()
    .transform((value) => (value ? value : null));

/** Why an organisational record changed: required, so that its history explains itself. */
export const changeReason = z.string({ error: "adminOrg.reasonRequired" }).trim().min(2, "adminOrg.reasonRequired").max(500, "adminOrg.reasonTooLong");

export const fieldError = (field: string, key: MessageKey) => new AppError("VALIDATION", "errors.VALIDATION", { [field]: [key] });

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export const codeTaken = () => fieldError("code", "adminOrg.codeTaken");

/**
 * Creates a record whose code must be new. `create` checks first, for the usual case; two
 * administrators adding the same code at once meet the unique index, and the loser gets the
 * same field error.
 */
export async function createWithNewCode<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Every field a new record has a value for, as a change from nothing. */
export const creationChanges = (after: Record<string, unknown>): FieldChanges =>
  Object.fromEntries(Object.entries(after).flatMap(([key, value]) => (value === null || value === undefined ? [] : [[key, { before: null, after: value }]])));

export type EntityType = "Unit" | "Department";

/**
 * One change to a unit or department, inside the change's transaction: the revision its admin
 * page shows as history, and the audit row (a unit's also names the unit, for the audit filter).
 */
export async function recordChange(
  tx: Prisma.TransactionClient,
  { actor, audit }: Pick<ActionContext, "actor" | "audit">,
  entry: { entityType: EntityType; entityId: number; changes: FieldChanges; reason: string | null },
) {
  const { entityType, entityId, changes, reason } = entry;
  await tx.entityRevision.create({
    data: { entityType, entityId, changes: changes as Prisma.InputJsonValue, reason, actorId: actor.userId },
  });
  await audit(tx, { targetType: entityType, targetId: entityId, ...(entityType === "Unit" ? { unitId: entityId } : {}), changes: { ...changes, reason } });
}

/**
 * A rename: refused as a field error when no name changes; otherwise `write` stores `after` and
 * the change is recorded (revision and audit row) with its reason.
 */
export async function applyRename<T extends Record<string, unknown>>(
  tx: Prisma.TransactionClient,
  ctx: Pick<ActionContext, "actor" | "audit">,
  entry: { entityType: EntityType; entityId: number; reason: string },
  before: T,
  after: Partial<T>,
  write: () => Promise<unknown>,
) {
  const changes = diffFields(before, after);
  if (Object.keys(changes).length === 0) throw fieldError("nameZh", "adminOrg.nothingChanged");
  await write();
  await recordChange(tx, ctx, { ...entry, changes });
  return { id: entry.entityId };
}

export type HistoryEntry = { id: number; at: Date; reason: string | null; changes: FieldChanges; actor: { username: string; displayName: string } | null };

/** A record's revisions, newest first, with who made them (one query for the names). */
export async function historyOf(entityType: EntityType, entityId: number): Promise<HistoryEntry[]> {
  const rows = await db().entityRevision.findMany({
    where: { entityType, entityId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, at: true, reason: true, changes: true, actorId: true },
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])))];
  const actors = actorIds.length
    ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, username: true, displayName: true } })
    : [];
  const byId = new Map(actors.map((a) => [a.id, { username: a.username, displayName: a.displayName }]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    reason: r.reason,
    changes: (r.changes ?? {}) as FieldChanges,
    actor: r.actorId === null ? null : (byId.get(r.actorId) ?? null),
  }));
}
