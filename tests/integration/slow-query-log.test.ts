import { describe, expect, it } from "vitest";
import { createLoggingClient } from "@/server/db/create-client";
import { createLogger } from "@/server/logger";

describe("slow-query log", () => {
  it("logs a query slower than the threshold, and not a fast one", async () => {
    // the portal's logger, writing its lines here instead of to stdout
    const lines: string[] = [];
    const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const client = createLoggingClient(process.env.DATABASE_URL!, 150, log);
    try {
      await client.$connect();
      await client.$queryRaw`SELECT 1`; // the first query also opens the connection: not what we measure
      lines.length = 0;
      await client.$queryRaw`SELECT 1`;
      expect(lines).toEqual([]);
      await client.$queryRaw`SELECT pg_sleep(0.3)::text AS slept`;
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!);
      expect(line).toMatchObject({ level: "warn", msg: "slow query" });
      expect(line.ms).toBeGreaterThanOrEqual(150);
      expect(line.query).toContain("pg_sleep");
    } finally {
      await client.$disconnect();
    }
  });
});
