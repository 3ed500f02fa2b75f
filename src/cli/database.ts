import path from "node:path";
import { defaultDataRoot, startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

/**
 * DATABASE_URL when it is set; otherwise the project's own embedded PostgreSQL, whose data
 * folder (git-ignored) survives restarts.
 */
export async function connectOrStartDatabase(log: (line: string) => void): Promise<RunningDatabase & { embedded: boolean }> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, stop: async () => {}, embedded: false };
  const dataDir = path.join(defaultDataRoot(), "postgres");
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${dataDir}`);
  const db = await startEmbeddedPostgres({ dataDir, log: process.env.DEBUG_POSTGRES ? log : undefined });
  return { ...db, embedded: true };
}
