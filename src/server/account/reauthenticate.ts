import "server-only";
import { auditActor, type Actor, type RequestContext } from "@/server/auth/actor";
import { verifyPassword } from "@/server/auth/password-hash";
import { getSecurityPolicy } from "@/server/auth/security-policy";
import { countFailedAttempt } from "@/server/auth/sign-in";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * Asks for the current password again before a change to how the account signs in, so that a
 * session left open (or stolen) is not enough to take the account over. Wrong answers count
 * towards the same lockout as sign-in, so this form cannot be used to guess the password either.
 * Returns the hash that was verified, for the caller to check it is still the current one.
 */
export async function confirmCurrentPassword(actor: Actor, password: string, purpose: string, context: RequestContext): Promise<string> {
  const policy = await getSecurityPolicy();
  const outcome = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId} FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, passwordHash: true, failedLoginCount: true, lockedUntil: true } });
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      await recordAudit(tx, { action: "auth.reauthenticate.failed", outcome: "FAILURE", actor: auditActor(actor), targetType: "User", targetId: user.id, changes: { purpose, cause: "locked" }, ip: context.ip, requestId: context.requestId });
      return { ok: false as const, locked: true };
    }
    if (await verifyPassword(user.passwordHash, password)) return { ok: true as const, hash: user.passwordHash };
    const count = await countFailedAttempt(tx, user, policy, now, auditActor(actor), context);
    await recordAudit(tx, {
      action: "auth.reauthenticate.failed",
      outcome: "FAILURE",
      actor: auditActor(actor),
      targetType: "User",
      targetId: user.id,
      changes: { purpose, cause: "wrong-password", failedLoginCount: count.failedLoginCount },
      ip: context.ip,
      requestId: context.requestId,
    });
    return { ok: false as const, locked: count.lockedUntil !== null };
  }, TX_OPTIONS);
  // Thrown after the transaction, so that the failure count and its audit row are kept.
  if (!outcome.ok) throw new AppError("VALIDATION", "errors.VALIDATION", { currentPassword: [outcome.locked ? "account.locked" : "account.currentPasswordWrong"] });
  return outcome.hash;
}
