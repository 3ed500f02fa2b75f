import { PrismaPg } from "@prisma/adapter-pg";
import type { Logger } from "pino";
import { PrismaClient } from "../../generated/prisma/client";
import { logger } from "../logger";

/** A client for scripts and tests; the app itself uses db() from ./client. */
export function createClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** The app's client: the same, plus a log line for every query slower than `slowQueryMs`. */
export function createLoggingClient(connectionString: string, slowQueryMs: number, log: Logger = logger) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    log: slowQueryMs > 0 ? [{ emit: "event", level: "query" }] : [],
  });
  if (slowQueryMs > 0) {
    client.$on("query", (event) => {
      if (event.duration >= slowQueryMs) {
        log.warn({ ms: event.duration, query: event.query.slice(0, 500) }, "slow query");
      }
    });
  }
  return client;
}
