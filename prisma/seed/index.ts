import type { PrismaClient } from "../../src/generated/prisma/client";
import { seedDemoAccounts } from "./accounts";
import { seedCycles } from "./cycles";
import { seedDemoReports } from "./demo-reports";
import { DOCUMENT_CODE, seedPolicy } from "./policy";
import { seedUnits } from "./units";

export type SeedOptions = { demo?: boolean; demoAccounts?: boolean };

/**
 * Idempotent: every step creates what is missing and leaves what exists (and whatever staff
 * changed since) alone, so running it twice changes nothing.
 */
export async function seedAll(prisma: PrismaClient, { demo = false, demoAccounts = true }: SeedOptions = {}) {
  const units = await seedUnits(prisma);
  const policy = await seedPolicy(prisma);
  const cycles = await seedCycles(prisma);
  const accounts = demoAccounts ? (await seedDemoAccounts(prisma)).length : 0;
  const demoReports = demo ? await seedDemoReports(prisma) : 0;
  return { ...units, ...policy, cycles, accounts, demoReports };
}

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.policyDocument.count({ where: { code: DOCUMENT_CODE } })) > 0;
}
