// The pg-boss wiring: the runner starts against the test database (creating its "pgboss"
// schema), registers the daily schedule, and its worker runs the sweep when a job arrives.
// Two runners (two app instances) start side by side and the job runs once.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { REMINDER_QUEUE, startReminderRunner } from "@/server/reminders/runner";
import { reminderSettings } from "@/server/reminders/settings";
import { mailSettings, setUpReports } from "./reminders-support";

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("reminder job runner (pg-boss)", () => {
  it("starts on the test database, schedules the sweep and runs it once when two instances share the queue", async () => {
    const s = await setUpReports();
    // due in 7 days from today (Beijing), so that a sweep run now has something to do
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000);
    await db().report.updateMany({ where: { id: { in: [s.unitReport, s.departmentReport] } }, data: { dueOn: due } });

    const settings = { ...reminderSettings({ ...process.env, REMINDER_CRON: "0 8 * * *", REMINDER_DAYS: "7,1" }), mail: mailSettings().settings.mail };
    const url = process.env.DATABASE_URL!;
    const [a, b] = await Promise.all([
      startReminderRunner({ connectionString: url, settings, pollingIntervalSeconds: 0.5 }),
      startReminderRunner({ connectionString: url, settings, pollingIntervalSeconds: 0.5 }),
    ]);
    try {
      const [schema] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = 'pgboss'`;
      expect(Number(schema!.n)).toBe(1);
      const schedules = await a.boss.getSchedules();
      expect(schedules.map((x) => [x.name, x.cron, x.options])).toEqual([[REMINDER_QUEUE, "0 8 * * *", expect.objectContaining({ tz: "Asia/Shanghai" })]]);

      const id = await a.boss.send(REMINDER_QUEUE, {});
      expect(id).toBeTruthy();
      const job = await until(async () => {
        const j = await a.boss.getJobById(REMINDER_QUEUE, id!, { includeArchive: true });
        return j && j.state === "completed" ? j : null;
      });
      expect(job.output).toMatchObject({ created: 3 });
      expect(await db().notification.count({ where: { reportId: { in: [s.unitReport, s.departmentReport] } } })).toBe(3);

      // a second tick the same day finds everything done
      const again = await b.boss.send(REMINDER_QUEUE, {});
      const second = await until(async () => {
        const j = await b.boss.getJobById(REMINDER_QUEUE, again!, { includeArchive: true });
        return j && j.state === "completed" ? j : null;
      });
      expect(second.output).toMatchObject({ created: 0 });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
