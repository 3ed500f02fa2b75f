// Urging (催办) by the bureau, the escalation history, and one's own notifications.
import { describe, expect, it } from "vitest";
import { ROLES } from "@/shared/roles";
import { executeAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { markAllNotificationsReadSpec, markNotificationReadSpec, urgeReportSpec } from "@/server/reminders/actions";
import { getUrgeState, listEscalations, listMyNotifications } from "@/server/reminders/queries";
import { actorFor, auditRowsSince, DEMO_USER_BY_ROLE, lastAuditId, testContext } from "../support/actors";
import { mailSettings, readMailLog, setUpReports, TIEDONG_EMAIL } from "./reminders-support";

// the urging reads its mail settings from the environment: log to a folder, no address template
const { dir } = mailSettings();
Object.assign(process.env, { MAIL_LOG_DIR: dir, SMTP_URL: "", MAIL_ADDRESS_TEMPLATE: "" });

const escalationsOf = (reportId: number) => db().escalation.findMany({ where: { reportId }, orderBy: { id: "asc" }, select: { level: true, message: true, byId: true } });

describe("urging a report", () => {
  it("climbs reminder → urge → yellow card → red card, notifies the unit's accounts and audits each step", async () => {
    const s = await setUpReports();
    const staff = await actorFor("bureau.staff");
    const leader = await actorFor("bureau.leader");
    // before sending, the form tells the bureau whom e-mail cannot reach
    expect((await getUrgeState(staff, s.unitReport))?.noEmailAddress).toEqual([{ username: s.secondUsername, displayName: "提醒测试second" }]);
    const since = await lastAuditId();

    const steps = [
      [staff, "请于本周内报送进度。"],
      [staff, "再次催办,请立即报送。"],
      [leader, "黄牌警示:逾期未报。"],
      [leader, "红牌警示:将通报批评。"],
      [staff, "红牌后再次催办。"],
    ] as const;
    for (const [actor, message] of steps) {
      const result = await executeAction(urgeReportSpec, actor, testContext(), { reportId: String(s.unitReport), message });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const rows = await escalationsOf(s.unitReport);
    expect(rows.map((r) => r.level)).toEqual(["REMINDER", "URGE", "YELLOW_CARD", "RED_CARD", "RED_CARD"]);
    expect(rows.map((r) => r.byId)).toEqual([staff.userId, staff.userId, leader.userId, leader.userId, staff.userId]);

    const audit = (await auditRowsSince(since)).filter((r) => r.action === "report.urge");
    expect(audit).toHaveLength(5);
    expect(audit.map((r) => (r.changes as { level: string }).level)).toEqual(["REMINDER", "URGE", "YELLOW_CARD", "RED_CARD", "RED_CARD"]);
    expect(audit.every((r) => r.outcome === "SUCCESS" && r.targetType === "Report" && r.targetId === String(s.unitReport))).toBe(true);

    // every active account of Tiedong got each one; the other unit's account got none
    const notes = await db().notification.findMany({ where: { reportId: s.unitReport, kind: "escalation" }, select: { userId: true, messageZh: true } });
    expect(notes.filter((n) => n.userId === s.users.tiedongAdmin)).toHaveLength(5);
    expect(notes.filter((n) => n.userId === s.users.second)).toHaveLength(5);
    expect(notes.some((n) => n.userId === s.users.elsewhere || n.userId === s.users.disabled)).toBe(false);
    expect(notes.some((n) => n.messageZh.startsWith("【黄牌警示】") && n.messageZh.includes("逾期未报"))).toBe(true);
    const mails = readMailLog(dir);
    expect(mails.some((m) => m.username === "tiedong.admin" && m.to.endsWith(`<${TIEDONG_EMAIL}>`) && m.subject.startsWith("【红牌警示】"))).toBe(true);
    // the second administrator has no address: notified in the portal only, and every urging's audit row says so
    expect(mails.some((m) => m.username === s.secondUsername)).toBe(false);
    expect(audit.every((r) => JSON.stringify((r.changes as { noEmailAddress: string[] }).noEmailAddress) === JSON.stringify([s.secondUsername]))).toBe(true);

    // what the report page shows: the unit itself sees its history, another unit does not
    const history = await listEscalations(await actorFor("tiedong.admin"), testContext(), s.unitReport);
    expect(history?.map((e) => e.level)).toEqual(["REMINDER", "URGE", "YELLOW_CARD", "RED_CARD", "RED_CARD"]);
    expect(await listEscalations(await actorFor("finance.officer"), testContext(), s.unitReport)).toBeNull();
  });

  it("accepts an explicit higher level and refuses a lower one, with nothing written", async () => {
    const s = await setUpReports();
    const staff = await actorFor("bureau.staff");
    const jump = await executeAction(urgeReportSpec, staff, testContext(), { reportId: String(s.departmentReport), message: "直接黄牌。", level: "YELLOW_CARD" });
    expect(jump.ok && jump.data.level).toBe("YELLOW_CARD");
    const before = await db().notification.count();
    const lower = await executeAction(urgeReportSpec, staff, testContext(), { reportId: String(s.departmentReport), message: "降级。", level: "URGE" });
    expect(lower.ok ? "ok" : lower.fieldErrors).toEqual({ level: ["reminders.urge.levelTooLow"] });
    expect((await escalationsOf(s.departmentReport)).map((r) => r.level)).toEqual(["YELLOW_CARD"]);
    expect(await db().notification.count()).toBe(before);
    // the finance officer was told
    expect(await db().notification.count({ where: { reportId: s.departmentReport, userId: s.users.financeOfficer } })).toBe(1);
  });

  it("e-mails an account without an address at the one the address template makes, when there is a template", async () => {
    const s = await setUpReports();
    const staff = await actorFor("bureau.staff");
    process.env.MAIL_ADDRESS_TEMPLATE = "{username}@jyj.anshan.example";
    try {
      expect((await getUrgeState(staff, s.unitReport))?.noEmailAddress).toEqual([]);
      const result = await executeAction(urgeReportSpec, staff, testContext(), { reportId: String(s.unitReport), message: "请按模板地址通知。" });
      expect(result.ok && result.data.noEmailAddress).toEqual([]);
      const mine = readMailLog(dir).filter((m) => m.body.includes("请按模板地址通知。"));
      expect(Object.fromEntries(mine.map((m) => [m.username, m.to]))).toEqual({
        "tiedong.admin": `铁东区填报员(演示) <${TIEDONG_EMAIL}>`,
        [s.secondUsername]: `提醒测试second <${s.secondUsername}@jyj.anshan.example>`,
      });
    } finally {
      process.env.MAIL_ADDRESS_TEMPLATE = "";
    }
  });

  it("refuses to urge a report that has been submitted", async () => {
    const s = await setUpReports("SUBMITTED");
    const result = await executeAction(urgeReportSpec, await actorFor("bureau.staff"), testContext(), { reportId: String(s.unitReport), message: "催办。" });
    expect(result.ok ? "ok" : result.messageKey).toBe("reminders.urge.notNeeded");
    expect(await escalationsOf(s.unitReport)).toEqual([]);
  });

  it("refuses every role but bureau staff and leader, changing nothing and auditing the refusal", async () => {
    const s = await setUpReports();
    for (const role of ROLES.filter((r) => r !== "BUREAU_STAFF" && r !== "BUREAU_LEADER")) {
      const actor = await actorFor(DEMO_USER_BY_ROLE[role]);
      const since = await lastAuditId();
      const [escalations, notifications] = await Promise.all([db().escalation.count(), db().notification.count()]);
      const result = await executeAction(urgeReportSpec, actor, testContext(), { reportId: String(s.unitReport), message: "越权催办。" });
      expect(result.ok ? "ok" : result.code, role).toBe("FORBIDDEN");
      expect([await db().escalation.count(), await db().notification.count()], role).toEqual([escalations, notifications]);
      expect((await auditRowsSince(since)).map((r) => [r.action, r.outcome]), role).toEqual([["authz.denied:report:urge", "DENIED"]]);
    }
    expect(await escalationsOf(s.unitReport)).toEqual([]);
  });
});

describe("my notifications", () => {
  it("lists unread first and newest first, and marks one or all read, only one's own", async () => {
    const me = await actorFor("tiedong.admin");
    const other = await actorFor("finance.officer");
    const make = (userId: number, key: string, minutesAgo: number, read = false) =>
      db().notification.create({
        data: { userId, kind: "escalation", dedupeKey: `list-test:${key}`, messageZh: key, messageEn: key, createdAt: new Date(Date.now() - minutesAgo * 60_000), readAt: read ? new Date() : null },
        select: { id: true },
      });
    await db().notification.updateMany({ where: { userId: me.userId }, data: { readAt: new Date(Date.now() - 86_400_000), createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    const oldUnread = await make(me.userId, "old-unread", 60);
    await make(me.userId, "new-read", 1, true);
    const newUnread = await make(me.userId, "new-unread", 5);
    const theirs = await make(other.userId, "theirs", 1);

    const list = await listMyNotifications(me, testContext());
    expect(list.unread.map((n) => n.messageZh)).toEqual(["new-unread", "old-unread"]);
    expect(list.read[0]!.messageZh).toBe("new-read");
    expect(list.unreadCount).toBe(2);

    expect((await executeAction(markNotificationReadSpec, me, testContext(), { id: String(newUnread.id) })).ok).toBe(true);
    const refused = await executeAction(markNotificationReadSpec, me, testContext(), { id: String(theirs.id) });
    expect(refused.ok ? "ok" : refused.code).toBe("NOT_FOUND");
    expect((await db().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    const all = await executeAction(markAllNotificationsReadSpec, me, testContext(), {});
    expect(all.ok && all.data.count).toBe(1);
    expect((await db().notification.findUniqueOrThrow({ where: { id: oldUnread.id } })).readAt).not.toBeNull();
    expect((await listMyNotifications(me, testContext())).unreadCount).toBe(0);
    expect((await db().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
});
