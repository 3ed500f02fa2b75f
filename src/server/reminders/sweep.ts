import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/append-audit";
import { deliverMails, withoutAddress, type OutgoingMail } from "./mail";
import { dueSoonNotice, mailBody, overdueNotice, type Notice } from "./notices";
import { AWAITING_STATUSES, recipientsFor, recipientsOf, remindedReportSelect } from "./recipients";
import { reminderSettings, type ReminderSettings } from "./settings";

// The scheduled reminder job. A plain function of (database, time) so that the pg-boss worker
// and tests call the same code. It is safe to run at any time and any number of times, also
// concurrently on several app instances: every notification has a dedupe key and is inserted
// with ON CONFLICT DO NOTHING, and only rows this run actually inserted are e-mailed.
// No "server-only" marker: the worker command runs it in plain Node.

/** `noEmailAddress`: usernames notified in this run that e-mail cannot reach (in-app only). */
export type SweepResult = { date: string; reports: number; created: number; mailed: number; noEmailAddress: string[] };

const DAY = 86_400_000;

/** The calendar date of `now` in `timeZone`, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * What a report is owed today: nothing, a due-soon reminder for the tightest threshold it has
 * crossed (so a missed tick or a report opened late still gets one, and never two at once),
 * or today's overdue notice.
 */
export function reminderFor(daysLeft: number, thresholds: number[]): { kind: "due-soon"; threshold: number } | { kind: "overdue" } | null {
  if (daysLeft < 0) return { kind: "overdue" };
  const threshold = [...thresholds].sort((a, b) => a - b).find((n) => daysLeft <= n);
  return threshold === undefined ? null : { kind: "due-soon", threshold };
}

export async function runReminderSweep(prisma: PrismaClient, now: Date, settings: ReminderSettings = reminderSettings()): Promise<SweepResult> {
  const today = localDate(now, settings.timeZone);
  const todayUtc = Date.parse(`${today}T00:00:00Z`);
  const horizon = Math.max(0, ...settings.days);

  const reports = await prisma.report.findMany({
    where: { status: { in: AWAITING_STATUSES }, isDemo: false, cycle: { status: "OPEN" }, dueOn: { lte: new Date(todayUtc + horizon * DAY) } },
    select: remindedReportSelect,
    orderBy: { id: "asc" },
  });
  const recipients = await recipientsFor(prisma, reports);

  type Row = { userId: number; reportId: number; kind: string; dedupeKey: string; messageZh: string; messageEn: string };
  const rows: Row[] = [];
  const notices = new Map<string, Notice>();
  for (const report of reports) {
    const daysLeft = Math.round((report.dueOn.getTime() - todayUtc) / DAY);
    const due = reminderFor(daysLeft, settings.days);
    if (!due) continue;
    const owner = report.unit ?? report.department;
    if (!owner) continue;
    const subject = { dueOn: report.dueOn, cycle: report.cycle, owner };
    const notice = due.kind === "overdue" ? overdueNotice(subject, -daysLeft) : dueSoonNotice(subject, daysLeft);
    const key = due.kind === "overdue" ? `overdue:${report.id}:${today}` : `due-soon:${report.id}:${due.threshold}`;
    for (const user of recipientsOf(report, recipients)) {
      const dedupeKey = `${key}:u${user.id}`;
      notices.set(dedupeKey, notice);
      rows.push({ userId: user.id, reportId: report.id, kind: notice.kind, dedupeKey, messageZh: notice.messageZh, messageEn: notice.messageEn });
    }
  }
  if (rows.length === 0) return { date: today, reports: reports.length, created: 0, mailed: 0, noEmailAddress: [] };

  const byId = new Map(recipients.map((u) => [u.id, u]));

  const created = await prisma.$transaction(async (tx) => {
    const inserted = await tx.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { dedupeKey: true, userId: true, reportId: true } });
    const noEmailAddress = withoutAddress(inserted.flatMap((n) => byId.get(n.userId) ?? []), settings.mail);
    if (inserted.length > 0) {
      // Nobody is signed in: the row names the job instead of an actor.
      await recordAudit(tx, {
        action: "reminders.sweep",
        outcome: "SUCCESS",
        actor: null,
        targetType: "Notification",
        changes: { date: today, created: inserted.length, reports: [...new Set(inserted.map((n) => n.reportId))], noEmailAddress },
      });
    }
    return { inserted, noEmailAddress };
  });

  const mails: OutgoingMail[] = created.inserted.flatMap((n) => {
    const user = byId.get(n.userId);
    const notice = notices.get(n.dedupeKey);
    return user && notice ? [{ key: n.dedupeKey, to: user, subject: notice.mailSubject, text: mailBody(user.displayName, notice) }] : [];
  });
  const mailed = await deliverMails(mails, settings.mail);
  return { date: today, reports: reports.length, created: created.inserted.length, mailed, noEmailAddress: created.noEmailAddress };
}
