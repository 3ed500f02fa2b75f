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
  const payload = canonicalJson({ ...row, at: row.at.toISOString(), prevHash });
  return createHash("sha256").update(payload).digest("hex");
}
