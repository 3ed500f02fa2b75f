import path from "node:path";
import { z } from "zod";

// The reminder job's settings. Read here rather than in src/env.ts because the job also runs
// outside Next.js (the worker command) and tests pass their own values to runReminderSweep.
// No "server-only" marker: the worker command runs in plain Node, where that marker throws.

const days = z
  .string()
  .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, "REMINDER_DAYS must be a comma-separated list of whole days, e.g. 7,1")
  .transform((s) => [...new Set(s.split(",").map((d) => Number(d.trim())))].filter((d) => d > 0).sort((a, b) => a - b));

const schema = z.object({
  // 0 turns the scheduled job off in this process (the notifications page and urging still work)
  REMINDERS_ENABLED: z.enum(["0", "1"]).default("1"),
  REMINDER_DAYS: days.default([1, 7]),
  // when the daily sweep runs, in REMINDER_TIME_ZONE (pg-boss cron syntax, minute resolution)
  REMINDER_CRON: z.string().trim().min(9).default("0 8 * * *"),
  // the calendar that "N days before the due date" and "overdue today" are counted in
  REMINDER_TIME_ZONE: z.string().default("Asia/Shanghai"),
  // smtp://user:pass@host:587 or smtps://…; unset → messages are written as .eml files to MAIL_LOG_DIR
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("鞍山市教育局政策落实监测平台 <noreply@localhost>"),
  // For accounts without an e-mail address of their own: with "{username}" in it, this makes
  // one (e.g. "{username}@jyj.anshan.gov.cn"). Without it such accounts get no e-mail.
  MAIL_ADDRESS_TEMPLATE: z.string().includes("{username}", { error: "MAIL_ADDRESS_TEMPLATE must contain {username}" }).optional(),
  MAIL_LOG_DIR: z.string().optional(),
});

export type ReminderSettings = {
  enabled: boolean;
  /** thresholds in days before the due date, ascending */
  days: number[];
  cron: string;
  timeZone: string;
  mail: MailSettings;
};

export type MailSettings = { smtpUrl: string | null; from: string; addressTemplate: string | null; logDir: string };

export function reminderSettings(source: Record<string, string | undefined> = process.env): ReminderSettings {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`Invalid reminder settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const s = parsed.data;
  return {
    enabled: s.REMINDERS_ENABLED === "1",
    days: s.REMINDER_DAYS,
    cron: s.REMINDER_CRON,
    timeZone: s.REMINDER_TIME_ZONE,
    mail: {
      smtpUrl: s.SMTP_URL ?? null,
      from: s.MAIL_FROM,
      addressTemplate: s.MAIL_ADDRESS_TEMPLATE ?? null,
      // the data folder of the checkout (git-ignored), where npm start keeps its database too
      logDir: s.MAIL_LOG_DIR ?? path.join(process.cwd(), ".data", "mail-log"),
    },
  };
}
