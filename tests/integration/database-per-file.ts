import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

// A fresh copy of the migrated, seeded template for this test file (CREATE DATABASE … TEMPLATE
// copies files, ~100 ms). DATABASE_URL is set before any test imports the app's db() client.
const adminUrl = inject("adminUrl");
const name = `test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
// Two files cloning the template at the same instant collide ("being accessed by other
// users"): PostgreSQL allows one copy at a time, so wait for the other and try again.
for (let attempt = 1; ; attempt++) {
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateName")}`);
    break;
  } catch (error) {
    if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// The app validates its whole environment on first use (src/env.ts): give it a signing secret.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

afterAll(async () => {
  const prisma = (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma;
  await prisma?.$disconnect();
});
