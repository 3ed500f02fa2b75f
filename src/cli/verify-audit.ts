// `npm run audit:verify`: recomputes the audit log's hash chain in DATABASE_URL and names the
// first row that does not match. Exit 0 when intact, 1 when broken (for cron and monitoring),
// 2 when it could not run.
import "dotenv/config";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../generated/prisma/client";
import { verifyAuditChain } from "../server/audit/verify-chain";
import { createClient } from "../server/db/create-client";

export type VerifyOutcome = { exitCode: 0 | 1; message: string };

export async function verifyAuditLog(prisma: PrismaClient): Promise<VerifyOutcome> {
  const report = await verifyAuditChain(prisma);
  if (report.ok) return { exitCode: 0, message: `audit chain OK: ${report.rows} rows` };
  return { exitCode: 1, message: `audit chain BROKEN at row id ${report.firstBrokenId}: ${report.reason}` };
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the portal's database");
    return 2;
  }
  const prisma = createClient(url);
  try {
    const { exitCode, message } = await verifyAuditLog(prisma);
    (exitCode === 0 ? console.log : console.error)(message);
    return exitCode;
  } catch (error) {
    console.error(`audit chain could not be verified: ${String(error)}`);
    return 2;
  } finally {
    await prisma.$disconnect();
  }
}

// Run only as a script, not when a test imports verifyAuditLog.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
