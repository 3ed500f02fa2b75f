// User administration and the security policy, through executeAction (the pipeline the
// browser's server actions use), as the seeded demo accounts. What an administrator or an
// attacker would notice: who may do what, what the account can do afterwards, what the audit
// log says, and that a refusal changes nothing.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { AuditLog, Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { executeAction, type ActionSpec } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password-hash";
import { resolveSession } from "@/server/auth/session-store";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import {
  assignUserRoleSpec,
  createUserSpec,
  disableUserSpec,
  enableUserSpec,
  endUserSessionsSpec,
  resetUserPasswordSpec,
  unlockUserSpec,
  updateUserProfileSpec,
} from "@/server/users/actions";
import { USER_ADMIN_ACTIONS, type UserAdminAction } from "@/server/users/admin-actions-for";
import { ISSUED_PASSWORD_ALPHABET } from "@/server/users/issue-password";
import { getSecurityPolicyForAdmin, getUserForAdmin, listUsers, parseUserFilters } from "@/server/users/queries";
import { updateSecurityPolicySpec } from "@/server/users/security-policy-actions";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";

const run = <S extends z.ZodType, T>(spec: ActionSpec<S, T>, actor: Actor | null, input: Record<string, unknown>) => executeAction(spec, actor, testContext(), input);

const userByName = (username: string) => db().user.findUniqueOrThrow({ where: { username } });

/**
 * A settled account of its own for one test (every test in this file shares one database), with
 * a known password it has chosen itself.
 */
async function makeUser(username: string, role: Role, data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  return db().user.create({
    data: { username, displayName: `${username} 测试`, role, passwordHash: await hashPassword(`${username}-Own-Pass-1`), mustChangePassword: false, ...data },
  });
}
const unitId = async (code: string) => (await db().unit.findUniqueOrThrow({ where: { code } })).id;
const departmentId = async (code: string) => (await db().department.findUniqueOrThrow({ where: { code } })).id;

/** A digest of every table these actions may write, bar the audit log (denials are logged by design). */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of ["User", "Session", "EntityRevision", "SecurityPolicy", "PasswordHistory"]) {
    const [row] = await db().$queryRawUnsafe<{ md5: string | null }[]>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${table}" t`);
    parts.push(`${table}:${row?.md5 ?? "empty"}`);
  }
  return parts.join(",");
}

const asText = (rows: AuditLog[]) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));

/** Exactly one SUCCESS row of the action (session-end rows may come with it), and no secret anywhere. */
async function expectAudited(since: bigint, action: string, secret?: string) {
  const rows = await auditRowsSince(since);
  const own = rows.filter((r) => r.action === action);
  expect(own).toHaveLength(1);
  expect(own[0]!.outcome).toBe("SUCCESS");
  expect(rows.filter((r) => r.action !== action).every((r) => r.action === "auth.session.end")).toBe(true);
  const text = asText(rows);
  expect(text).not.toContain("$argon2");
  expect(text).not.toMatch(/passwordHash/i);
  if (secret) expect(text).not.toContain(secret);
  return own[0]!;
}

async function expectDenied(since: bigint) {
  const rows = await auditRowsSince(since);
  expect(rows.some((r) => r.outcome === "DENIED")).toBe(true);
  expect(rows.some((r) => r.outcome === "SUCCESS")).toBe(false);
}

const changesOf = (row: AuditLog) => row.changes as Record<string, { before: unknown; after: unknown } | unknown>;

describe("creating accounts", () => {
  it("lets the system administrator create a district administrator for 海城市 with a one-time issued password", async () => {
    const sysadmin = await actorFor("sysadmin");
    const haicheng = await unitId("210381");
    const since = await lastAuditId();
    const result = await run(createUserSpec, sysadmin, { username: " Haicheng.Admin ", displayName: "海城市填报员", role: "DISTRICT_ADMIN", unitId: String(haicheng) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { issuedPassword } = result.data;
    expect(issuedPassword).toHaveLength(16);
    expect([...issuedPassword].every((c) => ISSUED_PASSWORD_ALPHABET.includes(c))).toBe(true);

    const user = await userByName("haicheng.admin");
    expect(user).toMatchObject({ displayName: "海城市填报员", role: "DISTRICT_ADMIN", unitId: haicheng, departmentId: null, active: true, mustChangePassword: true });
    expect(await verifyPassword(user.passwordHash, issuedPassword)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "Tiedong-Demo-2017!")).toBe(false);

    const row = await expectAudited(since, "user.create", issuedPassword);
    expect(row.targetId).toBe(String(user.id));
    expect(row.unitId).toBe(haicheng);
    expect(changesOf(row).role).toEqual({ before: null, after: "DISTRICT_ADMIN" });
    expect(changesOf(row).unit).toEqual({ before: null, after: "210381" });
    const revisions = await db().entityRevision.findMany({ where: { entityType: "User", entityId: user.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.actorId).toBe(sysadmin.userId);
    expect(JSON.stringify(revisions)).not.toContain(issuedPassword);
  });

  it("creates a department officer for a department, and issues a different password every time", async () => {
    const sysadmin = await actorFor("sysadmin");
    const finance = await departmentId("FINANCE");
    const a = await run(createUserSpec, sysadmin, { username: "finance.two", displayName: "财政联络员二", role: "DEPARTMENT_OFFICER", departmentId: String(finance) });
    const b = await run(createUserSpec, sysadmin, { username: "reviewer.two", displayName: "审核员二", role: "BUREAU_STAFF", unitId: "", departmentId: "" });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.issuedPassword).not.toBe(b.data.issuedPassword);
    expect(await userByName("finance.two")).toMatchObject({ role: "DEPARTMENT_OFFICER", departmentId: finance, unitId: null });
    expect(await userByName("reviewer.two")).toMatchObject({ role: "BUREAU_STAFF", departmentId: null, unitId: null });
  });

  it("refuses to create an account with any administrator role, and creates no row", async () => {
    const sysadmin = await actorFor("sysadmin");
    for (const role of ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"]) {
      const before = await fingerprint();
      const since = await lastAuditId();
      const result = await run(createUserSpec, sysadmin, { username: `new.${role.toLowerCase()}`, displayName: "x", role });
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", fieldErrors: { role: ["adminUsers.adminRoleOnlyByAssignment"] } });
      expect(await fingerprint()).toBe(before);
      await expectDenied(since);
    }
  });

  it("asks for a reporting unit for a district administrator and a department for a department officer", async () => {
    const sysadmin = await actorFor("sysadmin");
    const before = await fingerprint();
    const noUnit = await run(createUserSpec, sysadmin, { username: "no.unit", displayName: "x", role: "DISTRICT_ADMIN", unitId: "" });
    expect(noUnit).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { unitId: ["adminUsers.unitRequired"] } });
    const township = await unitId("210302002"); // 解放街道 files no report of its own
    const notReporting = await run(createUserSpec, sysadmin, { username: "no.unit", displayName: "x", role: "DISTRICT_ADMIN", unitId: String(township) });
    expect(notReporting).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { unitId: ["adminUsers.unitNotReporting"] } });
    const noDepartment = await run(createUserSpec, sysadmin, { username: "no.department", displayName: "x", role: "DEPARTMENT_OFFICER" });
    expect(noDepartment).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { departmentId: ["adminUsers.departmentRequired"] } });
    expect(await fingerprint()).toBe(before);
  });

  it("rejects a taken username (in any letter case) and a malformed one, keeping what was typed", async () => {
    const sysadmin = await actorFor("sysadmin");
    const before = await fingerprint();
    const taken = await run(createUserSpec, sysadmin, { username: "Tiedong.Admin", displayName: "重复", role: "BUREAU_STAFF" });
    expect(taken).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { username: ["adminUsers.usernameTaken"] }, values: { displayName: "重复" } });
    for (const username of ["ab", "zhang san", "张三", "a".repeat(33)]) {
      const bad = await run(createUserSpec, sysadmin, { username, displayName: "x", role: "BUREAU_STAFF" });
      expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { username: ["adminUsers.usernameFormat"] } });
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("roles (the security administrator's decision)", () => {
  it("lets the security administrator assign a role and scope to another user, ending their sessions", async () => {
    const secadmin = await actorFor("secadmin");
    await makeUser("role.officer", "DEPARTMENT_OFFICER", { departmentId: await departmentId("FINANCE") });
    const officer = await actorFor("role.officer");
    const tiexi = await unitId("210303");
    const since = await lastAuditId();
    const result = await run(assignUserRoleSpec, secadmin, { id: String(officer.userId), role: "DISTRICT_ADMIN", unitId: String(tiexi), departmentId: "", reason: "调任铁西区" });
    expect(result.ok).toBe(true);
    expect(await userByName("role.officer")).toMatchObject({ role: "DISTRICT_ADMIN", unitId: tiexi, departmentId: null });
    expect(await resolveSession(officer.sessionId, testContext())).toBeNull();

    const row = await expectAudited(since, "user.assign-role");
    expect(changesOf(row)).toMatchObject({ role: { before: "DEPARTMENT_OFFICER", after: "DISTRICT_ADMIN" }, unit: { before: null, after: "210303" }, department: { before: "FINANCE", after: null }, reason: "调任铁西区" });
    const [revision] = await db().entityRevision.findMany({ where: { entityType: "User", entityId: officer.userId }, orderBy: { id: "desc" }, take: 1 });
    expect(revision).toMatchObject({ reason: "调任铁西区", actorId: secadmin.userId });
  });

  it("may make another (settled) account an administrator", async () => {
    const secadmin = await actorFor("secadmin");
    const staff = await makeUser("role.staff", "BUREAU_STAFF");
    const result = await run(assignUserRoleSpec, secadmin, { id: String(staff.id), role: "AUDIT_ADMIN", reason: "增设审计管理员" });
    expect(result.ok).toBe(true);
    expect((await userByName("role.staff")).role).toBe("AUDIT_ADMIN");
  });

  it("never changes the security administrator's own role", async () => {
    const secadmin = await actorFor("secadmin");
    const before = await fingerprint();
    const since = await lastAuditId();
    const result = await run(assignUserRoleSpec, secadmin, { id: String(secadmin.userId), role: "SYSTEM_ADMIN", reason: "自我授权" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", messageKey: "adminUsers.cannotChangeOwnRole" });
    expect(await fingerprint()).toBe(before);
    expect((await userByName("secadmin")).role).toBe("SECURITY_ADMIN");
    await expectDenied(since);
  });

  it("will not give an administrator role to an account still on its issued password", async () => {
    const [sysadmin, secadmin] = await Promise.all([actorFor("sysadmin"), actorFor("secadmin")]);
    const created = await run(createUserSpec, sysadmin, { username: "future.admin", displayName: "未来管理员", role: "BUREAU_STAFF" });
    if (!created.ok) throw new Error("setup failed");
    const before = await fingerprint();
    const result = await run(assignUserRoleSpec, secadmin, { id: String(created.data.id), role: "SYSTEM_ADMIN", reason: "增设" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", fieldErrors: { role: ["adminUsers.adminRoleNeedsOwnPassword"] } });
    expect(await fingerprint()).toBe(before);
    // a business role is fine: whoever knows the issued password gains nothing new
    expect((await run(assignUserRoleSpec, secadmin, { id: String(created.data.id), role: "BUREAU_LEADER", reason: "调整" })).ok).toBe(true);
  });

  it("validates the new role's scope and refuses a change that changes nothing", async () => {
    const secadmin = await actorFor("secadmin");
    const leader = await makeUser("role.leader", "BUREAU_LEADER");
    const before = await fingerprint();
    expect(await run(assignUserRoleSpec, secadmin, { id: String(leader.id), role: "DISTRICT_ADMIN", reason: "x" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { unitId: ["adminUsers.unitRequired"] },
    });
    expect(await run(assignUserRoleSpec, secadmin, { id: String(leader.id), role: "BUREAU_LEADER", reason: "x" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { role: ["adminUsers.roleUnchanged"] },
    });
    expect(await run(assignUserRoleSpec, secadmin, { id: String(leader.id), role: "BUREAU_STAFF", reason: " " })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reason: ["adminUsers.reasonRequired"] },
    });
    expect(await fingerprint()).toBe(before);
  });

  it("does not let the system administrator assign roles (FORBIDDEN, audited as DENIED)", async () => {
    const sysadmin = await actorFor("sysadmin");
    const leader = await makeUser("role.leader2", "BUREAU_LEADER");
    const before = await fingerprint();
    const since = await lastAuditId();
    const result = await run(assignUserRoleSpec, sysadmin, { id: String(leader.id), role: "SECURITY_ADMIN", reason: "越权" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await fingerprint()).toBe(before);
    const rows = await auditRowsSince(since);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([["authz.denied:user:assign-role", "DENIED"]]);
  });
});

describe("disabling, unlocking, resetting", () => {
  it("disabling an account ends its sessions at once, and its holder can no longer act", async () => {
    const secadmin = await actorFor("secadmin");
    const sysadmin = await actorFor("sysadmin");
    expect(await resolveSession(sysadmin.sessionId, testContext())).not.toBeNull();
    const since = await lastAuditId();
    const result = await run(disableUserSpec, secadmin, { id: String(sysadmin.userId), reason: "离职" });
    expect(result.ok && result.data.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await userByName("sysadmin")).active).toBe(false);
    const row = await expectAudited(since, "user.disable");
    expect(changesOf(row)).toMatchObject({ active: { before: true, after: false }, reason: "离职" });
    expect((await auditRowsSince(since)).some((r) => r.action === "auth.session.end")).toBe(true);

    // what the browser's next request would carry
    const afterwards = await resolveSession(sysadmin.sessionId, testContext());
    expect(afterwards).toBeNull();
    const before = await fingerprint();
    const attempt = await run(createUserSpec, afterwards, { username: "ghost.user", displayName: "x", role: "BUREAU_STAFF" });
    expect(attempt).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await fingerprint()).toBe(before);

    const enabled = await run(enableUserSpec, secadmin, { id: String(sysadmin.userId), reason: "复职" });
    expect(enabled.ok).toBe(true);
    expect((await userByName("sysadmin")).active).toBe(true);
    // the ended session stays ended: enabling needs a fresh sign-in
    expect(await resolveSession(sysadmin.sessionId, testContext())).toBeNull();
  });

  it("needs a reason to disable, refuses to disable oneself, and will not disable twice", async () => {
    const sysadmin = await actorFor("sysadmin");
    const staff = await makeUser("disable.staff", "BUREAU_STAFF");
    const before = await fingerprint();
    expect(await run(disableUserSpec, sysadmin, { id: String(staff.id), reason: "" })).toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["adminUsers.reasonRequired"] } });
    const since = await lastAuditId();
    expect(await run(disableUserSpec, sysadmin, { id: String(sysadmin.userId), reason: "试试" })).toMatchObject({ code: "FORBIDDEN", messageKey: "adminUsers.cannotDisableSelf" });
    await expectDenied(since);
    expect(await fingerprint()).toBe(before);
    expect((await run(disableUserSpec, sysadmin, { id: String(staff.id), reason: "停用" })).ok).toBe(true);
    expect(await run(disableUserSpec, sysadmin, { id: String(staff.id), reason: "再次" })).toMatchObject({ code: "CONFLICT", messageKey: "adminUsers.alreadyDisabled" });
  });

  it("unlocking clears the lock and the failed attempts", async () => {
    const secadmin = await actorFor("secadmin");
    const leader = await makeUser("locked.leader", "BUREAU_LEADER", { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) });
    const since = await lastAuditId();
    expect((await run(unlockUserSpec, secadmin, { id: String(leader.id) })).ok).toBe(true);
    expect(await userByName("locked.leader")).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const row = await expectAudited(since, "user.unlock");
    expect(changesOf(row)).toMatchObject({ failedLoginCount: { before: 5, after: 0 }, lockedUntil: { after: null } });
    expect(await run(unlockUserSpec, secadmin, { id: String(leader.id) })).toMatchObject({ code: "CONFLICT", messageKey: "adminUsers.notLocked" });
  });

  it("resetting a password issues a new one, shown once, and ends the user's sessions", async () => {
    const sysadmin = await actorFor("sysadmin");
    await makeUser("forgetful.leader", "BUREAU_LEADER");
    const leader = await actorFor("forgetful.leader");
    const since = await lastAuditId();
    const result = await run(resetUserPasswordSpec, sysadmin, { id: String(leader.userId), reason: "忘记密码" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = await userByName("forgetful.leader");
    expect(await verifyPassword(user.passwordHash, result.data.issuedPassword)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "forgetful.leader-Own-Pass-1")).toBe(false);
    expect(user.mustChangePassword).toBe(true);
    expect(await resolveSession(leader.sessionId, testContext())).toBeNull();
    const row = await expectAudited(since, "user.reset-password", result.data.issuedPassword);
    expect(changesOf(row)).toMatchObject({ passwordReset: true, mustChangePassword: { before: false, after: true } });
  });

  it("will not reset one's own password, nor that of another administrator role without two-factor", async () => {
    const sysadmin = await actorFor("sysadmin");
    const secadmin = await makeUser("second.secadmin", "SECURITY_ADMIN");
    const before = await fingerprint();
    expect(await run(resetUserPasswordSpec, sysadmin, { id: String(sysadmin.userId) })).toMatchObject({ code: "FORBIDDEN", messageKey: "adminUsers.cannotResetOwnPassword" });
    expect(await run(resetUserPasswordSpec, sysadmin, { id: String(secadmin.id) })).toMatchObject({ code: "FORBIDDEN", messageKey: "adminUsers.resetNeedsSecondFactor" });
    expect(await fingerprint()).toBe(before);
    // with a second factor enrolled the new password alone opens nothing, so a forgotten one can be reset
    await db().user.update({ where: { id: secadmin.id }, data: { totpEnabledAt: new Date() } });
    expect((await run(resetUserPasswordSpec, sysadmin, { id: String(secadmin.id) })).ok).toBe(true);
  });

  it("updates a display name and ends sessions on request (one's own included)", async () => {
    const sysadmin = await actorFor("sysadmin");
    await makeUser("profile.staff", "BUREAU_STAFF", { displayName: "审核员(旧名)" });
    const staff = await actorFor("profile.staff");
    let since = await lastAuditId();
    expect((await run(updateUserProfileSpec, sysadmin, { id: String(staff.userId), displayName: "市教育局审核员", reason: "" })).ok).toBe(true);
    expect((await userByName("profile.staff")).displayName).toBe("市教育局审核员");
    const row = await expectAudited(since, "user.update-profile");
    expect(changesOf(row)).toEqual({ displayName: { before: "审核员(旧名)", after: "市教育局审核员" } });
    expect(await run(updateUserProfileSpec, sysadmin, { id: String(staff.userId), displayName: "市教育局审核员" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { displayName: ["adminUsers.nothingChanged"] },
    });

    since = await lastAuditId();
    expect(await run(endUserSessionsSpec, sysadmin, { id: String(staff.userId) })).toMatchObject({ ok: true, data: { sessionsEnded: 1 } });
    expect(await resolveSession(staff.sessionId, testContext())).toBeNull();
    const ended = await expectAudited(since, "user.end-sessions");
    expect(changesOf(ended)).toMatchObject({ sessionsEnded: 1 });

    expect((await run(endUserSessionsSpec, sysadmin, { id: String(sysadmin.userId) })).ok).toBe(true);
    expect(await resolveSession(sysadmin.sessionId, testContext())).toBeNull();
  });

  it("reports a missing user as not found to administrators, and as forbidden to everyone else", async () => {
    const [sysadmin, district] = await Promise.all([actorFor("sysadmin"), actorFor("tiedong.admin")]);
    expect(await run(disableUserSpec, sysadmin, { id: "987654", reason: "x" })).toMatchObject({ code: "NOT_FOUND" });
    expect(await run(disableUserSpec, district, { id: "987654", reason: "x" })).toMatchObject({ code: "FORBIDDEN" });
    expect(await run(disableUserSpec, sysadmin, { id: "abc", reason: "x" })).toMatchObject({ code: "VALIDATION", fieldErrors: { id: ["adminUsers.invalidId"] } });
  });
});

describe("everyone but the two administrators", () => {
  it("is refused every user and policy action, with no row changed", async () => {
    const target = await makeUser("sweep.leader", "BUREAU_LEADER", { failedLoginCount: 3, lockedUntil: new Date(Date.now() + 60_000) });
    const tiexi = String(await unitId("210303"));
    const attempts: [ActionSpec, Record<string, unknown>][] = [
      [createUserSpec as ActionSpec, { username: "sneaky.user", displayName: "x", role: "BUREAU_STAFF" }],
      [updateUserProfileSpec as ActionSpec, { id: String(target.id), displayName: "改名" }],
      [disableUserSpec as ActionSpec, { id: String(target.id), reason: "x" }],
      [enableUserSpec as ActionSpec, { id: String(target.id) }],
      [unlockUserSpec as ActionSpec, { id: String(target.id) }],
      [resetUserPasswordSpec as ActionSpec, { id: String(target.id) }],
      [assignUserRoleSpec as ActionSpec, { id: String(target.id), role: "DISTRICT_ADMIN", unitId: tiexi, reason: "x" }],
      [endUserSessionsSpec as ActionSpec, { id: String(target.id) }],
      [updateSecurityPolicySpec as ActionSpec, await policyForm({ idleTimeoutMinutes: "60" })],
    ];
    for (const username of ["tiedong.admin", "finance.officer", "bureau.staff", "auditor"]) {
      const actor = await actorFor(username);
      await actorFor("sweep.leader"); // an open session that must stay open
      for (const [spec, input] of attempts) {
        const before = await fingerprint();
        const since = await lastAuditId();
        const result = await run(spec, actor, input);
        expect(result, `${spec.name} as ${username}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(await fingerprint(), `${spec.name} as ${username}`).toBe(before);
        await expectDenied(since);
      }
      await expect(listUsers(actor, testContext(), parseUserFilters({}))).rejects.toThrow(AppError);
      await expect(getUserForAdmin(actor, testContext(), target.id)).rejects.toThrow(AppError);
      await expect(getSecurityPolicyForAdmin(actor, testContext())).rejects.toThrow(AppError);
    }
  });
});

/** The policy form as the page would post it now: today's values, as strings, with some changed. */
async function policyForm(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const { id: _id, updatedAt: _updatedAt, totpRequiredRoles, ...numbers } = await db().securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
  void _id;
  void _updatedAt;
  return { totpRequiredRoles, ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, String(v)])), ...overrides };
}

describe("the security policy", () => {
  it("rejects every out-of-range value with a field error and changes nothing", async () => {
    const secadmin = await actorFor("secadmin");
    const before = await fingerprint();
    const result = await run(updateSecurityPolicySpec, secadmin, {
      ...(await policyForm()),
      idleTimeoutMinutes: "121",
      adminIdleTimeoutMinutes: "4",
      absoluteLifetimeHours: "25",
      passwordMinLength: "8",
      adminPasswordMaxAgeDays: "400",
      passwordHistoryCount: "0",
      lockoutThreshold: "11",
      lockoutMinutes: "2",
      ipAttemptsPerWindow: "abc",
      ipWindowMinutes: "1.5",
      totpRequiredRoles: ["NOBODY"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      [
        "absoluteLifetimeHours",
        "adminIdleTimeoutMinutes",
        "adminPasswordMaxAgeDays",
        "idleTimeoutMinutes",
        "ipAttemptsPerWindow",
        "ipWindowMinutes",
        "lockoutMinutes",
        "lockoutThreshold",
        "passwordHistoryCount",
        "passwordMinLength",
        "totpRequiredRoles.0",
      ].sort(),
    );
    expect(result.fieldErrors?.idleTimeoutMinutes).toEqual(["securityPolicy.range.idleTimeoutMinutes"]);
    // the edges of each range are allowed, one past them is not
    expect((await run(updateSecurityPolicySpec, secadmin, await policyForm({ lockoutThreshold: "2" }))).ok).toBe(false);
    expect(await run(updateSecurityPolicySpec, secadmin, await policyForm({ idleTimeoutMinutes: "10", adminIdleTimeoutMinutes: "20" }))).toMatchObject({
      fieldErrors: { adminIdleTimeoutMinutes: ["securityPolicy.adminIdleLongerThanIdle"] },
    });
    expect(await run(updateSecurityPolicySpec, secadmin, await policyForm())).toMatchObject({ code: "VALIDATION", messageKey: "securityPolicy.nothingChanged" });
    expect(await fingerprint()).toBe(before);
  });

  it("saves a valid change, audited field by field before → after, and keeps two-factor for administrators", async () => {
    const secadmin = await actorFor("secadmin");
    const current = await db().securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
    const since = await lastAuditId();
    const result = await run(updateSecurityPolicySpec, secadmin, await policyForm({ totpRequiredRoles: "DISTRICT_ADMIN", idleTimeoutMinutes: "120", lockoutThreshold: "3" }));
    expect(result.ok).toBe(true);
    const policy = await db().securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
    expect(policy).toMatchObject({ idleTimeoutMinutes: 120, lockoutThreshold: 3, adminIdleTimeoutMinutes: current.adminIdleTimeoutMinutes });
    // the administrators' boxes cannot be cleared
    expect([...policy.totpRequiredRoles].sort()).toEqual(["AUDIT_ADMIN", "DISTRICT_ADMIN", "SECURITY_ADMIN", "SYSTEM_ADMIN"]);
    const row = await expectAudited(since, "security-policy.update");
    expect(row.changes).toEqual({
      idleTimeoutMinutes: { before: current.idleTimeoutMinutes, after: 120 },
      lockoutThreshold: { before: current.lockoutThreshold, after: 3 },
      totpRequiredRoles: {
        before: ["BUREAU_STAFF", "BUREAU_LEADER", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"],
        after: ["DISTRICT_ADMIN", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"],
      },
    });
    expect(await getSecurityPolicyForAdmin(secadmin, testContext())).toMatchObject({ idleTimeoutMinutes: 120, lockoutThreshold: 3 });
  });

  it("is the security administrator's alone", async () => {
    const sysadmin = await actorFor("sysadmin");
    const before = await fingerprint();
    expect(await run(updateSecurityPolicySpec, sysadmin, await policyForm({ idleTimeoutMinutes: "119" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await fingerprint()).toBe(before);
  });
});

describe("reading accounts", () => {
  it("lists, filters and pages accounts for the administrators", async () => {
    const sysadmin = await actorFor("sysadmin");
    const lishan = await unitId("210304");
    await makeUser("lst.district", "DISTRICT_ADMIN", { unitId: lishan, displayName: "立山区列表员" });
    await makeUser("lst.staff", "BUREAU_STAFF", { displayName: "列表审核员" });
    await makeUser("lst.locked", "BUREAU_STAFF", { lockedUntil: new Date(Date.now() + 60_000), active: false });
    await actorFor("lst.staff");

    const all = await listUsers(sysadmin, testContext(), parseUserFilters({}));
    expect(all.total).toBe(await db().user.count());
    const names = (page: Awaited<ReturnType<typeof listUsers>>) => page.users.map((u) => u.username);
    const list = (filters: Record<string, string>) => listUsers(sysadmin, testContext(), parseUserFilters({ q: "lst.", ...filters }));

    expect(names(await list({}))).toEqual(["lst.district", "lst.locked", "lst.staff"]);
    expect(names(await list({ role: "DISTRICT_ADMIN" }))).toEqual(["lst.district"]);
    expect(names(await list({ unitId: String(lishan) }))).toEqual(["lst.district"]);
    expect(names(await list({ locked: "yes" }))).toEqual(["lst.locked"]);
    expect(names(await list({ locked: "no", active: "yes" }))).toEqual(["lst.district", "lst.staff"]);
    expect(names(await list({ active: "no" }))).toEqual(["lst.locked"]);
    // the text search also finds display names, in any letter case
    expect(names(await listUsers(sysadmin, testContext(), parseUserFilters({ q: "列表审核" })))).toEqual(["lst.staff"]);
    expect(names(await listUsers(sysadmin, testContext(), parseUserFilters({ q: "LST.STAFF" })))).toEqual(["lst.staff"]);

    const page = await list({});
    expect(page.users.find((u) => u.username === "lst.district")).toMatchObject({ unit: { code: "210304" }, locked: false, lastSignInAt: null });
    expect(page.users.find((u) => u.username === "lst.locked")).toMatchObject({ locked: true, active: false });
    expect(page.users.find((u) => u.username === "lst.staff")?.lastSignInAt).toBeInstanceOf(Date);

    // nonsense in the query string is ignored, not an error
    const junk = await listUsers(sysadmin, testContext(), parseUserFilters({ role: "KING", page: "-3", active: "maybe", unitId: "x", q: ["lst.", "x"] }));
    expect(names(junk)).toEqual(["lst.district", "lst.locked", "lst.staff"]);
    expect(junk.page).toBe(1);
  });

  it("pages through many accounts", async () => {
    const sysadmin = await actorFor("sysadmin");
    await db().user.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ username: `bulk.${String(i).padStart(2, "0")}`, displayName: `批量${i}`, role: "BUREAU_STAFF" as const, passwordHash: "x" })),
    });
    const first = await listUsers(sysadmin, testContext(), parseUserFilters({ q: "bulk." }));
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.users).toHaveLength(20);
    const second = await listUsers(sysadmin, testContext(), parseUserFilters({ q: "bulk.", page: "2" }));
    expect(second.users.map((u) => u.username)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk.${20 + i}`));
    const beyond = await listUsers(sysadmin, testContext(), parseUserFilters({ q: "bulk.", page: "99" }));
    expect(beyond.page).toBe(2);
  });

  it("shows one account with its open sessions, lock and two-factor state, last sign-in and history", async () => {
    const secadmin = await actorFor("secadmin");
    const moving = await makeUser("detail.officer", "DEPARTMENT_OFFICER", { departmentId: await departmentId("FINANCE"), totpEnabledAt: new Date() });
    const old = await actorFor("detail.officer");
    expect((await run(assignUserRoleSpec, secadmin, { id: String(moving.id), role: "BUREAU_STAFF", reason: "转岗" })).ok).toBe(true);
    await actorFor("detail.officer"); // signs in again under the new role

    const detail = await getUserForAdmin(secadmin, testContext(), moving.id);
    expect(detail).not.toBeNull();
    expect(detail).toMatchObject({ username: "detail.officer", role: "BUREAU_STAFF", locked: false, totpEnrolled: true, department: null });
    expect(detail!.openSessions).toHaveLength(1); // the one opened before the change was ended
    expect(detail!.lastSignIn?.at).toBeInstanceOf(Date);
    expect(detail!.revisions).toHaveLength(1);
    expect(detail!.revisions[0]).toMatchObject({ reason: "转岗", actor: { username: "secadmin" }, changes: { role: { before: "DEPARTMENT_OFFICER", after: "BUREAU_STAFF" } } });
    expect(JSON.stringify(detail)).not.toContain(old.sessionId);
    expect(JSON.stringify(detail)).not.toContain("$argon2");

    expect(await getUserForAdmin(secadmin, testContext(), 987654)).toBeNull();
  });
});

describe("what the account page offers", () => {
  // the least input each action needs, so that what it answers depends on who and on whom alone
  const attempt: Record<UserAdminAction, (actor: Actor, id: number) => ReturnType<typeof run>> = {
    profile: (actor, id) => run(updateUserProfileSpec, actor, { id: String(id), displayName: `改名${id}` }),
    role: (actor, id) => run(assignUserRoleSpec, actor, { id: String(id), role: "BUREAU_LEADER", reason: "调岗" }),
    disable: (actor, id) => run(disableUserSpec, actor, { id: String(id), reason: "停用" }),
    enable: (actor, id) => run(enableUserSpec, actor, { id: String(id) }),
    unlock: (actor, id) => run(unlockUserSpec, actor, { id: String(id) }),
    reset: (actor, id) => run(resetUserPasswordSpec, actor, { id: String(id) }),
    endSessions: (actor, id) => run(endUserSessionsSpec, actor, { id: String(id) }),
  };
  let n = 0;
  const fresh = (role: Role, data: Partial<Prisma.UserUncheckedCreateInput> = {}) => makeUser(`offer.${role.toLowerCase()}.${++n}`, role, data);

  // Written out from the rules of users/actions.ts: no one changes their own role, disables
  // themself or resets their own password; another administrator's password only once they
  // have a second factor; and what the account's state makes pointless is not offered.
  const cases: { label: string; viewer: string; target: () => Promise<{ id: number }>; offered: UserAdminAction[]; notes: { self: boolean; resetBlocked: boolean } }[] = [
    { label: "system administrator, active staff account", viewer: "sysadmin", target: () => fresh("BUREAU_STAFF"), offered: ["profile", "disable", "reset"], notes: { self: false, resetBlocked: false } },
    { label: "system administrator, disabled and locked account", viewer: "sysadmin", target: () => fresh("BUREAU_STAFF", { active: false, lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 5 }), offered: ["profile", "enable", "unlock", "reset"], notes: { self: false, resetBlocked: false } },
    { label: "system administrator, security administrator without two-factor", viewer: "sysadmin", target: () => fresh("SECURITY_ADMIN"), offered: ["profile", "disable"], notes: { self: false, resetBlocked: true } },
    { label: "system administrator, security administrator with two-factor", viewer: "sysadmin", target: () => fresh("SECURITY_ADMIN", { totpEnabledAt: new Date() }), offered: ["profile", "disable", "reset"], notes: { self: false, resetBlocked: false } },
    { label: "security administrator, active staff account", viewer: "secadmin", target: () => fresh("BUREAU_STAFF"), offered: ["role", "disable"], notes: { self: false, resetBlocked: false } },
  ];

  it("offers each administrator exactly what the actions then allow", async () => {
    for (const c of cases) {
      const viewer = await actorFor(c.viewer);
      const view = (await getUserForAdmin(viewer, testContext(), (await c.target()).id))!;
      expect(view.offered, c.label).toEqual(c.offered);
      expect(view.notes, c.label).toEqual(c.notes);
      expect(view.ownAccount, c.label).toBe(false);
      // each action on an account of its own in that state: what is offered succeeds, what the
      // viewer may not do is refused, and what the state makes pointless changes nothing
      for (const action of USER_ADMIN_ACTIONS) {
        const target = await c.target();
        const result = await attempt[action](viewer, target.id);
        const label = `${c.label}: ${action}, got ${JSON.stringify(result)}`;
        if (view.offered.includes(action)) expect(result.ok, label).toBe(true);
        else if (!view.may[action]) expect(result, label).toMatchObject({ ok: false, code: "FORBIDDEN" });
        // ending sessions when none is open succeeds and ends none (users/actions.ts says why)
        else if (action === "endSessions") expect(result, label).toMatchObject({ ok: true, data: { sessionsEnded: 0 } });
        else expect(result, label).toMatchObject({ ok: false, code: "CONFLICT" });
      }
    }
  });

  it("tells administrators on their own account which of their powers do not apply, and refuses those", async () => {
    for (const [username, offered] of [["sysadmin", ["profile", "endSessions"]], ["secadmin", ["endSessions"]]] as const) {
      const viewer = await actorFor(username);
      const view = (await getUserForAdmin(viewer, testContext(), viewer.userId))!;
      expect(view).toMatchObject({ ownAccount: true, offered, notes: { self: true, resetBlocked: false } });
      const before = await fingerprint();
      for (const action of ["role", "disable", "reset"] as const) {
        expect(view.may[action], `${username}: ${action}`).toBe(false);
        expect(await attempt[action](viewer, viewer.userId), `${username}: ${action}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
      expect(await fingerprint()).toBe(before);
    }
  });

  it("links the list to creating accounts and to the security policy for whoever may use them", async () => {
    const [sysadmin, secadmin] = await Promise.all([actorFor("sysadmin"), actorFor("secadmin")]);
    expect((await listUsers(sysadmin, testContext(), parseUserFilters({}))).may).toEqual({ create: true, updateSecurityPolicy: false });
    expect((await listUsers(secadmin, testContext(), parseUserFilters({}))).may).toEqual({ create: false, updateSecurityPolicy: true });
  });
});

describe("e-mail addresses (where reminders are sent)", () => {
  it("are given when the account is created, stored trimmed with the domain in lower case, shown and searchable", async () => {
    const sysadmin = await actorFor("sysadmin");
    const since = await lastAuditId();
    const created = await run(createUserSpec, sysadmin, { username: "mail.staff", displayName: "邮箱审核员", role: "BUREAU_STAFF", email: "  Zhang.Wei@Anshan-Edu.Example " });
    expect(created.ok).toBe(true);
    const user = await userByName("mail.staff");
    expect(user.email).toBe("Zhang.Wei@anshan-edu.example");
    const row = await expectAudited(since, "user.create");
    expect(changesOf(row).email).toEqual({ before: null, after: "Zhang.Wei@anshan-edu.example" });

    // no address is no address: blank and absent both store NULL, and the audit row leaves it out
    for (const [username, email] of [["mail.blank", "   "], ["mail.absent", undefined]] as const) {
      const before = await lastAuditId();
      expect((await run(createUserSpec, sysadmin, { username, displayName: "无邮箱", role: "BUREAU_STAFF", ...(email === undefined ? {} : { email }) })).ok).toBe(true);
      expect((await userByName(username)).email).toBeNull();
      expect(changesOf(await expectAudited(before, "user.create"))).not.toHaveProperty("email");
    }

    // a district office may share one mailbox: the same address on a second account is fine
    expect((await run(createUserSpec, sysadmin, { username: "mail.staff2", displayName: "同一邮箱", role: "BUREAU_STAFF", email: "zhang.wei@anshan-edu.example" })).ok).toBe(true);

    const secadmin = await actorFor("secadmin");
    const found = await listUsers(secadmin, testContext(), parseUserFilters({ q: "ZHANG.WEI@" }));
    expect(found.users.map((u) => [u.username, u.email])).toEqual([
      ["mail.staff", "Zhang.Wei@anshan-edu.example"],
      ["mail.staff2", "zhang.wei@anshan-edu.example"],
    ]);
    expect((await getUserForAdmin(secadmin, testContext(), user.id))?.email).toBe("Zhang.Wei@anshan-edu.example");
  });

  it("refuses a malformed or over-long address with the translated message, keeping what was typed and changing nothing", async () => {
    const sysadmin = await actorFor("sysadmin");
    const target = await makeUser("mail.keep", "BUREAU_STAFF", { email: "keep@anshan-edu.example" });
    const long = `${"a".repeat(64)}@${"b".repeat(183)}.example`;
    for (const [email, key] of [["zhangwei", "adminUsers.emailInvalid"], ["张伟@anshan-edu.example", "adminUsers.emailInvalid"], ["a@b", "adminUsers.emailInvalid"], [long, "adminUsers.emailTooLong"]]) {
      const before = await fingerprint();
      const create = await run(createUserSpec, sysadmin, { username: "mail.bad", displayName: "坏邮箱", role: "BUREAU_STAFF", email });
      expect(create, email).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: [key] }, values: { email, displayName: "坏邮箱" } });
      const update = await run(updateUserProfileSpec, sysadmin, { id: String(target.id), displayName: "改名", email });
      expect(update, email).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: [key] } });
      expect(await fingerprint(), email).toBe(before);
    }
    expect(await db().user.count({ where: { username: "mail.bad" } })).toBe(0);
    expect((await userByName("mail.keep")).email).toBe("keep@anshan-edu.example");
  });

  it("are changed and cleared by the system administrator, each change audited and kept in the account's history before → after", async () => {
    const sysadmin = await actorFor("sysadmin");
    const target = await makeUser("mail.change", "DISTRICT_ADMIN", { unitId: await unitId("210303"), displayName: "铁西区填报员" });

    let since = await lastAuditId();
    expect(await run(updateUserProfileSpec, sysadmin, { id: String(target.id), displayName: "铁西区填报员", email: "Tiexi.Office@TIEXI-EDU.example", reason: "登记邮箱" })).toMatchObject({ ok: true });
    expect((await userByName("mail.change")).email).toBe("Tiexi.Office@tiexi-edu.example");
    const row = await expectAudited(since, "user.update-profile");
    expect(changesOf(row)).toEqual({ email: { before: null, after: "Tiexi.Office@tiexi-edu.example" }, reason: "登记邮箱" });
    expect(row.unitId).toBe(await unitId("210303"));

    // a form that sends only the name leaves the address alone
    since = await lastAuditId();
    expect((await run(updateUserProfileSpec, sysadmin, { id: String(target.id), displayName: "铁西区填报员(新)" })).ok).toBe(true);
    expect(await userByName("mail.change")).toMatchObject({ displayName: "铁西区填报员(新)", email: "Tiexi.Office@tiexi-edu.example" });
    expect(changesOf(await expectAudited(since, "user.update-profile"))).toEqual({ displayName: { before: "铁西区填报员", after: "铁西区填报员(新)" } });

    // the same values again (the domain's letter case does not count): nothing to save, on each field sent
    const before = await fingerprint();
    expect(await run(updateUserProfileSpec, sysadmin, { id: String(target.id), displayName: "铁西区填报员(新)", email: "Tiexi.Office@Tiexi-Edu.Example" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { displayName: ["adminUsers.nothingChanged"], email: ["adminUsers.nothingChanged"] },
    });
    expect(await fingerprint()).toBe(before);

    since = await lastAuditId();
    expect((await run(updateUserProfileSpec, sysadmin, { id: String(target.id), displayName: "铁西区填报员(新)", email: "" })).ok).toBe(true);
    expect((await userByName("mail.change")).email).toBeNull();
    expect(changesOf(await expectAudited(since, "user.update-profile"))).toEqual({ email: { before: "Tiexi.Office@tiexi-edu.example", after: null } });

    const detail = await getUserForAdmin(sysadmin, testContext(), target.id);
    expect(detail!.revisions.map((r) => r.changes.email ?? null)).toEqual([
      { before: "Tiexi.Office@tiexi-edu.example", after: null },
      null,
      { before: null, after: "Tiexi.Office@tiexi-edu.example" },
    ]);
  });

  it("cannot be changed by the security administrator or anyone else but the system administrator", async () => {
    const target = await makeUser("mail.guarded", "BUREAU_STAFF", { email: "guarded@anshan-edu.example" });
    for (const username of ["secadmin", "auditor", "bureau.staff", "tiedong.admin"]) {
      const actor = await actorFor(username);
      const before = await fingerprint();
      const since = await lastAuditId();
      const result = await run(updateUserProfileSpec, actor, { id: String(target.id), displayName: target.displayName, email: "attacker@evil.example" });
      expect(result.ok ? "ok" : result.code, username).toBe("FORBIDDEN");
      expect(await fingerprint(), username).toBe(before);
      await expectDenied(since);
    }
    expect((await userByName("mail.guarded")).email).toBe("guarded@anshan-edu.example");
  });
});
