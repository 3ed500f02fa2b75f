// `npm run db:seed [-- --demo] [-- --no-demo-accounts]` against DATABASE_URL.
import "dotenv/config";
import { createClient } from "../src/server/db/create-client";
import { seedAll } from "./seed/index";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start seeds its embedded database by itself)");
  process.exit(2);
}
const prisma = createClient(url);
try {
  const summary = await seedAll(prisma, { demo: process.argv.includes("--demo"), demoAccounts: !process.argv.includes("--no-demo-accounts") });
  console.log("seeded:", summary);
} finally {
  await prisma.$disconnect();
}
