import "server-only";
import { db } from "@/server/db/client";
import { recordAudit, type AuditEntry } from "./append-audit";

export { recordAudit, type AuditActor, type AuditEntry } from "./append-audit";

/** For events with no other write to join: denials, failed sign-ins, exports. */
export async function recordAuditAlone(entry: AuditEntry): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, entry));
}

/** Before → after for the fields that changed, for the audit row and revision history. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}
