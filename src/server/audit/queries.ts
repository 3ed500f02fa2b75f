import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { parseAuditFilters, type AuditFilters } from "./filters";
import { verifyAuditChain } from "./verify-chain";

// The audit administrator's reads. Every function authorizes first: the page's own checks are
// for showing the right message, never what protects the rows.

export const AUDIT_PAGE_SIZE = 50;

export const auditRowSelect = {
  id: true,
  at: true,
  actorName: true,
  actorRole: true,
  action: true,
  outcome: true,
  targetType: true,
  targetId: true,
  unitId: true,
  ip: true,
  requestId: true,
  changes: true,
} as const satisfies Prisma.AuditLogSelect;

/**
 * The filters as a `where` clause. The actor filter goes through User (usernames are unique and
 * never reused) to the actor's id, so it is served by the (actorId, at) index; a prefix can name
 * several accounts. Rows written without a signed-in user (sign-in attempts) have no actor id.
 */
export async function auditWhere(client: Pick<Prisma.TransactionClient, "user">, filters: AuditFilters): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) {
    const { username, prefix } = filters.actor;
    const users = await client.user.findMany({ where: { username: prefix ? { startsWith: username } : username }, select: { id: true } });
    and.push({ actorId: { in: users.map((u) => u.id) } });
  }
  if (filters.action) and.push({ action: { startsWith: filters.action } });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.unitId !== undefined) and.push({ unitId: filters.unitId });
  if (filters.from || filters.to) and.push({ at: { ...(filters.from && { gte: filters.from }), ...(filters.to && { lt: filters.to }) } });
  return { AND: and };
}

type UnitName = { id: number; nameZh: string; nameEn: string | null };

/** Names of the units the rows mention, in one query. */
export async function unitNames(client: Pick<Prisma.TransactionClient, "unit">, unitIds: Iterable<number | null>): Promise<Map<number, UnitName>> {
  const ids = [...new Set([...unitIds].filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const units = await client.unit.findMany({ where: { id: { in: ids } }, select: { id: true, nameZh: true, nameEn: true } });
  return new Map(units.map((unit) => [unit.id, unit]));
}

export type AuditRow = {
  id: string;
  at: Date;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: Prisma.AuditLogGetPayload<{ select: { outcome: true } }>["outcome"];
  targetType: string | null;
  targetId: string | null;
  unit: UnitName | null;
  ip: string | null;
  requestId: string | null;
  changes: unknown;
};

export type AuditSearchResult = {
  rows: AuditRow[];
  /** the id to pass as `before` for the next (older) page, or null on the last page */
  olderCursor: string | null;
  /** true when this page started at a cursor, so a link back to the newest page makes sense */
  paged: boolean;
  query: AuditFilters["query"];
  ignored: AuditFilters["ignored"];
};

/**
 * One page of the log, newest first, keyset-paged by id (stable while rows are appended, and
 * no OFFSET scan deep into a large table). `rawFilters` are query parameters as received.
 */
export async function searchAuditLog(actor: Actor | null, context: RequestContext, rawFilters: unknown): Promise<AuditSearchResult> {
  await authorize(actor, "audit:read", context);
  const filters = parseAuditFilters(rawFilters);
  const where = await auditWhere(db(), filters);
  const found = await db().auditLog.findMany({
    where: filters.before !== undefined ? { AND: [where, { id: { lt: filters.before } }] } : where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: auditRowSelect,
  });
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  const units = await unitNames(db(), page.map((row) => row.unitId));
  return {
    rows: page.map(({ id, unitId, ...row }) => ({ ...row, id: id.toString(), unit: unitId === null ? null : (units.get(unitId) ?? null) })),
    olderCursor: found.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id.toString() : null,
    paged: filters.before !== undefined,
    query: filters.query,
    ignored: filters.ignored,
  };
}

export type ChainCheck =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBrokenId: string; kind: "content" | "link"; reason: string };

/** Recomputes the whole hash chain (on demand: it reads every row). */
export async function checkAuditChain(actor: Actor | null, context: RequestContext): Promise<ChainCheck> {
  await authorize(actor, "audit:read", context);
  const report = await verifyAuditChain(db());
  if (report.ok) return { ok: true, rows: report.rows };
  return {
    ok: false,
    rows: report.rows,
    firstBrokenId: report.firstBrokenId.toString(),
    // verify-chain reports a row whose prevHash is wrong (one before it removed or reordered)
    // or whose own hash is (the row itself changed); the page explains the two differently.
    kind: report.reason.startsWith("prevHash") ? "link" : "content",
    reason: report.reason,
  };
}

export type UnitOption = { id: number; nameZh: string; nameEn: string | null; depth: number };

/** Units for the filter's list, in tree order (city, then each district followed by its townships). */
export async function listUnitOptions(): Promise<UnitOption[]> {
  const units = await db().unit.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, nameZh: true, nameEn: true, parentId: true },
  });
  const children = new Map<number | null, typeof units>();
  for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const out: UnitOption[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const unit of children.get(parentId) ?? []) {
      out.push({ id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
