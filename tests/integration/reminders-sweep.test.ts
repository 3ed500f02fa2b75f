// The scheduled reminder job, called directly (as the pg-boss worker does) at chosen moments.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createClient } from "@/server/db/create-client";
import { runReminderSweep } from "@/server/reminders/sweep";
import { auditRowsSince, lastAuditId } from "../support/actors";
import { at, FINANCE_EMAIL, mailSettings, notificationsOf, readMailLog, setUpReports, TIEDONG_EMAIL } from "./reminders-support";

describe("reminder sweep", () => {
  it("reminds every account of the unit and of the department 7 days and 1 day before the due date, once each", async () => {
    const s = await setUpReports();
    const { settings } = mailSettings();
    const reports = [s.unitReport, s.departmentReport];

    expect((await runReminderSweep(db(), at(-8), settings)).created).toBe(0);

    const since = await lastAuditId();
    const first = await runReminderSweep(db(), at(-7), settings);
    const week = await notificationsOf(reports);
    // Tiedong's two active administrators and the finance officer; not the disabled account,
    // not the administrator of another unit
    expect(week.map((n) => n.userId).sort()).toEqual([s.users.tiedongAdmin, s.users.second, s.users.financeOfficer].sort());
    expect(first.created).toBe(3);
    expect(week.every((n) => n.kind === "due-soon" && /^due-soon:\d+:7:u\d+$/.test(n.dedupeKey))).toBe(true);
    expect(week.find((n) => n.userId === s.users.tiedongAdmin)!.messageZh).toContain("还剩7天");
    expect(week.find((n) => n.userId === s.users.tiedongAdmin)!.messageEn).toContain("in 7 days");
    const audit = await auditRowsSince(since);
    expect(audit.map((r) => [r.action, r.outcome, r.actorId])).toEqual([["reminders.sweep", "SUCCESS", null]]);

    // run twice (and on the following days, before the last threshold): nothing new
    expect((await runReminderSweep(db(), at(-7, 5), settings)).created).toBe(0);
    expect((await runReminderSweep(db(), at(-3), settings)).created).toBe(0);
    expect(await notificationsOf(reports)).toEqual(week);
    expect((await auditRowsSince(since)).length).toBe(1);

    const dayBefore = await runReminderSweep(db(), at(-1), settings);
    expect(dayBefore.created).toBe(3);
    const all = await notificationsOf(reports);
    expect(all.filter((n) => /:1:u\d+$/.test(n.dedupeKey))).toHaveLength(3);
    expect((await runReminderSweep(db(), at(0), settings)).created).toBe(0);
  });

  it("a report opened inside the window gets one reminder for the tightest threshold crossed, not two", async () => {
    const s = await setUpReports();
    const { settings } = mailSettings();
    await runReminderSweep(db(), at(-1), settings);
    const rows = await notificationsOf([s.unitReport]);
    expect(rows).toHaveLength(2);
    expect(rows.every((n) => n.dedupeKey.startsWith(`due-soon:${s.unitReport}:1:`))).toBe(true);
  });

  it("sends an overdue notice once a day while the report is late, counted in Beijing time", async () => {
    const s = await setUpReports();
    const { settings } = mailSettings();
    await runReminderSweep(db(), at(1), settings);
    await runReminderSweep(db(), at(1, 10), settings); // later the same Beijing day
    const day1 = (await notificationsOf([s.unitReport])).filter((n) => n.kind === "overdue");
    expect(day1).toHaveLength(2);
    expect(day1[0]!.dedupeKey).toMatch(new RegExp(`^overdue:${s.unitReport}:2020-07-01:u\\d+$`));
    expect(day1[0]!.messageZh).toContain("已逾期1天");

    // 17:00 UTC on 1 July is already 2 July in Beijing: a new day, a new notice
    await runReminderSweep(db(), at(1, 17), settings);
    await runReminderSweep(db(), at(2, 3), settings);
    const late = (await notificationsOf([s.unitReport])).filter((n) => n.kind === "overdue");
    expect(late).toHaveLength(4);
    expect(late.filter((n) => n.dedupeKey.includes(":2020-07-02:")).every((n) => n.messageZh.includes("已逾期2天"))).toBe(true);
  });

  it("leaves submitted, approved and published reports alone, and reports of cycles that are not open", async () => {
    for (const status of ["SUBMITTED", "APPROVED", "PUBLISHED"] as const) {
      const s = await setUpReports(status);
      const { settings } = mailSettings();
      for (const day of [-7, -1, 3]) await runReminderSweep(db(), at(day), settings);
      expect(await notificationsOf([s.unitReport, s.departmentReport]), status).toEqual([]);
    }
    const closed = await setUpReports("RETURNED");
    await db().reportingCycle.update({ where: { id: closed.cycleId }, data: { status: "CLOSED" } });
    await runReminderSweep(db(), at(2), mailSettings().settings);
    expect(await notificationsOf([closed.unitReport])).toEqual([]);
  });

  it("writes each e-mail to the mail log in Chinese, addressed to the account's own address, when no SMTP server is configured", async () => {
    const s = await setUpReports();
    const { dir, settings } = mailSettings();
    const since = await lastAuditId();
    const result = await runReminderSweep(db(), at(-7), settings);
    // Tiedong's second administrator has no address and no template is set: notified in the
    // portal, not e-mailed, and named in the result and in the audit row
    expect(result).toMatchObject({ created: 3, mailed: 2, noEmailAddress: [s.secondUsername] });
    expect(await db().notification.count({ where: { reportId: s.unitReport, userId: s.users.second } })).toBe(1);
    const [audit] = await auditRowsSince(since);
    expect(audit!.changes).toMatchObject({ created: 3, noEmailAddress: [s.secondUsername] });
    const mails = readMailLog(dir);
    expect(mails.map((m) => m.username).sort()).toEqual(["finance.officer", "tiedong.admin"]);
    const tiedong = mails.find((m) => m.username === "tiedong.admin")!;
    expect(tiedong.to).toBe(`铁东区填报员(演示) <${TIEDONG_EMAIL}>`);
    expect(tiedong.subject).toBe("【提醒】测试周期" + tiedong.subject.match(/测试周期(\d+)/)![1] + "进度报告将于2020年6月30日截止");
    expect(tiedong.body).toContain("还剩7天,请尽快填报并提交");
    expect(tiedong.body).toContain("鞍山市城乡义务教育一体化政策落实监测平台");
    const finance = mails.find((m) => m.username === "finance.officer")!;
    expect(finance.to).toContain(`<${FINANCE_EMAIL}>`);
    expect(finance.body).toContain("财政");

    // a second run mails nothing again
    await runReminderSweep(db(), at(-7, 6), settings);
    expect(readMailLog(dir)).toHaveLength(2);
    await runReminderSweep(db(), at(2), settings);
    const overdue = readMailLog(dir).filter((m) => m.subject.startsWith("【逾期】"));
    expect(overdue).toHaveLength(2);
    expect(overdue[0]!.subject).toContain("已逾期2天");
  });

  it("falls back to the address template for accounts without an address, and follows an address changed since", async () => {
    const s = await setUpReports();
    await db().user.update({ where: { id: s.users.financeOfficer }, data: { email: "Caizheng.Office@anshan-finance.example" } });
    const { dir, settings } = mailSettings({ MAIL_ADDRESS_TEMPLATE: "{username}@jyj.anshan.example" });
    const since = await lastAuditId();
    const result = await runReminderSweep(db(), at(-7), settings);
    expect(result).toMatchObject({ created: 3, mailed: 3, noEmailAddress: [] });
    expect((await auditRowsSince(since))[0]!.changes).toMatchObject({ noEmailAddress: [] });
    const to = Object.fromEntries(readMailLog(dir).map((m) => [m.username, m.to]));
    expect(to).toEqual({
      // an address of its own wins over the template
      "tiedong.admin": `铁东区填报员(演示) <${TIEDONG_EMAIL}>`,
      "finance.officer": "市财政局联络员(演示) <Caizheng.Office@anshan-finance.example>",
      [s.secondUsername]: `提醒测试second <${s.secondUsername}@jyj.anshan.example>`,
    });
  });

  it("e-mails nobody when no account has an address and there is no template, and still notifies everyone in the portal", async () => {
    const s = await setUpReports();
    await db().user.updateMany({ where: { id: { in: [s.users.tiedongAdmin, s.users.financeOfficer] } }, data: { email: null } });
    const { dir, settings } = mailSettings();
    const result = await runReminderSweep(db(), at(-1), settings);
    expect(result).toMatchObject({ created: 3, mailed: 0 });
    expect(result.noEmailAddress).toEqual(["finance.officer", s.secondUsername, "tiedong.admin"].sort());
    expect(await notificationsOf([s.unitReport, s.departmentReport])).toHaveLength(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("two sweeps at the same moment (two app instances) create and mail each notification once", async () => {
    const s = await setUpReports();
    const { dir, settings } = mailSettings();
    const a = createClient(process.env.DATABASE_URL!);
    const b = createClient(process.env.DATABASE_URL!);
    try {
      const [ra, rb] = await Promise.all([runReminderSweep(a, at(-7), settings), runReminderSweep(b, at(-7), settings)]);
      expect(ra.created + rb.created).toBe(3);
      // Tiedong's second administrator has no address: two e-mails for three notifications
      expect(ra.mailed + rb.mailed).toBe(2);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    expect(await notificationsOf([s.unitReport, s.departmentReport])).toHaveLength(3);
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
