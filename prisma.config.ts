import "dotenv/config";
import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env and no url from the schema. process.env (not env()) so that commands
// that need no database, such as `prisma generate` during a build, work without DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
