// Shared set-up for the reminder tests: an open cycle with reports of Tiedong (unit 210302) and
// of the finance department, extra accounts in and out of scope, and an .eml reader. The demo
// accounts tiedong.admin and finance.officer have e-mail addresses of their own (seed); the
// extra accounts have none.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ReportStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { reminderSettings } from "@/server/reminders/settings";

export const DUE = "2020-06-30";

export const TIEDONG_EMAIL = "tiedong.admin@tiedong-edu.example";
export const FINANCE_EMAIL = "finance.officer@anshan-finance.example";

/** No SMTP (every message goes to a fresh log folder) and, unless given, no address template. */
export function mailSettings(env: { MAIL_ADDRESS_TEMPLATE?: string } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "mail-log-"));
  return { dir, settings: reminderSettings({ ...process.env, MAIL_LOG_DIR: dir, SMTP_URL: "", MAIL_ADDRESS_TEMPLATE: "", REMINDER_DAYS: "7,1", ...env }) };
}

/** Shanghai morning of the day `offset` days from the due date. */
export const at = (offsetDays: number, hourUtc = 1) => new Date(Date.parse(`${DUE}T00:00:00Z`) + offsetDays * 86_400_000 + hourUtc * 3_600_000);

let n = 0;
export async function setUpReports(status: ReportStatus = "DRAFT") {
  n++;
  // the tests of a file share one database: close the cycles of earlier tests so that each
  // test sees only its own reports
  await db().reportingCycle.updateMany({ where: { code: { startsWith: "TEST-REM-" } }, data: { status: "CLOSED" } });
  await db().user.updateMany({ where: { username: { startsWith: "rem." } }, data: { active: false } });
  // a test may change or clear the demo accounts' addresses: each starts from the seeded ones
  await db().user.update({ where: { username: "tiedong.admin" }, data: { email: TIEDONG_EMAIL } });
  await db().user.update({ where: { username: "finance.officer" }, data: { email: FINANCE_EMAIL } });
  const [tiedong, finance, other] = await Promise.all([
    db().unit.findUniqueOrThrow({ where: { code: "210302" }, select: { id: true } }),
    db().department.findUniqueOrThrow({ where: { code: "FINANCE" }, select: { id: true } }),
    db().unit.findFirstOrThrow({ where: { isReporting: true, NOT: { code: "210302" } }, select: { id: true } }),
  ]);
  const cycle = await db().reportingCycle.create({
    data: { code: `TEST-REM-${n}-${Date.now()}`, nameZh: `测试周期${n}`, nameEn: `Test cycle ${n}`, periodStart: new Date("2019-09-01"), periodEnd: new Date("2020-08-31"), opensOn: new Date("2020-06-01"), dueOn: new Date(DUE), status: "OPEN" },
    select: { id: true },
  });
  const unitReport = await db().report.create({ data: { cycleId: cycle.id, unitId: tiedong.id, dueOn: new Date(DUE), status }, select: { id: true } });
  const departmentReport = await db().report.create({ data: { cycleId: cycle.id, departmentId: finance.id, dueOn: new Date(DUE), status }, select: { id: true } });
  const users = async (suffix: string, data: { role: "DISTRICT_ADMIN" | "DEPARTMENT_OFFICER"; unitId?: number; departmentId?: number; active?: boolean }) =>
    db().user.create({ data: { username: `rem.${n}.${suffix}`, displayName: `提醒测试${suffix}`, passwordHash: "x", mustChangePassword: false, ...data }, select: { id: true } });
  const second = await users("second", { role: "DISTRICT_ADMIN", unitId: tiedong.id });
  const disabled = await users("disabled", { role: "DISTRICT_ADMIN", unitId: tiedong.id, active: false });
  const elsewhere = await users("elsewhere", { role: "DISTRICT_ADMIN", unitId: other.id });
  const [tiedongAdmin, financeOfficer] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { username: "tiedong.admin" }, select: { id: true } }),
    db().user.findUniqueOrThrow({ where: { username: "finance.officer" }, select: { id: true } }),
  ]);
  return {
    cycleId: cycle.id,
    unitReport: unitReport.id,
    departmentReport: departmentReport.id,
    users: { tiedongAdmin: tiedongAdmin.id, financeOfficer: financeOfficer.id, second: second.id, disabled: disabled.id, elsewhere: elsewhere.id },
    /** the username of Tiedong's second administrator, who has no e-mail address */
    secondUsername: `rem.${n}.second`,
  };
}

export async function notificationsOf(reportIds: number[]) {
  return db().notification.findMany({ where: { reportId: { in: reportIds } }, select: { userId: true, reportId: true, kind: true, dedupeKey: true, messageZh: true, messageEn: true }, orderBy: { dedupeKey: "asc" } });
}

/** The .eml files in a folder, decoded: headers (encoded words resolved) and the text body. */
export function readMailLog(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(dir, file), "utf8").replace(/\r\n/g, "\n");
      const split = raw.indexOf("\n\n");
      const head = raw.slice(0, split).replace(/\n[ \t]+/g, " ");
      const header = (name: string) => {
        const line = head.split("\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
        if (!line) return "";
        const value = line.slice(name.length + 1).trim();
        // adjacent encoded words are joined without the space between them (RFC 2047)
        const words = value.replace(/\?=\s+=\?/g, "?==?");
        return words.replace(/(=\?UTF-8\?B\?[^?]*\?=)+/gi, (run) =>
          Buffer.concat([...run.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map((m) => Buffer.from(m[1]!, "base64"))).toString("utf8"),
        );
      };
      const body = Buffer.from(raw.slice(split + 2).replace(/\s+/g, ""), "base64").toString("utf8");
      return { file, to: header("To"), subject: header("Subject"), username: header("X-Portal-Username"), body };
    });
}
