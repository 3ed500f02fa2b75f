// Signed-in actors for integration tests: a real user row and a real session row, built
// through the same code the app uses (createSession), without going through the login form.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { createSession } from "@/server/auth/session-store";

export const testContext = (): RequestContext => ({ ip: "127.0.0.1", requestId: randomUUID(), userAgent: "vitest" });

/** The seeded demo account of that username, signed in, with no pending restriction. */
export async function actorFor(username: string): Promise<Actor> {
  const user = await db().user.findUniqueOrThrow({ where: { username } });
  const sessionId = await db().$transaction((tx) => createSession(tx, user.id, testContext()));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    departmentId: user.departmentId,
    sessionId,
    restriction: null,
  };
}

/** The demo account for each role (one per role in prisma/seed-data/demo-accounts.json). */
export const DEMO_USER_BY_ROLE: Record<Role, string> = {
  DISTRICT_ADMIN: "tiedong.admin",
  DEPARTMENT_OFFICER: "finance.officer",
  BUREAU_STAFF: "bureau.staff",
  BUREAU_LEADER: "bureau.leader",
  SYSTEM_ADMIN: "sysadmin",
  SECURITY_ADMIN: "secadmin",
  AUDIT_ADMIN: "auditor",
};

/** Audit rows written since `sinceId` (exclusive), oldest first. */
export async function auditRowsSince(sinceId: bigint) {
  return db().auditLog.findMany({ where: { id: { gt: sinceId } }, orderBy: { id: "asc" } });
}

export async function lastAuditId(): Promise<bigint> {
  return (await db().auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
}
