import PgBoss from "pg-boss";
import type { PrismaClient } from "@/generated/prisma/client";
import { createClient } from "@/server/db/create-client";
import { logger } from "@/server/logger";
import { reminderSettings, type ReminderSettings } from "./settings";
import { runReminderSweep } from "./sweep";

// Runs the reminder sweep on a schedule with pg-boss, in the same PostgreSQL (schema "pgboss",
// created by pg-boss on first start). Every app instance may start a runner: pg-boss sends
// each cron tick once (a singleton key per minute) and the queue's "singleton" policy lets
// only one sweep be active at a time across instances; the sweep itself is idempotent, so a
// retried or overlapping run creates nothing twice.
// No "server-only" marker: the worker command (src/cli/reminders-worker.ts) runs this in plain Node.

export const REMINDER_QUEUE = "reminder-sweep";

export type ReminderRunner = { boss: PgBoss; stop: () => Promise<void> };

type Options = {
  connectionString: string;
  settings?: ReminderSettings;
  /** the client the sweep writes through; by default one of the runner's own */
  prisma?: PrismaClient;
  /** how often an idle worker looks for a job (pg-boss default: 2 s) */
  pollingIntervalSeconds?: number;
};

/**
 * pg-boss creates a queue's table, keys and indexes in one statement; two instances creating
 * it at the same moment can deadlock (PostgreSQL aborts one of them). The other has then
 * created it, and creating it again is a no-op, so the aborted one simply tries again.
 */
async function createQueueOnce(boss: PgBoss) {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: "singleton", retryLimit: 3, retryDelay: 300, expireInSeconds: 15 * 60 });
      return;
    } catch (error) {
      if (attempt >= 5 || (error as { code?: string }).code !== "40P01") throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

export async function startReminderRunner(options: Options): Promise<ReminderRunner> {
  const settings = options.settings ?? reminderSettings();
  const ownClient = options.prisma ? null : createClient(options.connectionString);
  const prisma = options.prisma ?? ownClient!;
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss", application_name: "portal-reminders", max: 4 });
  boss.on("error", (error) => logger.error({ err: error }, "pg-boss error"));
  try {
    await boss.start();
    await createQueueOnce(boss);
    await boss.schedule(REMINDER_QUEUE, settings.cron, {}, { tz: settings.timeZone });
    await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
      const result = await runReminderSweep(prisma, new Date(), settings);
      logger.info(result, "reminder sweep done");
      return result;
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await ownClient?.$disconnect();
    throw error;
  }
  logger.info({ cron: settings.cron, timeZone: settings.timeZone, days: settings.days }, "reminder job runner started");
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await ownClient?.$disconnect();
    },
  };
}

const globalForRunner = globalThis as unknown as { reminderRunner?: Promise<ReminderRunner | null> };

/**
 * Starts the runner for this server process unless REMINDERS_ENABLED=0; once per process (a
 * development hot reload re-runs instrumentation). A failure is logged, never fatal: the portal
 * serves pages without its reminders.
 */
export function startRemindersForServer(connectionString: string): Promise<ReminderRunner | null> {
  globalForRunner.reminderRunner ??= (async () => {
    const settings = reminderSettings();
    if (!settings.enabled) {
      logger.info("reminder job runner is off (REMINDERS_ENABLED=0)");
      return null;
    }
    return startReminderRunner({ connectionString, settings });
  })().catch((error: unknown) => {
    logger.error({ err: error }, "reminder job runner did not start");
    return null;
  });
  return globalForRunner.reminderRunner;
}
