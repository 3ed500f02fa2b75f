import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import type { RequestContext } from "./actor";
import { verifyPassword } from "./password-hash";
import { getSecurityPolicy, type SecurityPolicy } from "./security-policy";
import { createSession } from "./session-store";
import { hashRecoveryCode, openTotpSecret, TOTP_STEP_AUDIT_FIELD, verifyTotp } from "./totp";

export type SignInInput = { username: string; password: string; totpCode?: string; recoveryCode?: string };
export type SignInFailure = "INVALID" | "RATE_LIMITED" | "TOTP_REQUIRED" | "TOTP_INVALID";
export type SignInResult = { ok: true; userId: number; sessionId: string } | { ok: false; reason: SignInFailure };

// What the person signing in learns is one of four codes. Unknown user, wrong password, locked
// and disabled all read INVALID and take the same time (one argon2 verification each), so the
// form cannot be used to find out which usernames exist or which accounts are locked. The audit
// log, which only the audit administrator reads, records the real cause.

// An argon2id hash (same parameters as password-hash.ts) of a random string nobody knows: verified
// against when the username does not exist, so that answer takes as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$UZjXa8Bw/wHL2t4VpzHftA$CgXQRs0E2wHJoo9G24Fn5E2Mt8lXVxWiwD+uYeAmAuY";

const MAX_USERNAME_LENGTH = 100;
// Longer input is refused without being hashed (after the dummy verification, for the timing).
const MAX_PASSWORD_INPUT = 1024;
// Advisory-lock class for the per-IP counter (the audit chain uses a single-key lock: no overlap).
const IP_LOCK_CLASS = 70_421;
// Sign-ins for one account queue on its row lock; each holds it for about one argon2 verification.
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

type Cause =
  | "unknown-user"
  | "wrong-password"
  | "locked"
  | "disabled"
  | "totp-required"
  | "totp-wrong"
  | "totp-replayed"
  | "totp-unreadable"
  | "recovery-code-wrong";

/** Failed attempts are logged under the name that was typed: there is no verified actor yet. */
const attemptActor = (username: string): AuditActor => ({ username }) as unknown as AuditActor;

export async function signIn(input: SignInInput, context: RequestContext): Promise<SignInResult> {
  const policy = await getSecurityPolicy();
  const typedName = input.username.trim();
  const shownName = typedName.slice(0, MAX_USERNAME_LENGTH);
  const ip = context.ip ?? "unknown";
  const now = new Date();
  const base = { ip: context.ip, requestId: context.requestId };

  // 1. The per-IP limit, counted in the database so that every app instance shares it. This
  // attempt's row goes in now, as a failure, under a per-IP lock: parallel attempts from one
  // address are all counted, and a success turns its own row into one below.
  const gate = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IP_LOCK_CLASS}::int4, hashtext(${ip}))`;
    const since = new Date(now.getTime() - policy.ipWindowMinutes * 60_000);
    const failures = await tx.signInAttempt.count({ where: { ip, success: false, at: { gte: since } } });
    const attempt = await tx.signInAttempt.create({ data: { ip, username: shownName, success: false, at: now }, select: { id: true } });
    const limited = failures >= policy.ipAttemptsPerWindow;
    if (limited) {
      await recordAudit(tx, {
        ...base,
        action: "auth.sign-in.rate-limited",
        outcome: "DENIED",
        actor: attemptActor(shownName),
        changes: { reason: "RATE_LIMITED", failuresInWindow: failures, windowMinutes: policy.ipWindowMinutes },
      });
    }
    return { limited, attemptId: attempt.id };
  });
  if (gate.limited) return { ok: false, reason: "RATE_LIMITED" };

  // 2. The account, locked FOR UPDATE from the first read to the last write: parallel guesses
  // at one account run one after the other, so each sees the count the previous one left.
  return db().$transaction(async (tx): Promise<SignInResult> => {
    const locked = typedName.length > 0 && typedName.length <= MAX_USERNAME_LENGTH
      ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE username = ${typedName} FOR UPDATE`
      : [];
    const user = locked[0]
      ? await tx.user.findUniqueOrThrow({
          where: { id: locked[0].id },
          select: { id: true, username: true, role: true, passwordHash: true, active: true, failedLoginCount: true, lockedUntil: true, totpSecret: true, totpEnabledAt: true, isDemo: true },
        })
      : null;

    const tooLong = input.password.length > MAX_PASSWORD_INPUT;
    const passwordMatches = (await verifyPassword(user && !tooLong ? user.passwordHash : DUMMY_HASH, tooLong ? "" : input.password)) && !!user && !tooLong;

    const fail = async (reason: SignInFailure, cause: Cause, extra: Record<string, unknown> = {}, action = "auth.sign-in.failed"): Promise<SignInResult> => {
      await recordAudit(tx, {
        ...base,
        action,
        outcome: "FAILURE",
        actor: attemptActor(shownName),
        targetType: user ? "User" : undefined,
        targetId: user?.id,
        changes: { reason, cause, ...extra },
      });
      return { ok: false, reason };
    };

    if (!user) return fail("INVALID", "unknown-user");
    if (user.lockedUntil && user.lockedUntil > now) return fail("INVALID", "locked", { lockedUntil: user.lockedUntil.toISOString() }, "auth.sign-in.locked");
    if (!passwordMatches) {
      const count = await countFailedAttempt(tx, user, policy, now, attemptActor(shownName), context);
      return fail("INVALID", "wrong-password", { failedLoginCount: count.failedLoginCount });
    }
    if (!user.active) return fail("INVALID", "disabled");

    let method: "password" | "password+totp" | "password+recovery-code" = "password";
    const proof: Record<string, unknown> = {};
    if (user.totpEnabledAt) {
      const code = input.totpCode?.trim();
      const recovery = input.recoveryCode?.trim();
      if (!code && !recovery) return fail("TOTP_REQUIRED", "totp-required");
      if (code) {
        const secret = openTotpSecret(user.totpSecret, user);
        const check = secret ? await verifyTotp(secret, code.slice(0, 20), { afterTimeStep: await lastTotpStep(tx, user.id) }) : null;
        if (!check?.ok) {
          const count = await countFailedAttempt(tx, user, policy, now, attemptActor(shownName), context);
          const cause = !check ? "totp-unreadable" : check.replayed ? "totp-replayed" : "totp-wrong";
          return fail("TOTP_INVALID", cause, { failedLoginCount: count.failedLoginCount });
        }
        method = "password+totp";
        proof[TOTP_STEP_AUDIT_FIELD] = check.timeStep;
      } else {
        const used = await tx.recoveryCode.updateMany({
          where: { userId: user.id, codeHash: hashRecoveryCode(recovery!.slice(0, 100)), usedAt: null },
          data: { usedAt: now },
        });
        if (used.count !== 1) {
          const count = await countFailedAttempt(tx, user, policy, now, attemptActor(shownName), context);
          return fail("TOTP_INVALID", "recovery-code-wrong", { failedLoginCount: count.failedLoginCount });
        }
        method = "password+recovery-code";
        proof.recoveryCodesLeft = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
      }
    }

    if (user.failedLoginCount !== 0 || user.lockedUntil) {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    }
    const sessionId = await createSession(tx, user.id, context);
    await tx.signInAttempt.update({ where: { id: gate.attemptId }, data: { success: true } });
    await recordAudit(tx, {
      ...base,
      action: "auth.sign-in",
      outcome: "SUCCESS",
      actor: { userId: user.id, username: user.username, role: user.role },
      targetType: "User",
      targetId: user.id,
      // the session id is a credential: its first characters identify it in the log
      changes: { method, session: `${sessionId.slice(0, 8)}…`, ...proof },
    });
    return { ok: true, userId: user.id, sessionId };
  }, TX_OPTIONS);
}

/**
 * One more failed proof of identity for a row the caller holds FOR UPDATE (a wrong password or
 * code at sign-in, a wrong current password on an account page). At the policy's threshold of
 * consecutive failures the account locks for lockoutMinutes, audited as "auth.lockout". A lock
 * that has run out starts the count afresh.
 */
export async function countFailedAttempt(
  tx: Prisma.TransactionClient,
  user: { id: number; failedLoginCount: number; lockedUntil: Date | null },
  policy: Pick<SecurityPolicy, "lockoutThreshold" | "lockoutMinutes">,
  now: Date,
  actor: AuditActor,
  context: RequestContext,
): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
  const previous = user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedLoginCount;
  const failedLoginCount = previous + 1;
  const lockedUntil = failedLoginCount >= policy.lockoutThreshold ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
  await tx.user.update({ where: { id: user.id }, data: { failedLoginCount, lockedUntil } });
  if (lockedUntil) {
    await recordAudit(tx, {
      action: "auth.lockout",
      outcome: "FAILURE",
      actor,
      targetType: "User",
      targetId: user.id,
      changes: { failedLoginCount, lockedUntil: lockedUntil.toISOString(), lockoutMinutes: policy.lockoutMinutes },
      ip: context.ip,
      requestId: context.requestId,
    });
  }
  return { failedLoginCount, lockedUntil };
}

/**
 * The time step of the last code this account had accepted (at sign-in or when enrolling), from
 * the audit log, which every instance shares and nobody can rewrite; the caller holds the user
 * row lock, so two sign-ins with the same code cannot both read "unused". The newest rows come
 * first on the (actorId, at) index, so this reads a row or two.
 */
async function lastTotpStep(tx: Prisma.TransactionClient, userId: number): Promise<number | null> {
  const rows = await tx.$queryRaw<{ step: string | null }[]>`
    SELECT changes->>${TOTP_STEP_AUDIT_FIELD} AS step
    FROM "AuditLog"
    WHERE "actorId" = ${userId}
      AND action IN ('auth.sign-in', 'account.totp.confirm')
      AND outcome = 'SUCCESS'
      AND changes->>${TOTP_STEP_AUDIT_FIELD} IS NOT NULL
    ORDER BY "at" DESC, id DESC
    LIMIT 1`;
  const step = Number(rows[0]?.step);
  return Number.isSafeInteger(step) ? step : null;
}
