import "server-only";
import { z } from "zod";
import type { UnitKind } from "@/generated/prisma/enums";
import { defineAction } from "@/server/actions/define-action";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { applyRename, changeReason, codeTaken, creationChanges, fieldError, historyOf, idOf, createWithNewCode, optionalText, recordChange, recordId, requiredText, unitFields } from "./shared";
import { statusChangeSpec } from "./status";
import { townshipTypeOf } from "./township-type";
import { parseRecordId, recordIdField } from "@/shared/record-id";

// Counties and townships come from the statistical codes (seeded); the bureau itself adds only
// development-zone committees, which have no statistical code, and townships created after the
// 2023 statistical list, under the code the statistics bureau gave them.

export const COUNTY_LEVEL_KINDS = ["DISTRICT", "COUNTY", "COUNTY_LEVEL_CITY", "AUTONOMOUS_COUNTY"] as const satisfies readonly UnitKind[];

const nameZh = requiredText(100, "adminOrg.nameZhRequired", "adminOrg.nameTooLong");

const reasonOnCreate = optionalText(500, "adminOrg.reasonTooLong");

const developmentZoneInput = z.object({
  kind: z.literal("DEVELOPMENT_ZONE"),
  // the bureau's own code, like the seeded "DZ-HITECH"
  code: z
    .string({ error: "adminOrg.codeRequired" })
    .trim()
    .toUpperCase()
    .min(1, "adminOrg.codeRequired")
    .max(32, "adminOrg.zoneCodeFormat")
    .regex(/^DZ-[A-Z0-9]+(?:-[A-Z0-9]+)*$/, "adminOrg.zoneCodeFormat"),
  nameZh,
  nameEn: requiredText(200, "adminOrg.nameEnRequired", "adminOrg.nameTooLong"),
  reason: reasonOnCreate,
});

const townshipInput = z.object({
  kind: z.literal("TOWNSHIP"),
  parentId: recordIdField("adminOrg.parentRequired"),
  // a 9-digit statistical code: the county's 6 digits and 3 of the township's own
  code: z.string({ error: "adminOrg.codeRequired" }).trim().min(1, "adminOrg.codeRequired").regex(/^\d{9}$/, "adminOrg.townshipCodeFormat"),
  nameZh,
  nameEn: optionalText(200, "adminOrg.nameTooLong"),
  reason: reasonOnCreate,
});

const createInput = z.discriminatedUnion("kind", [developmentZoneInput, townshipInput], { error: "adminOrg.unitKindRequired" });

const unitTarget = async (id: number | null) => {
  if (id === null) return null;
  const unit = await db().unit.findUnique({ where: { id }, select: { id: true } });
  return unit ? { type: "Unit", id: unit.id, unitId: unit.id } : null;
};

/** The parent a new unit goes under: the city for a development zone, the chosen county for a township. */
async function parentFor(input: z.infer<typeof createInput>) {
  if (input.kind === "TOWNSHIP") {
    return db().unit.findUnique({ where: { id: input.parentId }, select: { id: true } });
  }
  return db().unit.findFirst({ where: { kind: "CITY", parentId: null }, orderBy: { id: "asc" }, select: { id: true } });
}

export const createUnitSpec = defineAction({
  name: "unit.create",
  permission: "unit:manage",
  input: createInput,
  target: async (input) => {
    const parent = await parentFor(input);
    return parent ? { type: "Unit", id: parent.id, unitId: parent.id } : null;
  },
  run: (input, ctx) =>
    createWithNewCode(() =>
      db().$transaction(async (tx) => {
        const parent = await tx.unit.findFirst({
          where: input.kind === "TOWNSHIP" ? { id: input.parentId } : { kind: "CITY", parentId: null },
          orderBy: { id: "asc" },
          select: { id: true, code: true, statCode: true, kind: true, active: true },
        });
        if (!parent) throw new AppError("NOT_FOUND");
        if (input.kind === "TOWNSHIP") {
          if (!(COUNTY_LEVEL_KINDS as readonly string[]).includes(parent.kind)) throw fieldError("parentId", "adminOrg.parentNotCountyLevel");
          if (!parent.active) throw fieldError("parentId", "adminOrg.parentInactive");
          if (!parent.statCode || !input.code.startsWith(parent.statCode)) throw fieldError("code", "adminOrg.townshipCodePrefix");
        }
        const taken = await tx.unit.findFirst({ where: { OR: [{ code: input.code }, { statCode: input.code }] }, select: { id: true } });
        if (taken) throw codeTaken();

        const last = await tx.unit.findFirst({
          where: input.kind === "TOWNSHIP" ? { parentId: parent.id } : { kind: "DEVELOPMENT_ZONE" },
          orderBy: { sortOrder: "desc" },
          select: { sortOrder: true },
        });
        const fields = {
          code: input.code,
          statCode: input.kind === "TOWNSHIP" ? input.code : null,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          kind: input.kind,
          townshipType: input.kind === "TOWNSHIP" ? townshipTypeOf(input.nameZh) : null,
          // development-zone committees file reports like county governments; townships are
          // reported on by their county
          isReporting: input.kind === "DEVELOPMENT_ZONE",
        };
        const unit = await tx.unit.create({
          data: { ...fields, parentId: parent.id, sortOrder: (last?.sortOrder ?? (input.kind === "TOWNSHIP" ? -1 : 99)) + 1 },
          select: { id: true, code: true },
        });
        const changes = creationChanges({ ...fields, parent: parent.code, active: true });
        await recordChange(tx, ctx, { entityType: "Unit", entityId: unit.id, changes, reason: input.reason });
        return unit;
      }),
    ),
});

export const renameUnitSpec = defineAction({
  name: "unit.rename",
  permission: "unit:manage",
  input: z.object({ id: recordId, nameZh, nameEn: optionalText(200, "adminOrg.nameTooLong"), reason: changeReason }),
  target: (input) => unitTarget(idOf(input)),
  run: async (input, ctx) =>
    db().$transaction(async (tx) => {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: input.id }, select: { nameZh: true, nameEn: true, kind: true, townshipType: true } });
      const after = {
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        // 撤镇设街 and the like: a township's type follows its name
        ...(unit.kind === "TOWNSHIP" ? { townshipType: townshipTypeOf(input.nameZh) } : {}),
      };
      const entry = { entityType: "Unit", entityId: input.id, reason: input.reason } as const;
      return applyRename(tx, ctx, entry, unit, after, () => tx.unit.update({ where: { id: input.id }, data: after }));
    }),
});

export const deactivateUnitSpec = statusChangeSpec({
  name: "unit.deactivate",
  permission: "unit:manage",
  entityType: "Unit",
  active: false,
  target: unitTarget,
  refuse: async (tx, id) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id }, select: { kind: true } });
    if (unit.kind === "CITY") throw new AppError("CONFLICT", "adminOrg.cityStaysActive");
  },
});

export const reactivateUnitSpec = statusChangeSpec({
  name: "unit.reactivate",
  permission: "unit:manage",
  entityType: "Unit",
  active: true,
  target: unitTarget,
  refuse: async (tx, id) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id }, select: { parent: { select: { active: true } } } });
    if (unit.parent && !unit.parent.active) throw new AppError("CONFLICT", "adminOrg.parentInactive");
  },
});

// ───────────── reads for the admin pages ─────────────

/** Every unit above township level, with what an administrator needs to decide about it. */
export async function listUnitsForAdmin(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "unit:manage", context);
  return db().unit.findMany({
    where: { kind: { not: "TOWNSHIP" } },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
    select: { ...unitFields, _count: { select: { children: true, users: { where: { active: true } } } } },
  });
}

/** The county-level units a new township can go under. */
export async function listCountyLevelUnits(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "unit:manage", context);
  return db().unit.findMany({
    where: { kind: { in: [...COUNTY_LEVEL_KINDS] }, active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
}

/** One unit, its townships and its revision history (newest first); null when there is no such unit. */
export async function getUnitHistory(actor: Actor | null, context: RequestContext, id: number) {
  await authorize(actor, "unit:manage", context, { type: "Unit", id, unitId: id });
  if (parseRecordId(id) === null) return null;
  const unit = await db().unit.findUnique({
    where: { id },
    select: {
      ...unitFields,
      createdAt: true,
      updatedAt: true,
      parent: { select: { id: true, code: true, nameZh: true, nameEn: true, kind: true, active: true } },
      children: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameZh: true, townshipType: true, active: true } },
      _count: { select: { users: { where: { active: true } } } },
    },
  });
  if (!unit) return null;
  const { _count, ...rest } = unit;
  return { ...rest, activeUsers: _count.users, history: await historyOf("Unit", id) };
}

export type UnitHistory = NonNullable<Awaited<ReturnType<typeof getUnitHistory>>>;
