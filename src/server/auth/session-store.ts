import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import type { Actor, RequestContext } from "./actor";
import { absoluteLifetimeMs, getSecurityPolicy, idleTimeoutMs, passwordExpired, totpRequired } from "./security-policy";

// Sessions live in the database; the signed cookie only carries the session id. That is what
// makes logout, idle timeout, the absolute lifetime and "disabling an account ends its
// sessions" real: the server decides on every request, not the token.

// lastSeenAt is written at most this often, so that reading pages does not mean a write per request.
const TOUCH_INTERVAL_MS = 30_000;

export async function createSession(tx: Prisma.TransactionClient, userId: number, context: RequestContext): Promise<string> {
  const policy = await tx.securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
  const id = randomBytes(32).toString("base64url"); // a new id at every sign-in
  const now = new Date();
  await tx.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + absoluteLifetimeMs(policy)),
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

/** The actor behind a session id, or null when the session is unknown, ended or expired (then it is ended). */
export async function resolveSession(sessionId: string, context: RequestContext, now = new Date()): Promise<Actor | null> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      endedAt: true,
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          unitId: true,
          departmentId: true,
          active: true,
          mustChangePassword: true,
          passwordChangedAt: true,
          totpEnabledAt: true,
        },
      },
    },
  });
  if (!session || session.endedAt) return null;
  const { user } = session;
  const policy = await getSecurityPolicy();
  const endReason = !user.active
    ? "account-disabled"
    : now.getTime() - session.lastSeenAt.getTime() > idleTimeoutMs(policy, user.role)
      ? "idle-timeout"
      : now >= session.expiresAt || now.getTime() - session.createdAt.getTime() > absoluteLifetimeMs(policy)
        ? "absolute-timeout"
        : null;
  if (endReason) {
    await endSessions({ sessionId: session.id }, endReason, null, context);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const restriction =
    user.mustChangePassword || passwordExpired(policy, user.role, user.passwordChangedAt, now)
      ? "change-password"
      : totpRequired(policy, user.role) && !user.totpEnabledAt
        ? "enrol-totp"
        : null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    departmentId: user.departmentId,
    sessionId: session.id,
    restriction,
  };
}

/**
 * Ends one session or all of a user's sessions, audited. `by` is the administrator who did it,
 * null when the system did (timeouts, sign-out).
 */
export async function endSessions(
  which: { sessionId: string } | { userId: number },
  reason: string,
  by: { userId: number; username: string; role: string } | null,
  context: RequestContext,
  tx?: Prisma.TransactionClient,
): Promise<number> {
  const run = async (t: Prisma.TransactionClient) => {
    const where = "sessionId" in which ? { id: which.sessionId, endedAt: null } : { userId: which.userId, endedAt: null };
    const open = await t.session.findMany({ where, select: { id: true, userId: true } });
    if (open.length === 0) return 0;
    await t.session.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { endedAt: new Date(), endReason: reason } });
    await recordAudit(t, {
      action: "auth.session.end",
      outcome: "SUCCESS",
      actor: by,
      targetType: "User",
      targetId: open[0]!.userId,
      // session ids are credentials: only a short prefix goes to the log
      changes: { reason, sessions: open.map((s) => `${s.id.slice(0, 8)}…`) },
      ip: context.ip,
      requestId: context.requestId,
    });
    return open.length;
  };
  return tx ? run(tx) : db().$transaction(run);
}
