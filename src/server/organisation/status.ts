import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { defineAction, type ScopedRecord } from "@/server/actions/define-action";
import type { Permission } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { changeReason, idOf, recordChange, recordId, type EntityType } from "./shared";

const statusInput = z.object({ id: recordId, reason: changeReason });

const TABLE = { Unit: Prisma.raw('"Unit"'), Department: Prisma.raw('"Department"') } as const;

/**
 * Deactivating or reactivating a unit or department, one spec for both: a record with active
 * accounts cannot be deactivated, and `refuse` adds what else stops the change (the city always
 * stays active; a township waits for its county). A deactivated record keeps its row, reports,
 * duties and history; it only stops being offered.
 */
export function statusChangeSpec(spec: {
  name: string;
  permission: Permission;
  entityType: EntityType;
  active: boolean;
  target: (id: number | null) => Promise<ScopedRecord | null>;
  refuse?: (tx: Prisma.TransactionClient, id: number) => Promise<void>;
}) {
  const { entityType, active } = spec;
  return defineAction({
    name: spec.name,
    permission: spec.permission,
    input: statusInput,
    target: (input) => spec.target(idOf(input)),
    run: async (input, ctx) =>
      db().$transaction(async (tx) => {
        const { id } = input;
        // the row lock makes "no active users" hold until the change commits
        await tx.$executeRaw`SELECT 1 FROM ${TABLE[entityType]} WHERE id = ${id} FOR UPDATE`;
        const select = { active: true } as const;
        const current = entityType === "Unit" ? await tx.unit.findUniqueOrThrow({ where: { id }, select }) : await tx.department.findUniqueOrThrow({ where: { id }, select });
        if (current.active === active) throw new AppError("CONFLICT", active ? "adminOrg.alreadyActive" : "adminOrg.alreadyInactive");
        await spec.refuse?.(tx, id);
        if (!active) {
          const activeUsers = await tx.user.count({ where: { ...(entityType === "Unit" ? { unitId: id } : { departmentId: id }), active: true } });
          if (activeUsers > 0) throw new AppError("CONFLICT", entityType === "Unit" ? "adminOrg.unitHasActiveUsers" : "adminOrg.departmentHasActiveUsers");
        }
        const data = { active };
        if (entityType === "Unit") await tx.unit.update({ where: { id }, data });
        else await tx.department.update({ where: { id }, data });
        await recordChange(tx, ctx, { entityType, entityId: id, changes: { active: { before: !active, after: active } }, reason: input.reason });
        return { id, active };
      }),
  });
}
