import "server-only";
import { z } from "zod";
import { defineAction, type ScopedRecord } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { ESCALATION_LEVELS, allowedLevels, highestLevel, nextLevel } from "./levels";
import { deliverMails, withoutAddress } from "./mail";
import { escalationNotice, mailBody } from "./notices";
import { AWAITING_STATUSES, recipientsFor, remindedReportSelect } from "./recipients";
import { reminderSettings } from "./settings";
import { recordIdField } from "@/shared/record-id";

// Urging (催办) by the bureau, and marking one's own notifications read.


async function reportTarget(input: { reportId: number }): Promise<ScopedRecord | null> {
  const report = await db().report.findUnique({ where: { id: input.reportId }, select: { id: true, unitId: true, departmentId: true } });
  return report ? { type: "Report", id: report.id, unitId: report.unitId, departmentId: report.departmentId } : null;
}

export const urgeReportSpec = defineAction({
  name: "report.urge",
  permission: "report:urge",
  input: z.object({
    reportId: recordIdField("reminders.urge.invalidId"),
    message: z.string({ error: "reminders.urge.messageRequired" }).trim().min(1, "reminders.urge.messageRequired").max(1000, "reminders.urge.messageTooLong"),
    level: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(ESCALATION_LEVELS, { error: "reminders.urge.levelInvalid" }).optional()),
  }),
  target: reportTarget,
  run: async (input, { actor, audit }) => {
    // Read before any write: a bad mail setting stops the urging instead of half-doing it.
    const settings = reminderSettings();
    const result = await db().$transaction(async (tx) => {
      // Two staff urging at once must not both pick "the next level" from the same history.
      await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${input.reportId} FOR UPDATE`;
      const report = await tx.report.findUniqueOrThrow({
        where: { id: input.reportId },
        select: { ...remindedReportSelect, status: true, escalations: { select: { level: true } } },
      });
      if (!AWAITING_STATUSES.includes(report.status)) throw new AppError("CONFLICT", "reminders.urge.notNeeded");
      const highest = highestLevel(report.escalations.map((e) => e.level));
      const level = input.level ?? nextLevel(highest);
      if (!allowedLevels(highest).includes(level)) throw new AppError("VALIDATION", "errors.VALIDATION", { level: ["reminders.urge.levelTooLow"] });

      const escalation = await tx.escalation.create({ data: { reportId: report.id, level, message: input.message, byId: actor.userId }, select: { id: true, at: true } });
      const recipients = await recipientsFor(tx, [report]);
      const noEmailAddress = withoutAddress(recipients, settings.mail);
      const owner = report.unit ?? report.department!;
      const notice = escalationNotice({ dueOn: report.dueOn, cycle: report.cycle, owner }, level, input.message);
      await tx.notification.createMany({
        data: recipients.map((u) => ({
          userId: u.id,
          reportId: report.id,
          kind: notice.kind,
          dedupeKey: `escalation:${escalation.id}:u${u.id}`,
          messageZh: notice.messageZh,
          messageEn: notice.messageEn,
        })),
      });
      await audit(tx, {
        targetType: "Report",
        targetId: report.id,
        unitId: report.unitId,
        changes: { escalationId: escalation.id, previousLevel: highest, level, message: input.message, notified: recipients.map((u) => u.username), noEmailAddress },
      });
      return { escalationId: escalation.id, level, notified: recipients.length, noEmailAddress, recipients, notice };
    });
    // After the commit: the notification is the record, the e-mail a courtesy copy.
    await deliverMails(
      result.recipients.map((u) => ({
        key: `escalation:${result.escalationId}:u${u.id}`,
        to: u,
        subject: result.notice.mailSubject,
        text: mailBody(u.displayName, result.notice),
      })),
      settings.mail,
    );
    return { escalationId: result.escalationId, level: result.level, notified: result.notified, noEmailAddress: result.noEmailAddress };
  },
});

export const markNotificationReadSpec = defineAction({
  name: "notification.mark-read",
  permission: "notification:read",
  input: z.object({ id: recordIdField("reminders.notifications.invalidId") }),
  target: async (input) => {
    const n = await db().notification.findUnique({ where: { id: input.id }, select: { id: true, userId: true } });
    return n ? { type: "Notification", id: n.id, userId: n.userId } : null;
  },
  run: async (input, { audit }) =>
    db().$transaction(async (tx) => {
      const before = await tx.notification.findUniqueOrThrow({ where: { id: input.id }, select: { readAt: true } });
      const readAt = before.readAt ?? new Date();
      if (!before.readAt) await tx.notification.update({ where: { id: input.id }, data: { readAt } });
      await audit(tx, { targetType: "Notification", targetId: input.id, changes: { readAt: { before: before.readAt?.toISOString() ?? null, after: readAt.toISOString() } } });
      return { id: input.id };
    }),
});

export const markAllNotificationsReadSpec = defineAction({
  name: "notification.mark-all-read",
  permission: "notification:read",
  input: z.object({}),
  // the record is the actor's own account: there is no id to send, so nobody else's can be named
  target: async (_input, actor) => (actor ? { type: "User", id: actor.userId, userId: actor.userId } : null),
  run: async (_input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      const { count } = await tx.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
      await audit(tx, { targetType: "User", targetId: actor.userId, changes: { markedRead: count } });
      return { count };
    }),
});
