// One throwaway PostgreSQL for the whole run (real server, fsync off), with a template database
// migrated and seeded once; every test file then gets its own copy of the template, so files
// cannot see each other's writes and no test has to clean up after itself.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { defaultDataRoot, startEmbeddedPostgres } from "../../src/cli/embedded-postgres";
import { applyMigrations } from "../../src/cli/migrations";
import { createClient } from "../../src/server/db/create-client";
import { seedAll } from "../../prisma/seed/index";

export const TEMPLATE = "portal_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateName: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const dataDir = path.join(defaultDataRoot(), `test-pg-vitest-${process.pid}`);
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { url: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir, throwaway: true });
  const adminUrl = withDatabase(server.url, "postgres");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();

  const templateUrl = withDatabase(server.url, TEMPLATE);
  await applyMigrations(templateUrl);
  const prisma = createClient(templateUrl);
  await seedAll(prisma);
  await prisma.$disconnect();
  console.log(`[integration] PostgreSQL ready, template migrated and seeded in ${Date.now() - started} ms`);

  project.provide("adminUrl", adminUrl);
  project.provide("templateName", TEMPLATE);
  return async () => {
    await server.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
