import "server-only";
import { z } from "zod";
import { DepartmentKind } from "@/generated/prisma/enums";
import { defineAction } from "@/server/actions/define-action";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { applyRename, changeReason, codeTaken, creationChanges, departmentFields, historyOf, idOf, createWithNewCode, optionalText, recordChange, recordId, requiredText } from "./shared";
import { statusChangeSpec } from "./status";
import { parseRecordId } from "@/shared/record-id";

const nameZh = requiredText(100, "adminOrg.nameZhRequired", "adminOrg.nameTooLong");
const nameEn = requiredText(200, "adminOrg.nameEnRequired", "adminOrg.nameTooLong");

/**
 * "财政, 财政局，市财政局" → ["财政", "财政局", "市财政局"]: the other names the opinion and reports
 * use for the department. Chinese and Western commas and 、 all separate.
 */
export function parseAliases(raw: string): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(/[,，、;；\n]+/)) {
    const alias = part.trim();
    if (alias) seen.add(alias);
  }
  return [...seen];
}

const aliasesZh = z
  .string()
  .optional()
  .transform((raw) => parseAliases(raw ?? ""))
  .pipe(z.array(z.string().max(50, "adminOrg.aliasTooLong")).max(30, "adminOrg.tooManyAliases"));

const createInput = z.object({
  // URL- and report-stable identifier, e.g. "HUMAN_RESOURCES_SOCIAL_SECURITY"
  code: z
    .string({ error: "adminOrg.codeRequired" })
    .trim()
    .toUpperCase()
    .min(1, "adminOrg.codeRequired")
    .max(40, "adminOrg.departmentCodeFormat")
    .regex(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, "adminOrg.departmentCodeFormat"),
  nameZh,
  nameEn,
  kind: z.enum(DepartmentKind, { error: "adminOrg.departmentKindRequired" }),
  aliasesZh,
  reason: optionalText(500, "adminOrg.reasonTooLong"),
});

const departmentTarget = async (id: number | null) => {
  if (id === null) return null;
  const department = await db().department.findUnique({ where: { id }, select: { id: true } });
  return department ? { type: "Department", id: department.id, departmentId: department.id } : null;
};

// A new department is not yet a record to load: the permission is held for "any" department.
export const createDepartmentSpec = defineAction({
  name: "department.create",
  permission: "department:manage",
  input: createInput,
  run: (input, ctx) =>
    createWithNewCode(() =>
      db().$transaction(async (tx) => {
        if (await tx.department.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken();
        const fields = { code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, kind: input.kind, aliasesZh: input.aliasesZh };
        const department = await tx.department.create({ data: fields, select: { id: true, code: true } });
        const changes = creationChanges({ ...fields, active: true });
        await recordChange(tx, ctx, { entityType: "Department", entityId: department.id, changes, reason: input.reason });
        return department;
      }),
    ),
});

export const renameDepartmentSpec = defineAction({
  name: "department.rename",
  permission: "department:manage",
  input: z.object({ id: recordId, nameZh, nameEn, aliasesZh, reason: changeReason }),
  target: (input) => departmentTarget(idOf(input)),
  run: async (input, ctx) =>
    db().$transaction(async (tx) => {
      const department = await tx.department.findUniqueOrThrow({ where: { id: input.id }, select: { nameZh: true, nameEn: true, aliasesZh: true } });
      const after = { nameZh: input.nameZh, nameEn: input.nameEn, aliasesZh: input.aliasesZh };
      const entry = { entityType: "Department", entityId: input.id, reason: input.reason } as const;
      return applyRename(tx, ctx, entry, department, after, () => tx.department.update({ where: { id: input.id }, data: after }));
    }),
});

export const deactivateDepartmentSpec = statusChangeSpec({
  name: "department.deactivate",
  permission: "department:manage",
  entityType: "Department",
  active: false,
  target: departmentTarget,
});

export const reactivateDepartmentSpec = statusChangeSpec({
  name: "department.reactivate",
  permission: "department:manage",
  entityType: "Department",
  active: true,
  target: departmentTarget,
});

// ───────────── reads for the admin pages ─────────────

const dutiesAndActiveUsers = { _count: { select: { duties: true, users: { where: { active: true } } } } } as const;

export async function listDepartmentsForAdmin(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "department:manage", context);
  return db().department.findMany({
    orderBy: { id: "asc" },
    select: { ...departmentFields, ...dutiesAndActiveUsers },
  });
}

/** One department and its revision history (newest first); null when there is no such department. */
export async function getDepartmentHistory(actor: Actor | null, context: RequestContext, id: number) {
  await authorize(actor, "department:manage", context, { type: "Department", id, departmentId: id });
  if (parseRecordId(id) === null) return null;
  const department = await db().department.findUnique({
    where: { id },
    select: { ...departmentFields, createdAt: true, updatedAt: true, ...dutiesAndActiveUsers },
  });
  if (!department) return null;
  const { _count, ...rest } = department;
  return { ...rest, duties: _count.duties, activeUsers: _count.users, history: await historyOf("Department", id) };
}

export type DepartmentHistory = NonNullable<Awaited<ReturnType<typeof getDepartmentHistory>>>;
