import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction, type ScopedRecord } from "@/server/actions/define-action";
import { auditActor, type Actor, type RequestContext } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password-hash";
import { checkNewPassword, PASSWORD_MAX_LENGTH } from "@/server/auth/password-policy";
import { getSecurityPolicy, passwordExpired, totpRequired } from "@/server/auth/security-policy";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret, TOTP_STEP_AUDIT_FIELD, verifyTotp } from "@/server/auth/totp";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { confirmCurrentPassword } from "./reauthenticate";

// One's own account: the password and two-factor authentication. Every change that affects how
// the account signs in asks for the current password first (ASVS 5.0 V7.5.1), and no secret
// (password, hash, TOTP secret, recovery code) ever reaches an audit row.

/** The acting user's own row: these actions never take a user id from the form. */
export async function ownAccount(_input: unknown, actor: Actor | null): Promise<ScopedRecord | null> {
  if (!actor) return null;
  const user = await db().user.findUnique({ where: { id: actor.userId }, select: { id: true } });
  return user ? { type: "User", id: user.id, userId: user.id } : null;
}

const lockUser = (tx: Prisma.TransactionClient, userId: number) => tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;

const currentPassword = z.string().min(1, "account.currentPasswordRequired").max(1024, "account.currentPasswordWrong");

/** Ends the user's sessions other than the one making the change, audited like session-store's endSessions. */
async function endOtherSessions(tx: Prisma.TransactionClient, actor: Actor, reason: string, context: RequestContext): Promise<number> {
  const open = await tx.session.findMany({ where: { userId: actor.userId, endedAt: null, id: { not: actor.sessionId } }, select: { id: true } });
  if (open.length === 0) return 0;
  await tx.session.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { endedAt: new Date(), endReason: reason } });
  await recordAudit(tx, {
    action: "auth.session.end",
    outcome: "SUCCESS",
    actor: auditActor(actor),
    targetType: "User",
    targetId: actor.userId,
    changes: { reason, sessions: open.map((s) => `${s.id.slice(0, 8)}…`) },
    ip: context.ip,
    requestId: context.requestId,
  });
  return open.length;
}

export type ChangePasswordResult = { next: "/account/two-factor" | "/workspace" };

export const changePasswordSpec = defineAction({
  name: "account.change-password",
  permission: "account:change-password",
  input: z
    .object({
      currentPassword,
      // code points are counted by checkNewPassword; this only stops absurd input early
      newPassword: z.string().min(1, "account.newPasswordRequired").max(PASSWORD_MAX_LENGTH * 4, "auth.password.tooLong"),
      confirmPassword: z.string(),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.passwordsDiffer" }),
  target: ownAccount,
  async run(input, { actor, context, audit }): Promise<ChangePasswordResult> {
    const verifiedHash = await confirmCurrentPassword(actor, input.currentPassword, "account.change-password", context);
    const policy = await getSecurityPolicy();
    const user = await db().user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { username: true, role: true, mustChangePassword: true, passwordChangedAt: true, totpEnabledAt: true },
    });
    const problems = await checkNewPassword({ password: input.newPassword, username: user.username, role: user.role, userId: actor.userId }, policy);
    if (problems.length > 0) throw new AppError("VALIDATION", "errors.VALIDATION", { newPassword: problems });

    const newHash = await hashPassword(input.newPassword);
    const now = new Date();
    const why = user.mustChangePassword ? "issued-password" : passwordExpired(policy, user.role, user.passwordChangedAt, now) ? "expired" : "voluntary";
    await db().$transaction(async (tx) => {
      await lockUser(tx, actor.userId);
      const { passwordHash } = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
      // changed by someone else (an administrator's reset) since it was verified
      if (passwordHash !== verifiedHash) throw new AppError("CONFLICT");
      await tx.passwordHistory.create({ data: { userId: actor.userId, passwordHash, createdAt: now } });
      // Keep only as many old hashes as the policy compares against: no more password data than needed.
      const stale = await tx.passwordHistory.findMany({
        where: { userId: actor.userId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: policy.passwordHistoryCount,
        select: { id: true },
      });
      if (stale.length > 0) await tx.passwordHistory.deleteMany({ where: { id: { in: stale.map((h) => h.id) } } });
      await tx.user.update({ where: { id: actor.userId }, data: { passwordHash: newHash, passwordChangedAt: now, mustChangePassword: false } });
      const otherSessionsEnded = await endOtherSessions(tx, actor, "password-changed", context);
      await audit(tx, {
        targetType: "User",
        targetId: actor.userId,
        changes: {
          reason: why,
          passwordChangedAt: { before: user.passwordChangedAt.toISOString(), after: now.toISOString() },
          mustChangePassword: { before: user.mustChangePassword, after: false },
          otherSessionsEnded,
        },
      });
    });
    return { next: totpRequired(policy, user.role) && !user.totpEnabledAt ? "/account/two-factor" : "/workspace" };
  },
});

export const startTotpSpec = defineAction({
  name: "account.totp.start",
  permission: "account:manage-totp",
  input: z.object({}),
  target: ownAccount,
  async run(_input, { actor, audit }): Promise<{ started: true }> {
    // The new secret waits in totpSecret (totpEnabledAt still null) until a code from it is confirmed.
    const secret = newTotpSecret();
    await db().$transaction(async (tx) => {
      await lockUser(tx, actor.userId);
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecret: true, totpEnabledAt: true } });
      if (user.totpEnabledAt) throw new AppError("CONFLICT", "account.totp.alreadyEnrolled");
      await tx.user.update({ where: { id: actor.userId }, data: { totpSecret: sealTotpSecret(secret, actor.userId) } });
      await audit(tx, { targetType: "User", targetId: actor.userId, changes: { totp: { before: user.totpSecret ? "pending" : "off", after: "pending" } } });
    });
    return { started: true };
  },
});

export type RecoveryCodesResult = { recoveryCodes: string[] };

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: number): Promise<{ codes: string[]; replaced: number }> {
  const codes = newRecoveryCodes();
  const removed = await tx.recoveryCode.deleteMany({ where: { userId, usedAt: null } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return { codes, replaced: removed.count };
}

export const confirmTotpSpec = defineAction({
  name: "account.totp.confirm",
  permission: "account:manage-totp",
  input: z.object({
    currentPassword,
    code: z
      .string()
      .transform((s) => s.replace(/\s+/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "account.totp.codeFormat")),
  }),
  target: ownAccount,
  async run(input, { actor, context, audit }): Promise<RecoveryCodesResult> {
    await confirmCurrentPassword(actor, input.currentPassword, "account.totp.confirm", context);
    const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, isDemo: true, totpSecret: true, totpEnabledAt: true } });
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "account.totp.alreadyEnrolled");
    const secret = openTotpSecret(user.totpSecret, user);
    if (!secret) throw new AppError("CONFLICT", "account.totp.notStarted");
    const check = await verifyTotp(secret, input.code);
    if (!check.ok) throw new AppError("VALIDATION", "errors.VALIDATION", { code: ["account.totp.codeWrong"] });
    const now = new Date();
    return db().$transaction(async (tx) => {
      // only the secret that was shown and verified, and only once
      const enabled = await tx.user.updateMany({ where: { id: actor.userId, totpEnabledAt: null, totpSecret: user.totpSecret }, data: { totpEnabledAt: now } });
      if (enabled.count !== 1) throw new AppError("CONFLICT");
      const { codes } = await replaceRecoveryCodes(tx, actor.userId);
      await audit(tx, {
        targetType: "User",
        targetId: actor.userId,
        // the accepted step, so that the same code cannot then be used to sign in (see sign-in.ts)
        changes: { totpEnabledAt: { before: null, after: now.toISOString() }, recoveryCodesIssued: codes.length, [TOTP_STEP_AUDIT_FIELD]: check.timeStep },
      });
      return { recoveryCodes: codes };
    });
  },
});

export const regenerateRecoveryCodesSpec = defineAction({
  name: "account.totp.regenerate-recovery-codes",
  permission: "account:manage-totp",
  input: z.object({ currentPassword }),
  target: ownAccount,
  async run(input, { actor, context, audit }): Promise<RecoveryCodesResult> {
    await confirmCurrentPassword(actor, input.currentPassword, "account.totp.regenerate-recovery-codes", context);
    return db().$transaction(async (tx) => {
      await lockUser(tx, actor.userId);
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
      if (!user.totpEnabledAt) throw new AppError("CONFLICT", "account.totp.notEnrolled");
      const { codes, replaced } = await replaceRecoveryCodes(tx, actor.userId);
      await audit(tx, { targetType: "User", targetId: actor.userId, changes: { recoveryCodesIssued: codes.length, unusedCodesReplaced: replaced } });
      return { recoveryCodes: codes };
    });
  },
});
