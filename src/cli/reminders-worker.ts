// `npx tsx src/cli/reminders-worker.ts` runs the reminder job runner on its own, for
// deployments that start the web servers with REMINDERS_ENABLED=0 and want the job in a
// separate process. `--once` runs one sweep now and exits (to catch up by hand, or from a
// system scheduler instead of pg-boss). Ctrl-C / SIGTERM stop it.
import "dotenv/config";
import { createClient } from "../server/db/create-client";
import { startReminderRunner } from "../server/reminders/runner";
import { reminderSettings } from "../server/reminders/settings";
import { runReminderSweep } from "../server/reminders/sweep";
import { logger } from "../server/logger";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("usage: DATABASE_URL=postgresql://… npx tsx src/cli/reminders-worker.ts [--once]");
  process.exit(2);
}
const settings = reminderSettings();

if (process.argv.includes("--once")) {
  const prisma = createClient(url);
  try {
    logger.info(await runReminderSweep(prisma, new Date(), settings), "reminder sweep done");
  } finally {
    await prisma.$disconnect();
  }
} else {
  const runner = await startReminderRunner({ connectionString: url, settings });
  const stop = async () => {
    await runner.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
