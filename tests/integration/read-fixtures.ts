// Fixtures for the read matrix (read-matrix.test.ts): one entry per read, named as it is
// exported from src/server. Each says which permission the read checks (the expected answer
// for every role derives from that permission's scopes) and builds, for one actor and one
// variant, the arguments that follow (actor, context), making FRESH records where the read
// needs one:
//   own     a record in the actor's scope (any record, for an "any"-scoped permission);
//   other   a record of another unit or department;
//   missing an id no record has.
// `mine` are strings a call that answers with data must contain (the record asked for, the
// actor's own rows); `foreign` are strings of records outside the actor's scope that a role
// whose scope is not "any" must never get back.
import { randomUUID } from "node:crypto";
import type { ReportStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import type { Permission } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { parseUserFilters } from "@/server/users/queries";
import { ownerFor } from "./matrix-fixtures-reporting";
import { departmentId, freshCycle, freshReport, measureId, unitId } from "./reporting-factory";

export type ReadVariant = "own" | "other" | "missing";

export type ReadCall = { args: unknown[]; mine?: string[]; foreign?: string[] };

export type ReadFixture = {
  /** for a read checked under several permissions (listScopeOptions' purpose) */
  label?: string;
  permission: Permission;
  variants: ReadVariant[];
  call: (actor: Actor, variant: ReadVariant) => Promise<ReadCall>;
  /**
   * How a role without the permission is answered, when it is not the 403 of the page
   * pipeline: a read behind a component that renders nothing for such a role (no page, so
   * no forbidden view) answers null, which the pipeline would show as 404.
   */
  refusedAs?: 404;
};

/** Beyond every table's ids, within what parseRecordId accepts. */
export const MISSING_ID = 2_147_000_000;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}-${randomUUID().slice(0, 6)}`;

const own: ReadVariant[] = ["own"];
const ownOrMissing: ReadVariant[] = ["own", "missing"];
const every: ReadVariant[] = ["own", "other", "missing"];

/** A report of the actor's unit or department ("own") or of another ("other"), on measure 16, in its own cycle. */
async function report(actor: Actor, variant: "own" | "other", status: ReportStatus = "DRAFT") {
  const created = await freshReport({ owner: await ownerFor(actor, variant), measures: [await measureId(16)], status });
  return { id: created.id, cycleCode: created.cycle.code };
}

/** An evidence file row on a report (the listing reads rows only, never the stored bytes). */
async function evidence(reportId: number, uploadedById: number) {
  const originalName = `${unique("evidence")}.pdf`;
  await db().attachment.create({
    data: { reportId, originalName, storageKey: `read-matrix/${originalName}`, mimeType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), uploadedById },
  });
  return originalName;
}

async function escalation(reportId: number) {
  const message = unique("催办");
  await db().escalation.create({ data: { reportId, level: "REMINDER", message } });
  return message;
}

async function notification(userId: number) {
  const messageZh = unique("通知");
  await db().notification.create({ data: { userId, kind: "escalation", dedupeKey: unique("read-matrix"), messageZh, messageEn: messageZh } });
  return messageZh;
}

async function otherUser() {
  return db().user.create({ data: { username: unique("read.other"), displayName: "读取矩阵", role: "DISTRICT_ADMIN", passwordHash: "x", mustChangePassword: false }, select: { id: true } });
}

/** A per-report read: own and other reports, or a report id that does not exist. */
function perReport(permission: Permission, build: (actor: Actor, reportId: number, cycleCode: string) => Promise<string[]>, foreign?: (actor: Actor, otherReportId: number) => Promise<string>): ReadFixture {
  return {
    permission,
    variants: every,
    call: async (actor, variant) => {
      if (variant === "missing") return { args: [MISSING_ID] };
      const asked = await report(actor, variant);
      const mine = await build(actor, asked.id, asked.cycleCode);
      if (variant === "other" || !foreign) return { args: [asked.id], mine };
      return { args: [asked.id], mine, foreign: [await foreign(actor, (await report(actor, "other")).id)] };
    },
  };
}

/** A read of one record that any holder of the permission may see: an existing one, or a missing id. */
const oneRecord = (permission: Permission, record: () => Promise<{ id: number; marker: string }>): ReadFixture => ({
  permission,
  variants: ownOrMissing,
  call: async (_actor, variant) => {
    if (variant === "missing") return { args: [MISSING_ID] };
    const { id, marker } = await record();
    return { args: [id], mine: [marker] };
  },
});

/** A read of a whole list, without arguments. */
const wholeList = (permission: Permission): ReadFixture => ({ permission, variants: own, call: async () => ({ args: [] }) });

export const READ_FIXTURES: Record<string, ReadFixture | ReadFixture[]> = {
  // ── one's own account: the record is the actor, so there is no other one to ask for ──
  getEmailPage: { permission: "account:update-email", variants: own, call: async (actor) => ({ args: [], mine: [actor.username] }) },
  getPasswordPage: { permission: "account:change-password", variants: own, call: async (actor) => ({ args: [], mine: [actor.username] }) },
  getTwoFactorPage: { permission: "account:manage-totp", variants: own, call: async (actor) => ({ args: [], mine: [actor.username] }) },

  // ── users and the security policy ──
  listUsers: { permission: "user:read", variants: own, call: async () => ({ args: [parseUserFilters({})] }) },
  getUserForAdmin: oneRecord("user:read", async () => {
    const user = await db().user.create({ data: { username: unique("read.user"), displayName: "读取矩阵", role: "BUREAU_STAFF", passwordHash: "x", mustChangePassword: false }, select: { id: true, username: true } });
    return { id: user.id, marker: user.username };
  }),
  listScopeOptions: (["user:read", "user:create", "user:assign-role"] as const).map((purpose) => ({
    label: purpose,
    permission: purpose,
    variants: own,
    call: async () => ({ args: [purpose] }),
  })),
  getSecurityPolicyForAdmin: wholeList("security-policy:update"),

  // ── organisation and policy text ──
  listUnitsForAdmin: wholeList("unit:manage"),
  listCountyLevelUnits: wholeList("unit:manage"),
  getUnitHistory: oneRecord("unit:manage", async () => ({ id: await unitId("210302"), marker: "210302" })),
  listDepartmentsForAdmin: wholeList("department:manage"),
  getDepartmentHistory: oneRecord("department:manage", async () => ({ id: await departmentId("FINANCE"), marker: "FINANCE" })),
  listMeasuresForAdmin: wholeList("policy:revise"),
  getMeasureForAdmin: oneRecord("policy:revise", async () => {
    const measure = await db().measure.findFirstOrThrow({ where: { kind: "MEASURE", number: 16 }, select: { id: true, label: true } });
    return { id: measure.id, marker: measure.label };
  }),

  // ── audit (named search/check, not get/list: listed here all the same) ──
  searchAuditLog: { permission: "audit:read", variants: own, call: async () => ({ args: [{}] }) },
  checkAuditChain: wholeList("audit:read"),

  // ── reporting: the filer's side ──
  listMyReports: {
    permission: "report:read",
    variants: own,
    call: async (actor) => {
      const [mine, foreign] = await Promise.all([report(actor, "own"), report(actor, "other")]);
      // roles without a unit or department have no reports of their own: theirs is an empty list
      const filer = actor.unitId !== null || actor.departmentId !== null;
      return { args: [], mine: filer ? [mine.cycleCode] : [], foreign: [foreign.cycleCode] };
    },
  },
  getReportForEdit: perReport("report:read", async (_actor, _id, cycleCode) => [cycleCode]),
  listEvidence: perReport(
    "report:read",
    async (actor, id) => [await evidence(id, actor.userId)],
    async (actor, otherId) => evidence(otherId, actor.userId),
  ),
  listEscalations: perReport(
    "report:read",
    async (_actor, id) => [await escalation(id)],
    async (_actor, otherId) => escalation(otherId),
  ),

  // ── reporting: the bureau's side ──
  listReviewQueue: {
    permission: "report:review",
    variants: own,
    call: async (actor) => ({ args: [], mine: [(await report(actor, "own", "SUBMITTED")).cycleCode] }),
  },
  getReportForReview: perReport("report:review", async (_actor, _id, cycleCode) => [cycleCode]),
  getUrgeState: {
    ...perReport("report:urge", async () => []),
    // the urge form renders nothing for a role that may not urge: it asks with can(), not authorize()
    refusedAs: 404,
  },
  listCycles: { permission: "cycle:manage", variants: own, call: async () => ({ args: [], mine: [(await freshCycle()).code] }) },
  getCycle: oneRecord("cycle:manage", async () => {
    const cycle = await freshCycle();
    return { id: cycle.id, marker: cycle.code };
  }),
  getCycleScope: oneRecord("cycle:manage", async () => {
    const cycle = await freshCycle([await measureId(16)]);
    const measure = await db().measure.findFirstOrThrow({ where: { kind: "MEASURE", number: 16 }, select: { label: true } });
    return { id: cycle.id, marker: measure.label };
  }),
  getCycleScopeOptions: wholeList("cycle:manage"),

  // ── one's own notifications: another user's must never show ──
  listMyNotifications: {
    permission: "notification:read",
    variants: own,
    call: async (actor) => ({ args: [], mine: [await notification(actor.userId)], foreign: [await notification((await otherUser()).id)] }),
  },
};
