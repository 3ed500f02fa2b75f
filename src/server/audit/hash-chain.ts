import { createHash } from "node:crypto";

// Each audit row's hash covers its own fields and the previous row's hash, so changing,
// removing or reordering any row breaks every hash after it (verify-chain.ts finds where).
export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  unitId: number | null;
  changes: unknown;
  ip: string | null;
  requestId: string | null;
  outcome: string;
};

/** JSON with object keys sorted at every level: PostgreSQL's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditRow(prevHash: string, row: HashedFields): string {
  // Named fields, not a spread: a row read back from the database also carries id (a bigint,
  // which JSON cannot encode) and its own hash, neither of which is part of what was hashed.
  const hashed: Record<keyof HashedFields, unknown> = {
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    unitId: row.unitId,
    changes: row.changes,
    ip: row.ip,
    requestId: row.requestId,
    outcome: row.outcome,
  };
  const payload = canonicalJson({ ...hashed, prevHash });
  return createHash("sha256").update(payload).digest("hex");
}
