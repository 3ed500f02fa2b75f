import "server-only";
import { env } from "@/env";
import type { PrismaClient } from "@/generated/prisma/client";
import { createClient } from "./create-client";

// One client per server process (and per hot reload in development), created on first use so
// that `next build` never needs a database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient(env().DATABASE_URL);
  return globalForPrisma.prisma;
}
