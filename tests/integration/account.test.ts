import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { changePasswordSpec, confirmTotpSpec, regenerateRecoveryCodesSpec, startTotpSpec } from "@/server/account/actions";
import { getEmailPage, updateOwnEmailSpec } from "@/server/account/email";
import { getTwoFactorPage } from "@/server/account/queries";
import { executeAction } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password-hash";
import { createSession, resolveSession } from "@/server/auth/session-store";
import { signIn } from "@/server/auth/sign-in";
import { secondsLeftInStep, totpCode } from "@/server/auth/totp";
import { db } from "@/server/db/client";
import { auditRowsSince, lastAuditId, testContext } from "../support/actors";

const PASSWORD = "Lantern-Harbour-Quiet-42";

/** A user of that role with `sessions` signed-in sessions; the actors are what resolveSession makes of them. */
async function makeUser(role: Role, options: { mustChangePassword?: boolean; sessions?: number; totpEnrolled?: boolean } = {}) {
  const username = `u${randomUUID().slice(0, 8)}`;
  const user = await db().user.create({
    data: {
      username,
      displayName: username,
      role,
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: options.mustChangePassword ?? false,
      // enrolled without a secret: enough to lift the enrol-totp restriction for tests about passwords
      totpEnabledAt: options.totpEnrolled ? new Date() : null,
    },
    select: { id: true, username: true },
  });
  const sessionIds = await Promise.all(Array.from({ length: options.sessions ?? 1 }, () => db().$transaction((tx) => createSession(tx, user.id, testContext()))));
  const actors = await Promise.all(sessionIds.map(async (id) => (await resolveSession(id, testContext()))!));
  return { ...user, sessionIds, actors };
}

const run = <T,>(spec: Parameters<typeof executeAction>[0], actor: Actor, input: Record<string, unknown>) => executeAction(spec, actor, testContext(), input) as Promise<Awaited<ReturnType<typeof executeAction>> & { data?: T }>;

/** Waits out the last seconds of a 30-second step, so a code from the previous step stays valid for the whole test. */
async function awayFromStepEdge() {
  const left = secondsLeftInStep();
  if (left < 8) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}

/** No audit row may carry a password, a hash, a TOTP secret (plain or sealed) or a recovery code. */
function expectNoSecrets(rows: { changes: unknown }[], secrets: string[]) {
  const text = JSON.stringify(rows.map((r) => r.changes));
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\$argon2|"v1\.|demo:/);
}

describe("changing one's password", () => {
  it("lifts the forced change, keeps this session, ends the others, remembers the old hash, audited without secrets", async () => {
    const user = await makeUser("DISTRICT_ADMIN", { mustChangePassword: true, sessions: 2 });
    const [here, elsewhere] = user.actors;
    expect(here!.restriction).toBe("change-password");
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, passwordChangedAt: true } });
    const since = await lastAuditId();
    const next = "Quiet-river-under-the-Qianshan-hills";

    const result = await run(changePasswordSpec, here!, { currentPassword: PASSWORD, newPassword: next, confirmPassword: next });
    expect(result).toEqual({ ok: true, data: { next: "/workspace" } });

    // the restriction is gone for this session; the other one is over
    expect((await resolveSession(here!.sessionId, testContext()))?.restriction).toBeNull();
    expect(await resolveSession(elsewhere!.sessionId, testContext())).toBeNull();
    expect(await db().session.findUniqueOrThrow({ where: { id: elsewhere!.sessionId }, select: { endReason: true } })).toEqual({ endReason: "password-changed" });

    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, passwordChangedAt: true, mustChangePassword: true, passwordHistory: { select: { passwordHash: true } } } });
    expect(await verifyPassword(after.passwordHash, next)).toBe(true);
    expect(after.mustChangePassword).toBe(false);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());
    expect(after.passwordHistory).toEqual([{ passwordHash: before.passwordHash }]);

    // the new password signs in; the old one no longer does
    expect((await signIn({ username: user.username, password: next }, testContext())).ok).toBe(true);
    expect(await signIn({ username: user.username, password: PASSWORD }, testContext())).toEqual({ ok: false, reason: "INVALID" });

    const rows = (await auditRowsSince(since)).filter((r) => r.targetId === String(user.id) && r.action !== "auth.sign-in" && r.action !== "auth.sign-in.failed");
    expect(rows.map((r) => r.action)).toEqual(["auth.session.end", "account.change-password"]);
    expect(rows[1]).toMatchObject({ actorId: user.id, outcome: "SUCCESS", changes: { reason: "issued-password", mustChangePassword: { before: true, after: false }, otherSessionsEnded: 1 } });
    expectNoSecrets(rows, [PASSWORD, next, before.passwordHash, after.passwordHash]);
  });

  it("sends a role that must use two-factor authentication on to enrol it", async () => {
    const user = await makeUser("BUREAU_STAFF", { mustChangePassword: true });
    const next = "Seven-swallows-over-the-Taizi";
    const result = await run(changePasswordSpec, user.actors[0]!, { currentPassword: PASSWORD, newPassword: next, confirmPassword: next });
    expect(result).toEqual({ ok: true, data: { next: "/account/two-factor" } });
    expect((await resolveSession(user.sessionIds[0]!, testContext()))?.restriction).toBe("enrol-totp");
  });

  it("refuses a wrong current password (counted towards lockout, audited) and changes nothing else", async () => {
    const user = await makeUser("DISTRICT_ADMIN", { sessions: 2 });
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const since = await lastAuditId();
    const next = "Quiet-river-under-the-Qianshan-hills";
    const result = await run(changePasswordSpec, user.actors[0]!, { currentPassword: "not-my-password", newPassword: next, confirmPassword: next });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { currentPassword: ["account.currentPasswordWrong"] } });
    // a refused form never echoes a password back
    expect(JSON.stringify(result)).not.toContain(next);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, failedLoginCount: true, passwordHistory: true } });
    expect(after).toEqual({ passwordHash: before.passwordHash, failedLoginCount: 1, passwordHistory: [] });
    expect(await resolveSession(user.sessionIds[1]!, testContext())).not.toBeNull();
    const rows = await auditRowsSince(since);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([["auth.reauthenticate.failed", "FAILURE"]]);
    expectNoSecrets(rows, ["not-my-password", next]);
  });

  it("refuses a new password that breaks the rules, or that was typed differently twice, with the field's messages", async () => {
    const user = await makeUser("DISTRICT_ADMIN");
    const actor = user.actors[0]!;
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await run(changePasswordSpec, actor, { currentPassword: PASSWORD, newPassword: "short-pass", confirmPassword: "short-pass" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["auth.password.tooShort"] },
    });
    expect(await run(changePasswordSpec, actor, { currentPassword: PASSWORD, newPassword: "qwerty123456", confirmPassword: "qwerty123456" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["auth.password.common"] },
    });
    expect(await run(changePasswordSpec, actor, { currentPassword: PASSWORD, newPassword: `${user.username}-is-my-name`, confirmPassword: `${user.username}-is-my-name` })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["auth.password.containsUsername"] },
    });
    expect(await run(changePasswordSpec, actor, { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["auth.password.sameAsCurrent"] },
    });
    expect(await run(changePasswordSpec, actor, { currentPassword: PASSWORD, newPassword: "Quiet-river-under-hills", confirmPassword: "Quiet-river-under-hill" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["account.passwordsDiffer"] },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash).toBe(before.passwordHash);
  });

  it("does not let an administrator go back to a recent password; other roles may reuse an older one", async () => {
    const passwords = ["Autumn-leaves-on-Yuquan-1", "Autumn-leaves-on-Yuquan-2", "Autumn-leaves-on-Yuquan-3"];
    for (const [role, expected] of [
      ["SYSTEM_ADMIN", { ok: false, fieldErrors: { newPassword: ["auth.password.recentlyUsed"] } }],
      ["DEPARTMENT_OFFICER", { ok: true }],
    ] as const) {
      const user = await makeUser(role, { totpEnrolled: true });
      expect(user.actors[0]!.restriction).toBeNull();
      let current = PASSWORD;
      for (const next of passwords.slice(0, 2)) {
        expect((await run(changePasswordSpec, user.actors[0]!, { currentPassword: current, newPassword: next, confirmPassword: next })).ok).toBe(true);
        current = next;
      }
      // back to the very first password, two changes ago
      expect(await run(changePasswordSpec, user.actors[0]!, { currentPassword: current, newPassword: PASSWORD, confirmPassword: PASSWORD }), role).toMatchObject(expected);
    }
  });
});

describe("two-factor enrolment", () => {
  it("enrols with a code from the app, hands out ten recovery codes once, then sign-in needs a code", async () => {
    const user = await makeUser("BUREAU_STAFF");
    const actor = user.actors[0]!;
    expect(actor.restriction).toBe("enrol-totp");
    const since = await lastAuditId();

    expect(await run(startTotpSpec, actor, {})).toEqual({ ok: true, data: { started: true } });
    const page = await getTwoFactorPage(actor, testContext());
    expect(page.state).toBe("pending");
    const secret = page.pending!.secret.replace(/ /g, "");
    expect(page.pending!.qrSvg.startsWith("<svg")).toBe(true);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecret).not.toContain(secret); // sealed at rest

    // not yet enrolled: sign-in does not ask for a code
    expect((await signIn({ username: user.username, password: PASSWORD }, testContext())).ok).toBe(true);

    await awayFromStepEdge();
    const now = Math.floor(Date.now() / 1000);
    const wrongCode = (await totpCode(secret, now + 3600)) === (await totpCode(secret, now)) ? "000000" : await totpCode(secret, now + 3600);
    expect(await run(confirmTotpSpec, actor, { code: wrongCode, currentPassword: PASSWORD })).toMatchObject({ ok: false, fieldErrors: { code: ["account.totp.codeWrong"] } });
    expect(await run(confirmTotpSpec, actor, { code: await totpCode(secret, now), currentPassword: "wrong-password" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["account.currentPasswordWrong"] },
    });
    // the previous step's code (still accepted) confirms, so the current step's code is fresh for sign-in below
    const confirmed = await run<{ recoveryCodes: string[] }>(confirmTotpSpec, actor, { code: await totpCode(secret, now - 30), currentPassword: PASSWORD });
    expect(confirmed.ok).toBe(true);
    const codes = confirmed.data!.recoveryCodes;
    expect(codes).toHaveLength(10);
    const kept = await db().recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(kept).toHaveLength(10);
    expect(kept.some((k) => codes.some((c) => k.codeHash.includes(c) || k.codeHash.includes(c.replace("-", ""))))).toBe(false);
    expect((await resolveSession(actor.sessionId, testContext()))?.restriction).toBeNull();
    expect((await getTwoFactorPage(actor, testContext())).pending).toBeNull();

    // sign-in now asks for the code; the code used to confirm does not work again
    expect(await signIn({ username: user.username, password: PASSWORD }, testContext())).toEqual({ ok: false, reason: "TOTP_REQUIRED" });
    expect(await signIn({ username: user.username, password: PASSWORD, totpCode: await totpCode(secret, now - 30) }, testContext())).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect((await signIn({ username: user.username, password: PASSWORD, totpCode: await totpCode(secret, now) }, testContext())).ok).toBe(true);
    expect((await signIn({ username: user.username, password: PASSWORD, recoveryCode: codes[0]! }, testContext())).ok).toBe(true);
    expect(await signIn({ username: user.username, password: PASSWORD, recoveryCode: codes[0]! }, testContext())).toEqual({ ok: false, reason: "TOTP_INVALID" });

    // starting again once enrolled is refused: it would silently turn two-factor off
    expect(await run(startTotpSpec, actor, {})).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "account.totp.alreadyEnrolled" });

    const rows = await auditRowsSince(since);
    expect(rows.filter((r) => r.action.startsWith("account.")).map((r) => r.action)).toEqual(["account.totp.start", "account.totp.confirm"]);
    expectNoSecrets(rows, [secret, page.pending!.secret, stored.totpSecret!, PASSWORD, ...codes, ...codes.map((c) => c.replace("-", ""))]);
  });

  it("replaces the recovery codes after the password is confirmed: old unused ones stop working", async () => {
    const user = await makeUser("DEPARTMENT_OFFICER");
    const actor = user.actors[0]!;
    await run(startTotpSpec, actor, {});
    const secret = (await getTwoFactorPage(actor, testContext())).pending!.secret.replace(/ /g, "");
    const first = await run<{ recoveryCodes: string[] }>(confirmTotpSpec, actor, { code: await totpCode(secret), currentPassword: PASSWORD });
    const oldCodes = first.data!.recoveryCodes;
    const since = await lastAuditId();

    expect(await run(regenerateRecoveryCodesSpec, actor, { currentPassword: "wrong-password" })).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["account.currentPasswordWrong"] } });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(10);

    const again = await run<{ recoveryCodes: string[] }>(regenerateRecoveryCodesSpec, actor, { currentPassword: PASSWORD });
    const newCodes = again.data!.recoveryCodes;
    expect(newCodes).toHaveLength(10);
    expect(newCodes.some((c) => oldCodes.includes(c))).toBe(false);
    expect(await signIn({ username: user.username, password: PASSWORD, recoveryCode: oldCodes[0]! }, testContext())).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect((await signIn({ username: user.username, password: PASSWORD, recoveryCode: newCodes[0]! }, testContext())).ok).toBe(true);

    const rows = await auditRowsSince(since);
    const regenerated = rows.find((r) => r.action === "account.totp.regenerate-recovery-codes");
    expect(regenerated).toMatchObject({ outcome: "SUCCESS", actorId: user.id, changes: { recoveryCodesIssued: 10, unusedCodesReplaced: 10 } });
    expectNoSecrets(rows, [PASSWORD, secret, ...oldCodes, ...newCodes]);
  });

  it("refuses new recovery codes to an account without two-factor authentication", async () => {
    const user = await makeUser("DISTRICT_ADMIN");
    expect(await run(regenerateRecoveryCodesSpec, user.actors[0]!, { currentPassword: PASSWORD })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "account.totp.notEnrolled" });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("allows nothing but the password change while one is forced", async () => {
    const user = await makeUser("BUREAU_STAFF", { mustChangePassword: true });
    const since = await lastAuditId();
    expect(await run(startTotpSpec, user.actors[0]!, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } })).totpSecret).toBeNull();
    expect((await auditRowsSince(since)).map((r) => [r.action, r.outcome])).toEqual([["authz.denied:account:manage-totp", "DENIED"]]);
  });
});

describe("one's own e-mail address", () => {
  it("is set, changed and removed by its owner, each change in the history and the audit log", async () => {
    const actor = (await makeUser("DISTRICT_ADMIN")).actors[0]!;
    const since = await lastAuditId();
    expect(await executeAction(updateOwnEmailSpec, actor, testContext(), { email: "  Office@TieDong.Example.CN " })).toEqual({ ok: true, data: { email: "Office@tiedong.example.cn" } });
    expect(await getEmailPage(actor, testContext())).toMatchObject({ email: "Office@tiedong.example.cn" });
    expect(await executeAction(updateOwnEmailSpec, actor, testContext(), { email: "" })).toEqual({ ok: true, data: { email: null } });
    const rows = (await auditRowsSince(since)).filter((r) => r.action === "account.update-email");
    expect(rows.map((r) => r.changes)).toEqual([
      { email: { before: null, after: "Office@tiedong.example.cn" } },
      { email: { before: "Office@tiedong.example.cn", after: null } },
    ]);
    expect(rows.every((r) => r.targetId === String(actor.userId) && r.outcome === "SUCCESS")).toBe(true);
    expect(await db().entityRevision.count({ where: { entityType: "User", entityId: actor.userId } })).toBe(2);
  });

  it("refuses a malformed or unchanged address with a message at the field, changing nothing", async () => {
    const actor = (await makeUser("BUREAU_STAFF", { totpEnrolled: true })).actors[0]!;
    await executeAction(updateOwnEmailSpec, actor, testContext(), { email: "staff@bureau.example.cn" });
    const before = await lastAuditId();
    const bad = await executeAction(updateOwnEmailSpec, actor, testContext(), { email: "staff at bureau" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { email: ["account.emailInvalid"] }, values: { email: "staff at bureau" } });
    expect(await executeAction(updateOwnEmailSpec, actor, testContext(), { email: "staff@BUREAU.example.cn" })).toMatchObject({ ok: false, fieldErrors: { email: ["account.emailUnchanged"] } });
    expect(await executeAction(updateOwnEmailSpec, actor, testContext(), { email: `${"x".repeat(250)}@example.cn` })).toMatchObject({ ok: false, fieldErrors: { email: ["account.emailTooLong"] } });
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.userId } })).email).toBe("staff@bureau.example.cn");
    expect(await lastAuditId()).toBe(before);
  });

  it("cannot be changed while the issued password is still to be replaced, nor by a signed-out caller", async () => {
    const user = await makeUser("DISTRICT_ADMIN", { mustChangePassword: true });
    const actor = user.actors[0]!;
    expect(await executeAction(updateOwnEmailSpec, actor, testContext(), { email: "new@example.cn" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await executeAction(updateOwnEmailSpec, null, testContext(), { email: "new@example.cn" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBeNull();
  });
});
