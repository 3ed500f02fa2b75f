// Matrix fixtures for the reminder and urging actions (see matrix-fixtures.ts for the rules).
import { randomUUID } from "node:crypto";
import { db } from "@/server/db/client";
import type { Fixture, Variant } from "./matrix-fixtures";

let counter = 0;
const next = () => ++counter;

/** A report of a new unit of its own, not yet submitted: urging it is always possible. */
async function freshReport() {
  const n = next();
  const [city, cycle] = await Promise.all([
    db().unit.findUniqueOrThrow({ where: { code: "2103" }, select: { id: true } }),
    db().reportingCycle.findFirstOrThrow({ orderBy: { periodStart: "asc" }, select: { id: true, dueOn: true } }),
  ]);
  const unit = await db().unit.create({ data: { code: `DZ-RM${n}`, nameZh: `催办测试开发区${n}`, nameEn: `Urging zone ${n}`, kind: "DEVELOPMENT_ZONE", isReporting: true, parentId: city.id }, select: { id: true } });
  return db().report.create({ data: { cycleId: cycle.id, unitId: unit.id, dueOn: cycle.dueOn, status: "DRAFT" }, select: { id: true } });
}

/** An unread notification of the actor ("own") or of somebody else ("other"). */
async function freshNotification(userId: number, variant: Variant) {
  const owner =
    variant === "own"
      ? userId
      : (await db().user.create({ data: { username: `matrix.reader${next()}.${randomUUID().slice(0, 8)}`, displayName: "通知测试", role: "DISTRICT_ADMIN", passwordHash: "x", mustChangePassword: false }, select: { id: true } })).id;
  return db().notification.create({
    data: { userId: owner, kind: "escalation", dedupeKey: `matrix:${randomUUID()}`, messageZh: "矩阵测试通知", messageEn: "Matrix test notification" },
    select: { id: true },
  });
}

export const REMINDER_FIXTURES: Record<string, Fixture> = {
  // any-scoped for the bureau, held by no other role: one record suffices
  "report.urge": { variants: ["own"], input: async () => ({ reportId: String((await freshReport()).id), message: `请尽快报送 ${next()}` }) },
  "notification.mark-read": { variants: ["own", "other"], input: async (actor, variant) => ({ id: String((await freshNotification(actor.userId, variant)).id) }) },
  // no id is sent: the record is the actor's own account, as for the account actions
  "notification.mark-all-read": { variants: ["own"], input: async (actor) => (await freshNotification(actor.userId, "own"), {}) },
};
