import "server-only";
import { env } from "@/env";
import { createLoggingClient } from "./create-client";

type AppClient = ReturnType<typeof createLoggingClient>;

// One client per server process (and per hot reload in development), created on first use so
// that `next build` never needs a database.
const globalForPrisma = globalThis as unknown as { prisma?: AppClient };

export function db(): AppClient {
  const settings = env();
  globalForPrisma.prisma ??= createLoggingClient(settings.DATABASE_URL, settings.SLOW_QUERY_MS);
  return globalForPrisma.prisma;
}
