import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { defineAction, type ActionContext, type ScopedRecord } from "@/server/actions/define-action";
import { auditActor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password-hash";
import type { Permission } from "@/server/auth/permissions";
import { isAdministrator, requiredScope, ROLES } from "@/shared/roles";
import { getSecurityPolicy } from "@/server/auth/security-policy";
import { endSessions } from "@/server/auth/session-store";
import { diffFields, recordAuditAlone } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { accountSelect } from "./account-select";
import { emailAddress } from "./email";
import { ISSUED_PASSWORD_LENGTH, issuePassword } from "./issue-password";
import { recordIdField } from "@/shared/record-id";
import type { MessageKey } from "@/i18n/message-files";

// Account administration, split along 三权分立: the system administrator runs accounts
// (create, profile, passwords), the security administrator decides roles, both may lock out a
// threat (disable, unlock, end sessions). What the permission table cannot express (nobody
// changes their own role, nobody takes over another administrator's powers) is checked here
// and refused like an authorization failure: audited as DENIED, nothing written.


const id = recordIdField("adminUsers.invalidId");

/** An optional select: "" (nothing chosen) is absent. */
const optionalRef = (message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), recordIdField(message).optional());

const reasonRequired = z
  .string({ error: "adminUsers.reasonRequired" })
  .trim()
  .min(1, "adminUsers.reasonRequired")
  .max(500, "adminUsers.reasonTooLong");

const reasonOptional = z
  .string()
  .trim()
  .max(500, "adminUsers.reasonTooLong")
  .optional()
  .transform((v) => v || null);

const displayName = z
  .string({ error: "adminUsers.displayNameRequired" })
  .trim()
  .min(1, "adminUsers.displayNameRequired")
  .max(100, "adminUsers.displayNameTooLong");

const role = z.enum(ROLES, { error: "adminUsers.roleRequired" });

/** Optional on the wire: absent leaves the address as it is, blank removes it. */
const email = emailAddress({ invalid: "adminUsers.emailInvalid", tooLong: "adminUsers.emailTooLong" }).optional();

type ScopeFields = { role: Role; unitId?: number | undefined; departmentId?: number | undefined };

/** A district administrator needs a unit, a department officer a department (checked before any lookup). */
function requireScope(value: ScopeFields, ctx: z.RefinementCtx) {
  const needs = requiredScope(value.role);
  if (needs === "unit" && !value.unitId) ctx.addIssue({ code: "custom", path: ["unitId"], message: "adminUsers.unitRequired" });
  if (needs === "department" && !value.departmentId) ctx.addIssue({ code: "custom", path: ["departmentId"], message: "adminUsers.departmentRequired" });
}

const validation = (field: string, key: MessageKey) => new AppError("VALIDATION", "errors.VALIDATION", { [field]: [key] });

/**
 * The scope to store for a role: the unit must be an active reporting unit, the department an
 * active department. A unit or department sent with a role that has no such scope is dropped,
 * so the stored account never carries a scope its role does not use.
 */
async function resolveScope(tx: Prisma.TransactionClient, value: ScopeFields): Promise<{ unitId: number | null; departmentId: number | null }> {
  const needs = requiredScope(value.role);
  if (needs === "unit") {
    const unit = await tx.unit.findUnique({ where: { id: value.unitId! }, select: { id: true, isReporting: true, active: true } });
    if (!unit || !unit.isReporting || !unit.active) throw validation("unitId", "adminUsers.unitNotReporting");
    return { unitId: unit.id, departmentId: null };
  }
  if (needs === "department") {
    const department = await tx.department.findUnique({ where: { id: value.departmentId! }, select: { id: true, active: true } });
    if (!department || !department.active) throw validation("departmentId", "adminUsers.departmentUnknown");
    return { unitId: null, departmentId: department.id };
  }
  return { unitId: null, departmentId: null };
}

/** The record every user action works on; a missing id is "not found". */
async function userTarget(input: { id: number }): Promise<ScopedRecord | null> {
  const user = await db().user.findUnique({ where: { id: input.id }, select: { id: true, unitId: true, departmentId: true } });
  return user ? { type: "User", id: user.id, userId: user.id, unitId: user.unitId, departmentId: user.departmentId } : null;
}

const userSelect = {
  ...accountSelect,
  mustChangePassword: true,
  failedLoginCount: true,
  unitId: true,
  departmentId: true,
  unit: { select: { code: true } },
  department: { select: { code: true } },
} as const;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** What revisions and audit rows compare: readable codes rather than ids, never a secret. */
function snapshot(user: UserRow) {
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    unit: user.unit?.code ?? null,
    department: user.department?.code ?? null,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    failedLoginCount: user.failedLoginCount,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
  };
}

/** Reads the user for a change and holds its row until the transaction ends, so before → after is exact. */
async function lockUser(tx: Prisma.TransactionClient, userId: number): Promise<UserRow> {
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

/** The revision on the user's own history and the audit row, both in the change's transaction. */
async function recordUserChange(
  tx: Prisma.TransactionClient,
  ctx: ActionContext,
  user: { id: number; unitId: number | null },
  changes: Record<string, unknown>,
  reason: string | null,
) {
  await tx.entityRevision.create({
    data: { entityType: "User", entityId: user.id, changes: changes as Prisma.InputJsonValue, reason, actorId: ctx.actor.userId },
  });
  await ctx.audit(tx, { targetType: "User", targetId: user.id, unitId: user.unitId, changes: reason ? { ...changes, reason } : changes });
}

/**
 * The shape of every account change: lock the row, let `change` check that it applies (throwing
 * when it does not) and say what to write, write it, end the account's sessions when the change
 * calls for it, and record before → after (plus `note`), all in one transaction: there is no
 * moment when the account has changed but is still signed in under what it was.
 */
async function writeUserChange(
  ctx: ActionContext,
  id: number,
  reason: string | null | undefined,
  change: (before: UserRow, tx: Prisma.TransactionClient) => Prisma.UserUncheckedUpdateInput | Promise<Prisma.UserUncheckedUpdateInput>,
  options: { endSessionsBecause?: string; note?: Record<string, unknown> } = {},
) {
  return db().$transaction(async (tx) => {
    const before = await lockUser(tx, id);
    const after = await tx.user.update({ where: { id }, data: await change(before, tx), select: userSelect });
    const sessionsEnded = options.endSessionsBecause ? await endSessions({ userId: id }, options.endSessionsBecause, auditActor(ctx.actor), ctx.context, tx) : 0;
    await recordUserChange(tx, ctx, after, { ...diffFields(snapshot(before), snapshot(after)), ...options.note }, reason ?? null);
    return { after, sessionsEnded };
  });
}

/** A change after which the account must sign in again: its open sessions end with it. */
async function changeUserAndSignOut(ctx: ActionContext, id: number, reason: string | null | undefined, because: string, change: Parameters<typeof writeUserChange>[3]) {
  const { after, sessionsEnded } = await writeUserChange(ctx, id, reason, change, { endSessionsBecause: because });
  return { id: after.id, sessionsEnded };
}

/** A change that leaves the account's sessions alone. */
async function changeUser(ctx: ActionContext, id: number, reason: string | null | undefined, change: (before: UserRow) => Prisma.UserUncheckedUpdateInput) {
  const { after } = await writeUserChange(ctx, id, reason, change);
  return { id: after.id };
}

/** A separation-of-duties refusal: audited like any authorization denial, then FORBIDDEN with the rule's message. */
async function refuse(ctx: ActionContext, permission: Permission, target: { id?: number; unitId?: number | null }, rule: MessageKey, field?: string): Promise<never> {
  await recordAuditAlone({
    action: `authz.denied:${permission}`,
    outcome: "DENIED",
    actor: auditActor(ctx.actor),
    targetType: "User",
    targetId: target.id,
    unitId: target.unitId ?? null,
    changes: { decision: "FORBIDDEN", rule },
    ip: ctx.context.ip,
    requestId: ctx.context.requestId,
  });
  throw new AppError("FORBIDDEN", rule, field ? { [field]: [rule] } : undefined);
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";

/** Issued passwords follow the policy's minimum length too, should it ever exceed the default. */
async function newIssuedPassword() {
  const policy = await getSecurityPolicy();
  const password = issuePassword(Math.max(ISSUED_PASSWORD_LENGTH, policy.passwordMinLength));
  return { password, passwordHash: await hashPassword(password) };
}

// ───────────────────────────── create ─────────────────────────────

export const createUserSpec = defineAction({
  name: "user.create",
  permission: "user:create",
  input: z
    .object({
      username: z
        .string({ error: "adminUsers.usernameFormat" })
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._-]{3,32}$/, "adminUsers.usernameFormat"),
      displayName,
      email,
      role,
      unitId: optionalRef("adminUsers.unitRequired"),
      departmentId: optionalRef("adminUsers.departmentRequired"),
    })
    .superRefine(requireScope),
  async run(input, ctx) {
    // Administrator roles are given only by the security administrator (user.assign-role),
    // so the system administrator can never mint an administrator account of any kind.
    if (isAdministrator(input.role)) await refuse(ctx, "user:create", {}, "adminUsers.adminRoleOnlyByAssignment", "role");
    const { password, passwordHash } = await newIssuedPassword();
    const usernameTaken = () => validation("username", "adminUsers.usernameTaken");
    const created = await db()
      .$transaction(async (tx) => {
        const scope = await resolveScope(tx, input);
        if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw usernameTaken();
        const user = await tx.user.create({
          data: {
            username: input.username,
            displayName: input.displayName,
            email: input.email ?? null,
            role: input.role,
            ...scope,
            passwordHash,
            mustChangePassword: true,
            passwordChangedAt: new Date(),
          },
          select: userSelect,
        });
        // a new account: every field it has, from nothing (empty scopes and the like left out)
        const created = Object.fromEntries(Object.entries(snapshot(user)).filter(([, value]) => value !== null));
        await recordUserChange(tx, ctx, user, diffFields({}, created), null);
        return user;
      })
      .catch((error: unknown) => {
        // two administrators creating the same name at once: the unique index decides
        if (isUniqueViolation(error)) throw usernameTaken();
        throw error;
      });
    return { id: created.id, username: created.username, issuedPassword: password };
  },
});

// ───────────────────────────── profile ─────────────────────────────

export const updateUserProfileSpec = defineAction({
  name: "user.update-profile",
  permission: "user:update-profile",
  input: z.object({ id, displayName, email, reason: reasonOptional }),
  target: userTarget,
  run: (input, ctx) =>
    changeUser(ctx, input.id, input.reason, (before) => {
      const emailSent = input.email !== undefined;
      if (before.displayName === input.displayName && (!emailSent || before.email === input.email)) {
        // every field the form sent already holds that value
        const unchanged = ["displayName", ...(emailSent ? ["email"] : [])];
        throw new AppError("VALIDATION", "errors.VALIDATION", Object.fromEntries(unchanged.map((field) => [field, ["adminUsers.nothingChanged"]])));
      }
      return { displayName: input.displayName, ...(emailSent ? { email: input.email } : {}) };
    }),
});

// ───────────────────────────── disable / enable ─────────────────────────────

export const disableUserSpec = defineAction({
  name: "user.disable",
  permission: "user:disable",
  input: z.object({ id, reason: reasonRequired }),
  target: userTarget,
  async run(input, ctx) {
    if (input.id === ctx.actor.userId) await refuse(ctx, "user:disable", { id: input.id, unitId: ctx.actor.unitId }, "adminUsers.cannotDisableSelf");
    return changeUserAndSignOut(ctx, input.id, input.reason, "account-disabled", (before) => {
      if (!before.active) throw new AppError("CONFLICT", "adminUsers.alreadyDisabled");
      return { active: false };
    });
  },
});

export const enableUserSpec = defineAction({
  name: "user.enable",
  permission: "user:disable",
  input: z.object({ id, reason: reasonOptional }),
  target: userTarget,
  run: (input, ctx) =>
    changeUser(ctx, input.id, input.reason, (before) => {
      if (before.active) throw new AppError("CONFLICT", "adminUsers.alreadyActive");
      return { active: true };
    }),
});

// ───────────────────────────── unlock ─────────────────────────────

export const unlockUserSpec = defineAction({
  name: "user.unlock",
  permission: "user:unlock",
  input: z.object({ id, reason: reasonOptional }),
  target: userTarget,
  run: (input, ctx) =>
    changeUser(ctx, input.id, input.reason, (before) => {
      if (before.lockedUntil === null && before.failedLoginCount === 0) throw new AppError("CONFLICT", "adminUsers.notLocked");
      return { lockedUntil: null, failedLoginCount: 0 };
    }),
});

// ───────────────────────────── reset password ─────────────────────────────

export const resetUserPasswordSpec = defineAction({
  name: "user.reset-password",
  permission: "user:reset-password",
  input: z.object({ id, reason: reasonOptional }),
  target: userTarget,
  async run(input, ctx) {
    // One's own password is changed on the account page, which asks for the current one.
    if (input.id === ctx.actor.userId) await refuse(ctx, "user:reset-password", { id: input.id, unitId: ctx.actor.unitId }, "adminUsers.cannotResetOwnPassword");
    const target = await db().user.findUnique({ where: { id: input.id }, select: { role: true, unitId: true, totpEnabledAt: true } });
    if (!target) throw new AppError("NOT_FOUND");
    // Knowing the new password of a security or audit administrator who has no second factor
    // would let the system administrator sign in with that role: refused. With two-factor
    // enrolled, the password alone opens nothing, so a forgotten password can still be reset.
    if (isAdministrator(target.role) && target.role !== ctx.actor.role && !target.totpEnabledAt) {
      await refuse(ctx, "user:reset-password", { id: input.id, unitId: target.unitId }, "adminUsers.resetNeedsSecondFactor");
    }
    const { password, passwordHash } = await newIssuedPassword();
    const { after, sessionsEnded } = await writeUserChange(
      ctx,
      input.id,
      input.reason,
      async (_, tx) => {
        // The replaced password joins the history, so the user cannot choose it again afterwards.
        const old = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { passwordHash: true } });
        await tx.passwordHistory.create({ data: { userId: input.id, passwordHash: old.passwordHash } });
        return { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() };
      },
      // the revision says that the password was replaced, never what it is
      { endSessionsBecause: "password-reset", note: { passwordReset: true } },
    );
    return { id: after.id, username: after.username, issuedPassword: password, sessionsEnded };
  },
});

// ───────────────────────────── assign role ─────────────────────────────

export const assignUserRoleSpec = defineAction({
  name: "user.assign-role",
  permission: "user:assign-role",
  input: z
    .object({
      id,
      role,
      unitId: optionalRef("adminUsers.unitRequired"),
      departmentId: optionalRef("adminUsers.departmentRequired"),
      reason: reasonRequired,
    })
    .superRefine(requireScope),
  target: userTarget,
  async run(input, ctx) {
    if (input.id === ctx.actor.userId) await refuse(ctx, "user:assign-role", { id: input.id, unitId: ctx.actor.unitId }, "adminUsers.cannotChangeOwnRole", "role");
    // An account still on the password an administrator issued is not yet its holder's:
    // whoever issued it (the system administrator) could sign in first with the new role.
    const current = await db().user.findUnique({ where: { id: input.id }, select: { mustChangePassword: true, unitId: true } });
    if (!current) throw new AppError("NOT_FOUND");
    if (isAdministrator(input.role) && current.mustChangePassword) {
      await refuse(ctx, "user:assign-role", { id: input.id, unitId: current.unitId }, "adminUsers.adminRoleNeedsOwnPassword", "role");
    }
    // the new role applies from the next sign-in, never to a session opened under the old one
    return changeUserAndSignOut(ctx, input.id, input.reason, "role-changed", async (before, tx) => {
      // a password reset between the check above and this lock
      if (isAdministrator(input.role) && before.mustChangePassword) throw new AppError("CONFLICT");
      const scope = await resolveScope(tx, input);
      if (before.role === input.role && before.unitId === scope.unitId && before.departmentId === scope.departmentId) {
        throw validation("role", "adminUsers.roleUnchanged");
      }
      return { role: input.role, ...scope };
    });
  },
});

// ───────────────────────────── end sessions ─────────────────────────────

export const endUserSessionsSpec = defineAction({
  name: "user.end-sessions",
  permission: "user:end-sessions",
  input: z.object({ id, reason: reasonOptional }),
  target: userTarget,
  async run(input, ctx) {
    // Succeeds with none left open too: sessions time out on their own between the page
    // showing them and the click, and "make sure nobody is signed in" is then already true.
    return db().$transaction(async (tx) => {
      const user = await lockUser(tx, input.id);
      const sessionsEnded = await endSessions({ userId: input.id }, "ended-by-administrator", auditActor(ctx.actor), ctx.context, tx);
      await ctx.audit(tx, { targetType: "User", targetId: user.id, unitId: user.unitId, changes: { sessionsEnded, ...(input.reason ? { reason: input.reason } : {}) } });
      return { id: user.id, sessionsEnded };
    });
  },
});
