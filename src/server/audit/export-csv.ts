import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { toCsv, type CsvValue } from "./csv";
import { auditFilterSchema, formatShanghai, isoShanghai, type AuditFilters } from "./filters";
import { canonicalJson } from "./hash-chain";
import { auditRowSelect, auditWhere, unitNames } from "./queries";

export const AUDIT_EXPORT_CAP = 100_000;
const BATCH = 5_000;

export const AUDIT_CSV_HEADER = [
  "id",
  "time_utc",
  "time_asia_shanghai",
  "actor",
  "role",
  "action",
  "outcome",
  "target_type",
  "target_id",
  "unit_id",
  "unit",
  "ip",
  "request_id",
  "changes",
  "hash",
  "prev_hash",
] as const;

export type AuditExport = { csv: string; rowCount: number; truncated: boolean; filename: string };

/**
 * The audit log, filtered like the page, as CSV: the newest AUDIT_EXPORT_CAP matching rows at
 * most, written oldest first so that each line's prev_hash is the hash of an earlier line. The
 * export is itself audited, in the transaction that read the rows.
 */
export const exportAuditLogSpec = defineAction({
  name: "audit.export",
  permission: "audit:export",
  input: auditFilterSchema,
  run: (filters, { audit }): Promise<AuditExport> =>
    db().$transaction(
      async (tx) => {
        const { lines, truncated } = await readForExport(tx, filters);
        await audit(tx, {
          targetType: "AuditLog",
          changes: { filters: filters.query, ignored: filters.ignored, rowCount: lines.length, truncated },
        });
        return { csv: toCsv(AUDIT_CSV_HEADER, lines), rowCount: lines.length, truncated, filename: `audit-log-${formatShanghai(new Date()).slice(0, 10)}.csv` };
      },
      // 100 000 rows take seconds, more than an interactive transaction's default 5 s
      { timeout: 120_000, maxWait: 10_000 },
    ),
});

// Keyset batches, newest first, so memory holds one batch of Prisma objects at a time and rows
// appended meanwhile (higher ids) never slip into a later batch.
async function readForExport(tx: Prisma.TransactionClient, filters: AuditFilters): Promise<{ lines: CsvValue[][]; truncated: boolean }> {
  const where = await auditWhere(tx, filters);
  const lines: CsvValue[][] = [];
  let cursor: bigint | undefined;
  let truncated = false;
  for (;;) {
    const want = Math.min(BATCH, AUDIT_EXPORT_CAP - lines.length);
    const batch = await tx.auditLog.findMany({
      where: cursor !== undefined ? { AND: [where, { id: { lt: cursor } }] } : where,
      orderBy: { id: "desc" },
      take: want + 1,
      select: { ...auditRowSelect, hash: true, prevHash: true },
    });
    const rows = batch.slice(0, want);
    const units = await unitNames(tx, rows.map((row) => row.unitId));
    for (const row of rows) {
      const unit = row.unitId === null ? undefined : units.get(row.unitId);
      lines.push([
        row.id,
        row.at.toISOString(),
        isoShanghai(row.at),
        row.actorName,
        row.actorRole,
        row.action,
        row.outcome,
        row.targetType,
        row.targetId,
        row.unitId,
        unit?.nameZh,
        row.ip,
        row.requestId,
        row.changes === null ? null : canonicalJson(row.changes),
        row.hash,
        row.prevHash,
      ]);
    }
    if (batch.length <= want) break;
    if (lines.length >= AUDIT_EXPORT_CAP) {
      truncated = true;
      break;
    }
    cursor = rows.at(-1)!.id;
  }
  return { lines: lines.reverse(), truncated };
}
