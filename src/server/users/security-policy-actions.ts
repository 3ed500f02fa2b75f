import "server-only";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { defineAction } from "@/server/actions/define-action";
import { ADMINISTRATOR_ROLES, ROLES } from "@/shared/roles";
import { diffFields } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { POLICY_RANGES, type PolicyNumberField } from "./policy-ranges";

// The security administrator's policy: one row, every change audited field by field.

const inRange = (field: PolicyNumberField) => {
  const [min, max] = POLICY_RANGES[field];
  const message = `securityPolicy.range.${field}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

/** Roles in the table's order, so that a reordered list is not reported as a change. */
const inRoleOrder = (roles: readonly Role[]) => ROLES.filter((r) => roles.includes(r));

const policyInput = z
  .object({
    // checkboxes: absent when none is ticked, a string when one is, an array when several are
    totpRequiredRoles: z
      .preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(ROLES, { error: "securityPolicy.unknownRole" })))
      // Administrators always need a second factor (等保 level 3: two kinds of authentication
      // for administrators); the boxes for their roles are shown ticked and cannot be cleared.
      .transform((roles) => inRoleOrder([...new Set([...roles, ...ADMINISTRATOR_ROLES])])),
    idleTimeoutMinutes: inRange("idleTimeoutMinutes"),
    adminIdleTimeoutMinutes: inRange("adminIdleTimeoutMinutes"),
    absoluteLifetimeHours: inRange("absoluteLifetimeHours"),
    passwordMinLength: inRange("passwordMinLength"),
    adminPasswordMaxAgeDays: inRange("adminPasswordMaxAgeDays"),
    passwordHistoryCount: inRange("passwordHistoryCount"),
    lockoutThreshold: inRange("lockoutThreshold"),
    lockoutMinutes: inRange("lockoutMinutes"),
    ipAttemptsPerWindow: inRange("ipAttemptsPerWindow"),
    ipWindowMinutes: inRange("ipWindowMinutes"),
  })
  .superRefine((value, ctx) => {
    if (value.adminIdleTimeoutMinutes > value.idleTimeoutMinutes) {
      ctx.addIssue({ code: "custom", path: ["adminIdleTimeoutMinutes"], message: "securityPolicy.adminIdleLongerThanIdle" });
    }
  });

export const updateSecurityPolicySpec = defineAction({
  name: "security-policy.update",
  permission: "security-policy:update",
  input: policyInput,
  async run(input, ctx) {
    return db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "SecurityPolicy" WHERE "id" = 1 FOR UPDATE`;
      const current = await tx.securityPolicy.findUniqueOrThrow({ where: { id: 1 } });
      const before: Record<string, unknown> = Object.fromEntries(Object.keys(input).map((key) => [key, current[key as keyof typeof input]]));
      before.totpRequiredRoles = inRoleOrder(current.totpRequiredRoles);
      const changes = diffFields(before, input);
      if (Object.keys(changes).length === 0) throw new AppError("VALIDATION", "securityPolicy.nothingChanged");
      await tx.securityPolicy.update({ where: { id: 1 }, data: input });
      await ctx.audit(tx, { targetType: "SecurityPolicy", targetId: 1, changes });
      return { changed: Object.keys(changes) };
    });
  },
});
