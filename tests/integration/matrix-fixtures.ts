// Inputs for the authorization matrix: one entry per action name. Each builds a FRESH input
// (new records where the action needs a target) so that every allowed call can succeed on its
// own. `variants` lists the records to try: "own" (in the actor's scope, or any record for
// "any"-scoped permissions) and "other" (in another unit's or department's scope).
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password-hash";
import { sealTotpSecret, newTotpSecret, openTotpSecret, totpCode } from "@/server/auth/totp";
import { executeAction } from "@/server/actions/define-action";
import { startTotpSpec } from "@/server/account/actions";
import { db } from "@/server/db/client";
import { testContext } from "../support/actors";
import { REMINDER_FIXTURES } from "./matrix-fixtures-reminders";
import { REPORTING_FIXTURES } from "./matrix-fixtures-reporting";
import { EVIDENCE_FIXTURES } from "../fixtures/evidence/matrix";

export type Variant = "own" | "other";
export type Fixture = {
  variants: Variant[];
  input: (actor: Actor, variant: Variant) => Promise<Record<string, unknown>>;
  cleanUp?: (actor: Actor) => Promise<void>;
};

let counter = 0;
const next = () => ++counter;

/** A plain, settled account to act on (never one of the demo actors). */
async function freshUser(extra: { lockedUntil?: Date; failedLoginCount?: number; active?: boolean } = {}) {
  const n = next();
  return db().user.create({
    data: { username: `matrix.user${n}`, displayName: `矩阵测试${n}`, role: "BUREAU_STAFF", passwordHash: "x", mustChangePassword: false, ...extra },
    select: { id: true },
  });
}

async function freshUnit(active = true) {
  const n = next();
  const city = await db().unit.findUniqueOrThrow({ where: { code: "2103" }, select: { id: true } });
  return db().unit.create({ data: { code: `DZ-MX${n}`, nameZh: `矩阵测试开发区${n}`, nameEn: `Matrix zone ${n}`, kind: "DEVELOPMENT_ZONE", isReporting: true, parentId: city.id, active }, select: { id: true } });
}

async function freshDepartment(active = true) {
  const n = next();
  return db().department.create({ data: { code: `MATRIX_${n}`, nameZh: `矩阵测试部门${n}`, nameEn: `Matrix department ${n}`, kind: "GOVERNMENT_DEPARTMENT", aliasesZh: [], active }, select: { id: true } });
}

const KNOWN_PASSWORD = "Matrix-Known-Pass-77";

/** Puts the actor's own password to a known value so the action can ask for it. */
async function knownPassword(actor: Actor) {
  await db().user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(KNOWN_PASSWORD) } });
  return KNOWN_PASSWORD;
}

async function setTotp(actor: Actor, state: "off" | "enrolled") {
  if (state === "off") {
    await db().user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpEnabledAt: null } });
  } else {
    await db().user.update({ where: { id: actor.userId }, data: { totpSecret: sealTotpSecret(newTotpSecret(), actor.userId), totpEnabledAt: new Date() } });
  }
}

const policyFields = async (n: number) => {
  const p = await db().securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
  return {
    totpRequiredRoles: p.totpRequiredRoles,
    idleTimeoutMinutes: String(20 + (n % 40)),
    adminIdleTimeoutMinutes: String(10 + (n % 5)),
    absoluteLifetimeHours: String(p.absoluteLifetimeHours),
    passwordMinLength: String(p.passwordMinLength),
    adminPasswordMaxAgeDays: String(p.adminPasswordMaxAgeDays),
    passwordHistoryCount: String(p.passwordHistoryCount),
    lockoutThreshold: String(p.lockoutThreshold),
    lockoutMinutes: String(p.lockoutMinutes),
    ipAttemptsPerWindow: String(p.ipAttemptsPerWindow),
    ipWindowMinutes: String(p.ipWindowMinutes),
  };
};

const own: Variant[] = ["own"];

export const FIXTURES: Record<string, Fixture> = {
  // ── one's own account (scope "own": the record is the actor; no id is sent, so there is no
  //    "other" record to try: another user's account cannot even be named) ──
  "account.update-email": { variants: own, input: async () => ({ email: `matrix-${next()}@example.cn` }) },
  "account.change-password": {
    variants: own,
    input: async (actor) => {
      const current = await knownPassword(actor);
      const fresh = `Fresh-Matrix-Word-${next()}-Qz`;
      return { currentPassword: current, newPassword: fresh, confirmPassword: fresh };
    },
  },
  "account.totp.start": { variants: own, input: async (actor) => (await setTotp(actor, "off"), {}) },
  "account.totp.confirm": {
    variants: own,
    input: async (actor) => {
      const currentPassword = await knownPassword(actor);
      await setTotp(actor, "off");
      await executeAction(startTotpSpec, actor, testContext(), {});
      const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, isDemo: true, totpSecret: true } });
      const secret = openTotpSecret(user.totpSecret, user);
      return { currentPassword, code: secret ? await totpCode(secret) : "000000" };
    },
  },
  "account.totp.regenerate-recovery-codes": {
    variants: own,
    input: async (actor) => {
      const currentPassword = await knownPassword(actor);
      await setTotp(actor, "enrolled");
      return { currentPassword };
    },
  },

  // ── users ──
  "user.create": { variants: own, input: async () => ({ username: `matrix.new${next()}`, displayName: "矩阵新用户", email: "matrix.new@anshan-edu.example", role: "BUREAU_STAFF" }) },
  "user.update-profile": { variants: own, input: async () => ({ id: String((await freshUser()).id), displayName: `改名${next()}`, email: `matrix${next()}@anshan-edu.example` }) },
  "user.disable": { variants: own, input: async () => ({ id: String((await freshUser()).id), reason: "矩阵测试停用" }) },
  "user.enable": { variants: own, input: async () => ({ id: String((await freshUser({ active: false })).id), reason: "矩阵测试启用" }) },
  "user.unlock": { variants: own, input: async () => ({ id: String((await freshUser({ lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 5 })).id) }) },
  "user.reset-password": { variants: own, input: async () => ({ id: String((await freshUser()).id), reason: "矩阵测试重置" }) },
  "user.assign-role": { variants: own, input: async () => ({ id: String((await freshUser()).id), role: "BUREAU_LEADER", reason: "矩阵测试调岗" }) },
  "user.end-sessions": { variants: own, input: async () => ({ id: String((await freshUser()).id) }) },
  "security-policy.update": { variants: own, input: async () => policyFields(next()) },

  // ── organisation and policy text ──
  "unit.create": { variants: own, input: async () => ({ kind: "DEVELOPMENT_ZONE", code: `DZ-NEW${next()}`, nameZh: "矩阵新开发区", nameEn: "Matrix new zone" }) },
  "unit.rename": { variants: own, input: async () => ({ id: String((await freshUnit()).id), nameZh: `更名开发区${next()}`, reason: "矩阵测试更名" }) },
  "unit.deactivate": { variants: own, input: async () => ({ id: String((await freshUnit()).id), reason: "矩阵测试撤销" }) },
  "unit.reactivate": { variants: own, input: async () => ({ id: String((await freshUnit(false)).id), reason: "矩阵测试恢复" }) },
  "department.create": { variants: own, input: async () => ({ code: `MATRIX_NEW_${next()}`, nameZh: "矩阵新部门", nameEn: "Matrix new department", kind: "GOVERNMENT_DEPARTMENT", aliasesZh: "" }) },
  "department.rename": { variants: own, input: async () => ({ id: String((await freshDepartment()).id), nameZh: `更名部门${next()}`, nameEn: "Renamed", aliasesZh: "", reason: "矩阵测试更名" }) },
  "department.deactivate": { variants: own, input: async () => ({ id: String((await freshDepartment()).id), reason: "矩阵测试撤销" }) },
  "department.reactivate": { variants: own, input: async () => ({ id: String((await freshDepartment(false)).id), reason: "矩阵测试恢复" }) },
  "measure.revise": {
    variants: own,
    input: async () => {
      const m = await db().measure.findFirstOrThrow({ where: { kind: "MEASURE", number: 5 }, select: { id: true } });
      return { id: String(m.id), titleZh: `第5条标题${next()}`, text: `矩阵测试录入的第5条文本 ${next()}`, reason: "矩阵测试录入原文", sourceDescription: "矩阵测试" };
    },
  },

  // ── audit ──
  "audit.export": { variants: own, input: async () => ({}) },

  // ── reminders and urging (kept in their own file) ──
  ...REMINDER_FIXTURES,

  // ── reporting: cycles, drafts, submission, review (kept in their own file) ──
  ...REPORTING_FIXTURES,

  // ── evidence files (kept in tests/fixtures/evidence/matrix.ts) ──
  ...EVIDENCE_FIXTURES,
};
