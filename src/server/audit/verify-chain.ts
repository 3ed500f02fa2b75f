import type { PrismaClient } from "@/generated/prisma/client";
import { GENESIS_HASH, hashAuditRow } from "./hash-chain";

export type ChainReport = { rows: number; ok: true } | { rows: number; ok: false; firstBrokenId: bigint; reason: string };

/**
 * Recomputes every row's hash in id order and names the first row that does not match: a row
 * edited in place (bypassing the trigger), a removed row, or a reordered one.
 */
export async function verifyAuditChain(prisma: PrismaClient, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await prisma.auditLog.findMany({
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor !== undefined ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const row of batch) {
      rows++;
      if (row.prevHash !== prevHash) return { rows, ok: false, firstBrokenId: row.id, reason: "prevHash does not match the previous row (a row was removed or reordered)" };
      const expected = hashAuditRow(prevHash, row);
      if (expected !== row.hash) return { rows, ok: false, firstBrokenId: row.id, reason: "hash does not match the row's contents (the row was changed)" };
      prevHash = row.hash;
    }
    if (batch.length < batchSize) return { rows, ok: true };
    cursor = batch.at(-1)!.id;
  }
}
