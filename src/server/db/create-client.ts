import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";

/** A client for scripts and tests; the app itself uses db() from ./client. */
export function createClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** The app's client: the same, plus a log line for every query slower than `slowQueryMs`. */
export function createLoggingClient(connectionString: string, slowQueryMs: number) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    log: slowQueryMs > 0 ? [{ emit: "event", level: "query" }] : [],
  });
  if (slowQueryMs > 0) {
    client.$on("query", (event) => {
      if (event.duration >= slowQueryMs) {
        console.warn(JSON.stringify({ level: "warn", msg: "slow query", ms: event.duration, query: event.query.slice(0, 500) }));
      }
    });
  }
  return client;
}
