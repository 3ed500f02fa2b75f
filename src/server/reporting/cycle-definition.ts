import "server-only";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { diffFields } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { dayToDate, isoDay } from "./dates";
import { cycleIdField, cycleTarget, TX_OPTIONS } from "./shared";

// Cycles are data, not code (docs/decisions/002): the seeded school years cover the opinion's
// own period, and the bureau adds others (a half-year check, a special inspection round) here.
// A cycle is defined while PLANNED; once open, its dates belong to the reports (a unit's due
// date moves by extension, with a reason), so the definition no longer changes.

const isValidDay = (d: unknown) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d);

const day = z.iso.date({ error: "reportingErrors.dateInvalid" }).refine((d) => !isValidDay(d) || (d >= "2017-01-01" && d <= "2099-12-31"), "reportingErrors.dateOutOfRange");

const definition = z
  .object({
    nameZh: z.string({ error: "reportingErrors.cycleNameRequired" }).trim().min(2, "reportingErrors.cycleNameRequired").max(100, "reportingErrors.cycleNameTooLong"),
    // English is the second language: left blank, the English pages show the Chinese name
    nameEn: z.string().trim().max(100, "reportingErrors.cycleNameTooLong").optional().transform((v) => v || null),
    periodStart: day,
    periodEnd: day,
    opensOn: day,
    dueOn: day,
  })
  .superRefine((c, ctx) => {
    // zod still runs this when a field failed; an invalid date has its own message already
    if (![c.periodStart, c.periodEnd, c.opensOn, c.dueOn].every(isValidDay)) return;
    if (c.periodEnd < c.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "reportingErrors.periodEndBeforeStart" });
    if (c.opensOn < c.periodStart) ctx.addIssue({ code: "custom", path: ["opensOn"], message: "reportingErrors.opensBeforePeriod" });
    if (c.dueOn <= c.opensOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "reportingErrors.dueNotAfterOpen" });
  });

const codeField = z
  .string({ error: "reportingErrors.cycleCodeInvalid" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, "reportingErrors.cycleCodeInvalid");

type Definition = z.infer<typeof definition>;

function columns(d: Definition) {
  return {
    nameZh: d.nameZh,
    nameEn: d.nameEn ?? d.nameZh,
    periodStart: dayToDate(d.periodStart),
    periodEnd: dayToDate(d.periodEnd),
    opensOn: dayToDate(d.opensOn),
    dueOn: dayToDate(d.dueOn),
  };
}

type CycleRow = { nameZh: string; nameEn: string; periodStart: Date; periodEnd: Date; opensOn: Date; dueOn: Date };
const auditable = (c: CycleRow) => ({ nameZh: c.nameZh, nameEn: c.nameEn, periodStart: isoDay(c.periodStart), periodEnd: isoDay(c.periodEnd), opensOn: isoDay(c.opensOn), dueOn: isoDay(c.dueOn) });

export const createCycleSpec = defineAction({
  name: "cycle.create",
  permission: "cycle:manage",
  input: z.intersection(z.object({ code: codeField }), definition),
  run: async (input, { audit }) =>
    db().$transaction(async (tx) => {
      // Checked first for a message at the field; the unique index still decides a race.
      if (await tx.reportingCycle.findUnique({ where: { code: input.code }, select: { id: true } })) {
        throw new AppError("VALIDATION", "reportingErrors.fixErrors", { code: ["reportingErrors.cycleCodeTaken"] });
      }
      const data = columns(input);
      const cycle = await tx.reportingCycle.create({ data: { code: input.code, ...data }, select: { id: true } });
      await audit(tx, { targetType: "ReportingCycle", targetId: cycle.id, changes: { code: input.code, status: "PLANNED", ...auditable(data) } });
      return { id: cycle.id };
    }, TX_OPTIONS),
});

export const updateCycleSpec = defineAction({
  name: "cycle.update",
  permission: "cycle:manage",
  input: z.intersection(z.object({ cycleId: cycleIdField }), definition),
  target: cycleTarget,
  run: async (input, { audit }) =>
    db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "ReportingCycle" WHERE id = ${input.cycleId} FOR UPDATE`;
      const before = await tx.reportingCycle.findUniqueOrThrow({
        where: { id: input.cycleId },
        select: { status: true, nameZh: true, nameEn: true, periodStart: true, periodEnd: true, opensOn: true, dueOn: true },
      });
      if (before.status !== "PLANNED") throw new AppError("CONFLICT", "reportingErrors.cycleNotPlanned");
      const data = columns(input);
      const changes = diffFields(auditable(before), auditable(data));
      if (Object.keys(changes).length === 0) return { changed: false };
      await tx.reportingCycle.update({ where: { id: input.cycleId }, data });
      await audit(tx, { targetType: "ReportingCycle", targetId: input.cycleId, changes });
      return { changed: true };
    }, TX_OPTIONS),
});
