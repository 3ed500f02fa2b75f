// `npm run db:migrate`: applies pending migrations to DATABASE_URL (offline; see schema-engine.ts).
import "dotenv/config";
import { applyMigrations } from "./migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start starts an embedded PostgreSQL and migrates it for you)");
  process.exit(2);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
