// `npm start`: brings the portal up on this machine. Starts (or connects to) PostgreSQL,
// applies migrations, seeds an empty database, prints the demo accounts, then runs the
// production server until Ctrl-C, and stops the embedded database with it.
import "dotenv/config";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { seedAll, isSeeded } from "../../prisma/seed/index";
import { demoAccounts } from "../../prisma/seed/accounts";
import { createClient } from "../server/db/create-client";
import { connectOrStartDatabase } from "./database";
import { defaultDataRoot } from "./embedded-postgres";
import { applyMigrations, projectRoot } from "./migrations";

const log = (line: string) => console.log(`[portal] ${line}`);

async function main() {
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm run portal` (builds, then starts) or `npm run build` first");
  }
  const db = await connectOrStartDatabase(log);
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_SECRET ??= await persistentSecret();

  const applied = await applyMigrations(db.url);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  const prisma = createClient(db.url);
  try {
    const demo = process.argv.includes("--demo");
    if ((await isSeeded(prisma)) && !demo) {
      log("database already seeded: leaving its data as it is");
    } else {
      // The seed only adds what is missing, so `--demo` on a seeded database just adds the demo reports.
      const summary = await seedAll(prisma, { demo });
      log(`seeded: ${JSON.stringify(summary)}`);
    }
    const demoUsers = await prisma.user.findMany({ where: { isDemo: true }, select: { username: true } });
    printDemoAccounts(new Set(demoUsers.map((u) => u.username)));
  } finally {
    await prisma.$disconnect();
  }

  const port = process.env.PORT ?? "3000";
  // A process group of its own, so that stopping it also stops the next-server child it forks.
  const server = spawn(process.execPath, [require_next(), "start", "-p", port, ...(process.env.HOST ? ["-H", process.env.HOST] : [])], {
    cwd: projectRoot,
    env: process.env,
    stdio: "inherit",
    detached: true,
  });
  log(`portal: http://localhost:${port}  (Ctrl-C stops it${db.embedded ? " and the embedded PostgreSQL" : ""})`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 1));
}

/** A cookie-signing secret generated once and kept (mode 600) beside the embedded database. */
async function persistentSecret(): Promise<string> {
  const file = path.join(defaultDataRoot(), "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  log(`generated NEXTAUTH_SECRET in ${file}`);
  return secret;
}

function require_next(): string {
  return path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
}

function printDemoAccounts(present: Set<string>) {
  const rows = demoAccounts().filter((a) => present.has(a.username));
  if (!rows.length) return;
  const width = Math.max(...rows.map((a) => a.username.length));
  console.log("\nDemo accounts (演示账号) — for trying the portal, never for a real deployment:");
  for (const account of rows) {
    console.log(`  ${account.username.padEnd(width)}  ${account.password.padEnd(20)}  ${account.role}`);
  }
  console.log("  Staff and administrator accounts also need a two-factor code: npm run demo:totp -- <username>\n");
}

main().catch((error) => {
  console.error("[portal] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
