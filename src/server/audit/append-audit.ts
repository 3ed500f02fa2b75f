import type { Prisma } from "@/generated/prisma/client";
import type { AuditOutcome } from "@/generated/prisma/enums";
import { GENESIS_HASH, hashAuditRow } from "./hash-chain";

// Appending to the audit log needs only the transaction it joins, so this module has no
// server-only marker: command-line tools (src/cli) append through it as well.

export type AuditActor = { userId: number; username: string; role: string } | null;

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  actor: AuditActor;
  targetType?: string;
  targetId?: string | number;
  unitId?: number | null;
  /** before → after of changed fields, or other details; never secrets (passwords, TOTP secrets) */
  changes?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
};

// Serialises audit writes so that each row's prevHash is the hash of the row before it. The
// lock is held only until the surrounding transaction ends.
const AUDIT_CHAIN_LOCK = 7_042_017;

/** Writes one audit row inside `tx`, the transaction of the change it records. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Round-trip through JSON so that what is hashed is exactly what jsonb will give back.
  const changes = entry.changes === undefined ? null : (JSON.parse(JSON.stringify(entry.changes)) as Prisma.InputJsonValue);
  const fields = {
    at: new Date(),
    actorId: entry.actor?.userId ?? null,
    actorName: entry.actor?.username ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    unitId: entry.unitId ?? null,
    changes,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    outcome: entry.outcome,
  };
  const hash = hashAuditRow(prevHash, fields);
  await tx.auditLog.create({ data: { ...fields, changes: changes ?? undefined, prevHash, hash } });
}
