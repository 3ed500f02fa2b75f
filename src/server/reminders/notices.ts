import { createTranslator } from "next-intl";
import type { EscalationLevel } from "@/generated/prisma/enums";
import en from "@/i18n/messages/en/reminders.json";
import zh from "@/i18n/messages/zh-CN/reminders.json";

// The stored text of a notification and of its e-mail. A notification keeps both languages
// (messageZh/messageEn), so the text is rendered when it is created, from the same message
// files the pages use. Pure: no database, usable by the job, the actions and unit tests.

const tZh = createTranslator({ locale: "zh-CN", messages: zh, namespace: "reminders" });
const tEn = createTranslator({ locale: "en", messages: en, namespace: "reminders" });

export type NoticeReport = {
  dueOn: Date;
  cycle: { nameZh: string; nameEn: string };
  /** the unit or department that files the report */
  owner: { nameZh: string; nameEn: string | null };
};

export type Notice = { kind: "due-soon" | "overdue" | "escalation"; messageZh: string; messageEn: string; mailSubject: string };

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function zhDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function args(report: NoticeReport) {
  return {
    zh: { cycle: report.cycle.nameZh, owner: report.owner.nameZh, dueOn: zhDate(report.dueOn) },
    en: { cycle: report.cycle.nameEn, owner: report.owner.nameEn ?? report.owner.nameZh, dueOn: isoDate(report.dueOn) },
  };
}

/** daysLeft ≥ 0: due in that many days (0 = today). */
export function dueSoonNotice(report: NoticeReport, daysLeft: number): Notice {
  const a = args(report);
  const key = daysLeft === 0 ? "notice.dueToday" : "notice.dueSoon";
  return {
    kind: "due-soon",
    messageZh: tZh(key, { ...a.zh, days: daysLeft }),
    messageEn: tEn(key, { ...a.en, days: daysLeft }),
    mailSubject: tZh("notice.mailSubjectDueSoon", a.zh),
  };
}

export function overdueNotice(report: NoticeReport, daysLate: number): Notice {
  const a = args(report);
  return {
    kind: "overdue",
    messageZh: tZh("notice.overdue", { ...a.zh, days: daysLate }),
    messageEn: tEn("notice.overdue", { ...a.en, days: daysLate }),
    mailSubject: tZh("notice.mailSubjectOverdue", { ...a.zh, days: daysLate }),
  };
}

export function escalationNotice(report: NoticeReport, level: EscalationLevel, message: string): Notice {
  const a = args(report);
  const levelZh = tZh(`levels.${level}`);
  const levelEn = tEn(`levels.${level}`);
  return {
    kind: "escalation",
    messageZh: tZh("notice.escalation", { ...a.zh, level: levelZh, message }),
    messageEn: tEn("notice.escalation", { ...a.en, level: levelEn, message }),
    mailSubject: tZh("notice.mailSubjectEscalation", { ...a.zh, level: levelZh }),
  };
}

/** The e-mail body: Chinese first, the English text after it. */
export function mailBody(displayName: string, notice: Pick<Notice, "messageZh" | "messageEn">): string {
  return [tZh("notice.mailGreeting", { name: displayName }), "", notice.messageZh, "", tZh("notice.mailFooter"), "", "—", "", notice.messageEn, "", tEn("notice.mailFooter"), ""].join("\n");
}
