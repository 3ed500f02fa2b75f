import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { RequestContext } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password-hash";
import { resolveSession } from "@/server/auth/session-store";
import { signIn } from "@/server/auth/sign-in";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, sealTotpSecret, totpCode } from "@/server/auth/totp";
import { db } from "@/server/db/client";
import { auditRowsSince, lastAuditId } from "../support/actors";
import demoFile from "../../prisma/seed-data/demo-accounts.json";

// Each test signs in from its own address, so that the per-IP limit of one test does not reach
// into another; the per-IP test shares one address on purpose.
const from = (ip: string): RequestContext => ({ ip, requestId: randomUUID(), userAgent: "vitest" });
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 6)}`;

const PASSWORD = "Lantern-Harbour-Quiet-42";

async function makeUser(role: Role = "DISTRICT_ADMIN", extra: { active?: boolean } = {}) {
  const username = `u${randomUUID().slice(0, 8)}`;
  const user = await db().user.create({
    data: { username, displayName: username, role, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, ...extra },
    select: { id: true, username: true },
  });
  return user;
}

const userState = (id: number) => db().user.findUniqueOrThrow({ where: { id }, select: { failedLoginCount: true, lockedUntil: true } });

/** Audit rows must never carry what was typed as a secret. */
function expectNoSecrets(rows: { changes: unknown }[], secrets: string[]) {
  const text = JSON.stringify(rows.map((r) => r.changes));
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toContain("$argon2");
}

describe("sign-in with a password", () => {
  it("signs in with the right password: a session that resolves, an attempt row and an audit row", async () => {
    const user = await makeUser();
    const ip = freshIp();
    const since = await lastAuditId();
    const result = await signIn({ username: user.username, password: PASSWORD }, from(ip));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const actor = await resolveSession(result.sessionId, from(ip));
    expect(actor).toMatchObject({ userId: user.id, username: user.username, restriction: null });
    expect(await db().signInAttempt.findMany({ where: { ip }, select: { username: true, success: true } })).toEqual([{ username: user.username, success: true }]);
    const rows = await auditRowsSince(since);
    expect(rows.map((r) => [r.action, r.outcome, r.actorId, r.ip])).toEqual([["auth.sign-in", "SUCCESS", user.id, ip]]);
    expectNoSecrets(rows, [PASSWORD, result.sessionId]);
  });

  it("answers INVALID for an unknown username, logs the name typed and never the password", async () => {
    const ip = freshIp();
    const since = await lastAuditId();
    expect(await signIn({ username: "no.such.person", password: PASSWORD }, from(ip))).toEqual({ ok: false, reason: "INVALID" });
    const rows = await auditRowsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "auth.sign-in.failed", outcome: "FAILURE", actorId: null, actorName: "no.such.person", changes: { reason: "INVALID", cause: "unknown-user" } });
    expectNoSecrets(rows, [PASSWORD]);
    expect(await db().signInAttempt.count({ where: { ip, success: false } })).toBe(1);
  });

  it("answers INVALID for a disabled account even with the right password", async () => {
    const user = await makeUser("DISTRICT_ADMIN", { active: false });
    const since = await lastAuditId();
    expect(await signIn({ username: user.username, password: PASSWORD }, from(freshIp()))).toEqual({ ok: false, reason: "INVALID" });
    expect((await auditRowsSince(since))[0]).toMatchObject({ action: "auth.sign-in.failed", changes: { cause: "disabled" } });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("account lockout", () => {
  it("locks after 5 wrong passwords in a row, refuses the right one while locked, and lets it in once the lock has run out", async () => {
    const user = await makeUser();
    const ip = freshIp();
    const since = await lastAuditId();
    for (let i = 1; i <= 5; i++) {
      expect(await signIn({ username: user.username, password: `wrong-guess-${i}` }, from(ip))).toEqual({ ok: false, reason: "INVALID" });
    }
    const locked = await userState(user.id);
    expect(locked.failedLoginCount).toBe(5);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    // the sixth attempt, with the RIGHT password, is refused with the same answer
    expect(await signIn({ username: user.username, password: PASSWORD }, from(ip))).toEqual({ ok: false, reason: "INVALID" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);

    const rows = await auditRowsSince(since);
    expect(rows.map((r) => r.action)).toEqual([
      "auth.sign-in.failed",
      "auth.sign-in.failed",
      "auth.sign-in.failed",
      "auth.sign-in.failed",
      "auth.lockout",
      "auth.sign-in.failed",
      "auth.sign-in.locked",
    ]);
    expect(rows.every((r) => r.actorName === user.username && r.targetId === String(user.id))).toBe(true);
    expect(rows[4]!.changes).toMatchObject({ failedLoginCount: 5, lockoutMinutes: 15 });
    expectNoSecrets(rows, [PASSWORD, "wrong-guess-1", "wrong-guess-5"]);

    // the lock runs out (moved into the past here rather than waiting 15 minutes)
    await db().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const result = await signIn({ username: user.username, password: PASSWORD }, from(ip));
    expect(result.ok).toBe(true);
    expect(await userState(user.id)).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });

  it("starts counting afresh after a success in between", async () => {
    const user = await makeUser();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await signIn({ username: user.username, password: "wrong" }, from(ip));
    expect((await userState(user.id)).failedLoginCount).toBe(4);
    expect((await signIn({ username: user.username, password: PASSWORD }, from(ip))).ok).toBe(true);
    expect((await userState(user.id)).failedLoginCount).toBe(0);
    for (let i = 0; i < 4; i++) await signIn({ username: user.username, password: "wrong" }, from(ip));
    expect(await userState(user.id)).toEqual({ failedLoginCount: 4, lockedUntil: null });
    expect((await signIn({ username: user.username, password: PASSWORD }, from(ip))).ok).toBe(true);
  });

  it("counts every one of many parallel wrong guesses: none slips past the lockout", async () => {
    const user = await makeUser();
    const since = await lastAuditId();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn({ username: user.username, password: `parallel-${i}` }, from(freshIp()))));
    expect(results.every((r) => !r.ok && r.reason === "INVALID")).toBe(true);
    const state = await userState(user.id);
    expect(state.failedLoginCount).toBe(5);
    expect(state.lockedUntil).not.toBeNull();
    const rows = await auditRowsSince(since);
    // exactly five passwords were checked against the account; the other seven met the lock
    expect(rows.filter((r) => (r.changes as { cause?: string } | null)?.cause === "wrong-password")).toHaveLength(5);
    expect(rows.filter((r) => r.action === "auth.sign-in.locked")).toHaveLength(7);
    expect(rows.filter((r) => r.action === "auth.lockout")).toHaveLength(1);
  });
});

describe("per-address limit", () => {
  it("refuses every username from an address after 20 failures in the window, audited; other addresses are unaffected", async () => {
    const user = await makeUser();
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      expect(await signIn({ username: `someone.${i}`, password: "guess" }, from(ip))).toEqual({ ok: false, reason: "INVALID" });
    }
    const since = await lastAuditId();
    // right password, other account: still refused from that address, before any account is looked at
    expect(await signIn({ username: user.username, password: PASSWORD }, from(ip))).toEqual({ ok: false, reason: "RATE_LIMITED" });
    const rows = await auditRowsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "auth.sign-in.rate-limited", outcome: "DENIED", actorName: user.username, ip, changes: { reason: "RATE_LIMITED", failuresInWindow: 20 } });
    expect(await userState(user.id)).toEqual({ failedLoginCount: 0, lockedUntil: null });
    expect(await db().signInAttempt.count({ where: { ip } })).toBe(21);

    expect((await signIn({ username: user.username, password: PASSWORD }, from(freshIp()))).ok).toBe(true);

    // the window slides: once those failures are older than 15 minutes, the address may try again
    await db().signInAttempt.updateMany({ where: { ip }, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await signIn({ username: user.username, password: PASSWORD }, from(ip))).ok).toBe(true);
  });
});

describe("two-factor sign-in", () => {
  const demo = demoFile.accounts.find((a) => a.username === "bureau.staff")!;

  it("asks a demo reviewer for the code (not a failure), refuses a wrong one (a failure), accepts the right one once", async () => {
    const ip = freshIp();
    const user = await db().user.findUniqueOrThrow({ where: { username: demo.username }, select: { id: true } });
    const since = await lastAuditId();

    expect(await signIn({ username: demo.username, password: demo.password }, from(ip))).toEqual({ ok: false, reason: "TOTP_REQUIRED" });
    expect((await userState(user.id)).failedLoginCount).toBe(0);

    const now = Math.floor(Date.now() / 1000);
    const code = await totpCode(demo.totpSecret!, now);
    const nearby = await Promise.all([-30, 0, 30, 60].map((s) => totpCode(demo.totpSecret!, now + s)));
    const wrong = ["000000", "111111", "222222", "333333"].find((c) => !nearby.includes(c))!;
    expect(await signIn({ username: demo.username, password: demo.password, totpCode: wrong }, from(ip))).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect((await userState(user.id)).failedLoginCount).toBe(1);

    const ok = await signIn({ username: demo.username, password: demo.password, totpCode: code }, from(ip));
    expect(ok.ok).toBe(true);
    expect((await userState(user.id)).failedLoginCount).toBe(0);

    // the same code a second time, still inside its window, is refused
    expect(await signIn({ username: demo.username, password: demo.password, totpCode: code }, from(ip))).toEqual({ ok: false, reason: "TOTP_INVALID" });

    const rows = await auditRowsSince(since);
    expect(rows.map((r) => [r.action, (r.changes as { cause?: string; method?: string }).cause ?? (r.changes as { method?: string }).method])).toEqual([
      ["auth.sign-in.failed", "totp-required"],
      ["auth.sign-in.failed", "totp-wrong"],
      ["auth.sign-in", "password+totp"],
      ["auth.sign-in.failed", "totp-replayed"],
    ]);
    expectNoSecrets(rows, [demo.password, demo.totpSecret!]);
  });

  it("never asks for a code before the password is right", async () => {
    expect(await signIn({ username: demo.username, password: "not-the-password" }, from(freshIp()))).toEqual({ ok: false, reason: "INVALID" });
    await db().user.update({ where: { username: demo.username }, data: { failedLoginCount: 0 } });
  });

  it("takes a recovery code instead of the code, once", async () => {
    const user = await makeUser("BUREAU_STAFF");
    const secret = newTotpSecret();
    const codes = newRecoveryCodes();
    await db().user.update({
      where: { id: user.id },
      data: { totpSecret: sealTotpSecret(secret, user.id), totpEnabledAt: new Date(), recoveryCodes: { create: codes.map((c) => ({ codeHash: hashRecoveryCode(c) })) } },
    });
    const ip = freshIp();
    const since = await lastAuditId();
    const first = await signIn({ username: user.username, password: PASSWORD, recoveryCode: codes[3]!.toUpperCase() }, from(ip));
    expect(first.ok).toBe(true);
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await signIn({ username: user.username, password: PASSWORD, recoveryCode: codes[3]! }, from(ip))).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect(await signIn({ username: user.username, password: PASSWORD, recoveryCode: "abcde-fghjk" }, from(ip))).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect((await userState(user.id)).failedLoginCount).toBe(2);
    const rows = await auditRowsSince(since);
    expect(rows[0]).toMatchObject({ action: "auth.sign-in", changes: { method: "password+recovery-code", recoveryCodesLeft: 9 } });
    expect(rows.slice(1).map((r) => (r.changes as { cause: string }).cause)).toEqual(["recovery-code-wrong", "recovery-code-wrong"]);
    expectNoSecrets(rows, [...codes, codes[3]!.toUpperCase(), secret, PASSWORD]);
  });

  it("locks the account after wrong codes too", async () => {
    const user = await makeUser("BUREAU_STAFF");
    const secret = newTotpSecret();
    await db().user.update({ where: { id: user.id }, data: { totpSecret: sealTotpSecret(secret, user.id), totpEnabledAt: new Date() } });
    const now = Math.floor(Date.now() / 1000);
    const nearby = await Promise.all([-30, 0, 30, 60].map((s) => totpCode(secret, now + s)));
    const wrong = ["000000", "111111", "222222", "333333", "444444"].find((c) => !nearby.includes(c))!;
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ username: user.username, password: PASSWORD, totpCode: wrong }, from(freshIp()))).toEqual({ ok: false, reason: "TOTP_INVALID" });
    }
    expect((await userState(user.id)).lockedUntil).not.toBeNull();
    expect(await signIn({ username: user.username, password: PASSWORD, totpCode: await totpCode(secret) }, from(freshIp()))).toEqual({ ok: false, reason: "INVALID" });
  });
});
