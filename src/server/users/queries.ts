import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/authorize";
import { ROLES } from "@/shared/roles";
import { absoluteLifetimeMs, getSecurityPolicy, idleTimeoutMs } from "@/server/auth/security-policy";
import { db } from "@/server/db/client";
import { MAX_RECORD_ID, parseRecordId } from "@/shared/record-id";
import { accountSelect } from "./account-select";
import { adminActionsFor } from "./admin-actions-for";

// Reads for the user-administration pages. Each function authorizes the actor itself: a page
// that forgot its check still leaks nothing.

export const USERS_PAGE_SIZE = 20;

/** Query-string filters; anything malformed is dropped rather than failing the page. */
const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  unitId: z.coerce.number().int().positive().max(MAX_RECORD_ID).optional().catch(undefined),
  departmentId: z.coerce.number().int().positive().max(MAX_RECORD_ID).optional().catch(undefined),
  active: z.enum(["yes", "no"]).optional().catch(undefined),
  locked: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_RECORD_ID).catch(1),
});

export type UserFilters = z.infer<typeof filtersSchema>;

export function parseUserFilters(searchParams: Record<string, string | string[] | undefined>): UserFilters {
  const first = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = filtersSchema.parse(first);
  return { ...parsed, q: parsed.q || undefined };
}

const placeSelect = { select: { id: true, code: true, nameZh: true, nameEn: true } } as const;

function userWhere(filters: UserFilters, now: Date): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filters.q) {
    and.push({
      OR: [
        { username: { contains: filters.q, mode: "insensitive" } },
        { displayName: { contains: filters.q, mode: "insensitive" } },
        { email: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  if (filters.role) and.push({ role: filters.role });
  if (filters.unitId) and.push({ unitId: filters.unitId });
  if (filters.departmentId) and.push({ departmentId: filters.departmentId });
  if (filters.active) and.push({ active: filters.active === "yes" });
  if (filters.locked === "yes") and.push({ lockedUntil: { gt: now } });
  if (filters.locked === "no") and.push({ OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });
  return { AND: and };
}

/** One page of accounts matching the filters, with each account's last sign-in, and what else the viewer may open. */
export async function listUsers(actor: Actor | null, context: RequestContext, filters: UserFilters, now = new Date()) {
  const viewer = await authorize(actor, "user:read", context, { type: "User" });
  const where = userWhere(filters, now);
  const total = await db().user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db().user.findMany({
    where,
    orderBy: [{ username: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      ...accountSelect,
      isDemo: true,
      unit: placeSelect,
      department: placeSelect,
    },
  });
  // a sign-in creates a session, so the newest session is the last sign-in: one grouped query for the page
  const lastSessions = rows.length
    ? await db().session.groupBy({ by: ["userId"], where: { userId: { in: rows.map((r) => r.id) } }, _max: { createdAt: true } })
    : [];
  const lastSignIn = new Map(lastSessions.map((s) => [s.userId, s._max.createdAt]));
  return {
    users: rows.map(({ totpEnabledAt, lockedUntil, ...row }) => ({
      ...row,
      locked: lockedUntil !== null && lockedUntil > now,
      totpEnrolled: totpEnabledAt !== null,
      lastSignInAt: lastSignIn.get(row.id) ?? null,
    })),
    total,
    page,
    pageCount,
    pageSize: USERS_PAGE_SIZE,
    may: { create: can(viewer, "user:create"), updateSecurityPolicy: can(viewer, "security-policy:update") },
  };
}

export type UserListPage = Awaited<ReturnType<typeof listUsers>>;

/**
 * One account as administrators see it: scope, lock and two-factor state, the sessions open
 * now, the last sign-in and every administrative change (EntityRevision), with what this
 * viewer may do with it (adminActionsFor). null: no such user.
 */
export async function getUserForAdmin(actor: Actor | null, context: RequestContext, id: number, now = new Date()) {
  const viewer = await authorize(actor, "user:read", context, { type: "User", id });
  if (parseRecordId(id) === null) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: {
      ...accountSelect,
      mustChangePassword: true,
      passwordChangedAt: true,
      failedLoginCount: true,
      isDemo: true,
      createdAt: true,
      updatedAt: true,
      unit: placeSelect,
      department: placeSelect,
    },
  });
  if (!user) return null;
  const policy = await getSecurityPolicy();
  // A session nobody has used for longer than the idle timeout is over even before
  // resolveSession gets round to marking it ended.
  const idleSince = new Date(now.getTime() - idleTimeoutMs(policy, user.role));
  const bornAfter = new Date(now.getTime() - absoluteLifetimeMs(policy));
  const [openSessions, lastSession, revisions] = await Promise.all([
    db().session.findMany({
      where: { userId: id, endedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince }, createdAt: { gt: bornAfter } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
    }),
    db().session.findFirst({ where: { userId: id }, orderBy: { createdAt: "desc" }, select: { createdAt: true, ip: true } }),
    db().entityRevision.findMany({
      where: { entityType: "User", entityId: id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, at: true, changes: true, reason: true, actorId: true },
    }),
  ]);
  const actorIds = [...new Set(revisions.flatMap((r) => (r.actorId === null ? [] : [r.actorId])))];
  const actors = actorIds.length
    ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, username: true, displayName: true } })
    : [];
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const { totpEnabledAt, ...rest } = user;
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const totpEnrolled = totpEnabledAt !== null;
  return {
    ...rest,
    locked,
    totpEnrolled,
    ...adminActionsFor(viewer, { ...user, locked, totpEnrolled, openSessionCount: openSessions.length }),
    openSessions,
    lastSignIn: lastSession ? { at: lastSession.createdAt, ip: lastSession.ip } : null,
    revisions: revisions.map(({ actorId, changes, ...revision }) => ({
      ...revision,
      changes: (changes && typeof changes === "object" && !Array.isArray(changes) ? changes : {}) as Record<string, unknown>,
      actor: actorId === null ? null : (actorById.get(actorId) ?? { id: actorId, username: `#${actorId}`, displayName: `#${actorId}` }),
    })),
  };
}

export type UserForAdmin = NonNullable<Awaited<ReturnType<typeof getUserForAdmin>>>;

/**
 * What an account may be scoped to: the reporting units and the departments, active ones only.
 * `purpose` is the permission of the form they fill (the list's filters, creating, assigning).
 */
export async function listScopeOptions(actor: Actor | null, context: RequestContext, purpose: "user:read" | "user:create" | "user:assign-role" = "user:read") {
  await authorize(actor, purpose, context, { type: "User" });
  const [units, departments] = await Promise.all([
    db().unit.findMany({ where: { isReporting: true, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameZh: true, nameEn: true } }),
    db().department.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true } }),
  ]);
  return { units, departments };
}

export type ScopeOptions = Awaited<ReturnType<typeof listScopeOptions>>;

/** The security policy, for the security administrator's page. */
export async function getSecurityPolicyForAdmin(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "security-policy:update", context, { type: "SecurityPolicy", id: 1 });
  return db().securityPolicy.findUniqueOrThrow({
    where: { id: 1 },
    select: {
      totpRequiredRoles: true,
      idleTimeoutMinutes: true,
      adminIdleTimeoutMinutes: true,
      absoluteLifetimeHours: true,
      passwordMinLength: true,
      adminPasswordMaxAgeDays: true,
      passwordHistoryCount: true,
      lockoutThreshold: true,
      lockoutMinutes: true,
      ipAttemptsPerWindow: true,
      ipWindowMinutes: true,
      updatedAt: true,
    },
  });
}
