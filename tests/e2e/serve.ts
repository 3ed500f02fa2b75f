// The server the browser tests run against: a throwaway embedded PostgreSQL, migrated and
// seeded (with demo data), and the production build under `next start`. Stops both on SIGTERM.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { seedAll } from "../../prisma/seed/index";
import { defaultDataRoot, startEmbeddedPostgres } from "../../src/cli/embedded-postgres";
import { applyMigrations, projectRoot } from "../../src/cli/migrations";
import { createClient } from "../../src/server/db/create-client";

const port = process.env.E2E_PORT ?? "3100";
if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
  console.error("no production build: run `npm run build` first (npm test does)");
  process.exit(1);
}
const db = await startEmbeddedPostgres({ dataDir: path.join(defaultDataRoot(), `test-pg-e2e-${process.pid}`), throwaway: true });
await applyMigrations(db.url);
const prisma = createClient(db.url);
await seedAll(prisma, { demo: true });
await prisma.$disconnect();

const server = spawn(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: projectRoot,
  env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production", NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  stdio: "inherit",
  detached: true,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // the app first (up to 5 s), so its job runner is not cut off mid-query by a stopped database
  const exited = server.exitCode !== null ? Promise.resolve() : new Promise((resolve) => server.once("exit", resolve));
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    // already stopped
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  await db.stop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", stop);
