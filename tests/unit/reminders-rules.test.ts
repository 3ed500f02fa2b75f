import { describe, expect, it } from "vitest";
import { allowedLevels, highestLevel, nextLevel } from "@/server/reminders/levels";
import { recipientAddress, withoutAddress } from "@/server/reminders/mail";
import { dueSoonNotice, escalationNotice, overdueNotice } from "@/server/reminders/notices";
import { reminderSettings } from "@/server/reminders/settings";
import { localDate, reminderFor } from "@/server/reminders/sweep";

const report = { dueOn: new Date("2020-06-30"), cycle: { nameZh: "2019—2020学年", nameEn: "2019–2020 school year" }, owner: { nameZh: "铁东区", nameEn: "Tiedong District" } };

describe("reminder rules", () => {
  it("picks the tightest threshold crossed, and overdue after the due date", () => {
    expect(reminderFor(8, [1, 7])).toBeNull();
    expect(reminderFor(7, [1, 7])).toEqual({ kind: "due-soon", threshold: 7 });
    expect(reminderFor(2, [7, 1])).toEqual({ kind: "due-soon", threshold: 7 });
    expect(reminderFor(1, [1, 7])).toEqual({ kind: "due-soon", threshold: 1 });
    expect(reminderFor(0, [1, 7])).toEqual({ kind: "due-soon", threshold: 1 });
    expect(reminderFor(-1, [1, 7])).toEqual({ kind: "overdue" });
    expect(reminderFor(3, [])).toBeNull();
  });

  it("counts days in Beijing time", () => {
    expect(localDate(new Date("2020-06-29T15:59:00Z"), "Asia/Shanghai")).toBe("2020-06-29");
    expect(localDate(new Date("2020-06-29T16:00:00Z"), "Asia/Shanghai")).toBe("2020-06-30");
  });

  it("escalates one level at a time, never down, and repeats a red card", () => {
    expect(nextLevel(null)).toBe("REMINDER");
    expect(nextLevel("REMINDER")).toBe("URGE");
    expect(nextLevel("YELLOW_CARD")).toBe("RED_CARD");
    expect(nextLevel("RED_CARD")).toBe("RED_CARD");
    expect(highestLevel(["URGE", "REMINDER", "YELLOW_CARD", "URGE"])).toBe("YELLOW_CARD");
    expect(highestLevel([])).toBeNull();
    expect(allowedLevels("URGE")).toEqual(["URGE", "YELLOW_CARD", "RED_CARD"]);
    expect(allowedLevels(null)).toEqual(["REMINDER", "URGE", "YELLOW_CARD", "RED_CARD"]);
  });

  it("writes notices in Chinese and English", () => {
    expect(dueSoonNotice(report, 7).messageZh).toBe("2019—2020学年进度报告(铁东区)将于2020年6月30日截止,还剩7天,请尽快填报并提交。");
    expect(dueSoonNotice(report, 0).messageEn).toContain("due today (2020-06-30)");
    expect(overdueNotice(report, 3).mailSubject).toBe("【逾期】2019—2020学年进度报告已逾期3天");
    const e = escalationNotice(report, "YELLOW_CARD", "请立即报送。");
    expect(e.messageZh).toContain("【黄牌警示】");
    expect(e.messageEn).toContain("[Yellow card]");
  });

  it("reads its settings with defaults", () => {
    const s = reminderSettings({ MAIL_LOG_DIR: "/tmp/x" });
    expect(s).toMatchObject({ enabled: true, days: [1, 7], cron: "0 8 * * *", timeZone: "Asia/Shanghai", mail: { smtpUrl: null, addressTemplate: null, logDir: "/tmp/x" } });
    expect(reminderSettings({ REMINDERS_ENABLED: "0", REMINDER_DAYS: "14, 3,3" })).toMatchObject({ enabled: false, days: [3, 14] });
    expect(() => reminderSettings({ REMINDER_DAYS: "a week" })).toThrow(/REMINDER_DAYS/);
    expect(() => reminderSettings({ MAIL_ADDRESS_TEMPLATE: "jyj.example" })).toThrow(/MAIL_ADDRESS_TEMPLATE/);
  });

  it("mails the account's own address, else one made from the template, else nobody", () => {
    const plain = reminderSettings({ MAIL_LOG_DIR: "/tmp/x" }).mail;
    const templated = reminderSettings({ MAIL_ADDRESS_TEMPLATE: "{username}@jyj.example" }).mail;
    const own = { username: "tiedong.admin", email: "Office@tiedong-edu.example" };
    const none = { username: "rem.none", email: null };
    expect(recipientAddress(own, plain)).toEqual({ address: "Office@tiedong-edu.example", source: "account" });
    expect(recipientAddress(own, templated)).toEqual({ address: "Office@tiedong-edu.example", source: "account" });
    expect(recipientAddress(none, templated)).toEqual({ address: "rem.none@jyj.example", source: "template" });
    expect(recipientAddress(none, plain)).toBeNull();
    expect(withoutAddress([none, own, { username: "a.none", email: null }, none], plain)).toEqual(["a.none", "rem.none"]);
    expect(withoutAddress([none, own], templated)).toEqual([]);
  });
});
