import "server-only";
import type { EscalationLevel } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { allowedLevels, highestLevel, nextLevel } from "./levels";
import { recipientAddress } from "./mail";
import { AWAITING_STATUSES, recipientsFor } from "./recipients";
import { reminderSettings } from "./settings";

export type NotificationView = { id: number; kind: string; messageZh: string; messageEn: string; createdAt: Date; readAt: Date | null; reportId: number | null };

const NOTIFICATION_LIMIT = 200;
const notificationSelect = { id: true, kind: true, messageZh: true, messageEn: true, createdAt: true, readAt: true, reportId: true } as const;

/** The actor's own notifications: unread first, newest first within each group. */
export async function listMyNotifications(actor: Actor | null, context: RequestContext): Promise<{ unread: NotificationView[]; read: NotificationView[]; unreadCount: number }> {
  const me = await authorize(actor, "notification:read", context, actor ? { type: "User", id: actor.userId, userId: actor.userId } : undefined);
  const [unread, read, unreadCount] = await Promise.all([
    db().notification.findMany({ where: { userId: me.userId, readAt: null }, select: notificationSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: NOTIFICATION_LIMIT }),
    db().notification.findMany({ where: { userId: me.userId, readAt: { not: null } }, select: notificationSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: NOTIFICATION_LIMIT }),
    db().notification.count({ where: { userId: me.userId, readAt: null } }),
  ]);
  return { unread, read, unreadCount };
}

export type EscalationView = { id: number; level: EscalationLevel; message: string; at: Date; byName: string | null };

/** Escalations of a report the actor may read, oldest first; null when not found or not theirs. */
export async function listEscalations(actor: Actor | null, context: RequestContext, reportId: number): Promise<EscalationView[] | null> {
  const report = await db().report.findUnique({ where: { id: reportId }, select: { id: true, unitId: true, departmentId: true } });
  if (!report) return null;
  try {
    await authorize(actor, "report:read", context, { type: "Report", id: report.id, unitId: report.unitId, departmentId: report.departmentId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const rows = await db().escalation.findMany({
    where: { reportId },
    select: { id: true, level: true, message: true, at: true, by: { select: { displayName: true } } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, level: r.level, message: r.message, at: r.at, byName: r.by?.displayName ?? null }));
}

export type UrgeState = {
  highest: EscalationLevel | null;
  next: EscalationLevel;
  choices: EscalationLevel[];
  /** the accounts an urging would notify that e-mail cannot reach (they see it in the portal only) */
  noEmailAddress: { username: string; displayName: string }[];
};

/** The address template, or none when the mail settings are unreadable (the urging itself then reports that). */
function addressTemplate(): string | null {
  try {
    return reminderSettings().mail.addressTemplate;
  } catch {
    return null;
  }
}

/** What the urge form offers; null when the actor may not urge or the report needs no urging. */
export async function getUrgeState(actor: Actor | null, reportId: number): Promise<UrgeState | null> {
  if (!can(actor, "report:urge")) return null;
  const report = await db().report.findUnique({ where: { id: reportId }, select: { status: true, unitId: true, departmentId: true, escalations: { select: { level: true } } } });
  if (!report || !AWAITING_STATUSES.includes(report.status)) return null;
  const highest = highestLevel(report.escalations.map((e) => e.level));
  const template = { addressTemplate: addressTemplate() };
  const unreachable = (await recipientsFor(db(), [report])).filter((u) => !recipientAddress(u, template));
  return { highest, next: nextLevel(highest), choices: allowedLevels(highest), noEmailAddress: unreachable.map(({ username, displayName }) => ({ username, displayName })) };
}
