import { describe, expect, it, vi } from "vitest";
import { createLoggingClient } from "@/server/db/create-client";

describe("slow-query log", () => {
  it("logs a query slower than the threshold, and not a fast one", async () => {
    const client = createLoggingClient(process.env.DATABASE_URL!, 150);
    await client.$connect();
    await client.$queryRaw`SELECT 1`; // the first query also opens the connection: not what we measure
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await client.$queryRaw`SELECT 1`;
      expect(warn).not.toHaveBeenCalled();
      await client.$queryRaw`SELECT pg_sleep(0.3)::text AS slept`;
      expect(warn).toHaveBeenCalledTimes(1);
      const line = JSON.parse(String(warn.mock.calls[0]?.[0]));
      expect(line).toMatchObject({ msg: "slow query" });
      expect(line.ms).toBeGreaterThanOrEqual(150);
      expect(line.query).toContain("pg_sleep");
    } finally {
      warn.mockRestore();
      await client.$disconnect();
    }
  });
});
