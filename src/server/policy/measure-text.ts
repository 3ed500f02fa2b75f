import "server-only";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { diffFields } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { fieldError, idOf, optionalText, recordId } from "@/server/organisation/shared";
import { parseRecordId } from "@/shared/record-id";
import { measureNameFields, staffRevisions } from "./selects";

// Staff enter the text of measures 1–14 (our copy lacks it) and correct imported text. Every
// entry is a MeasureRevision holding the new title, text and status, shown publicly with its
// reason. Imported text is never lost: the document's sourceText is never written, the
// measure keeps its sourceStart/sourceEnd (so the seed still finds duty and target quotes
// inside the measure's span, and their offsets keep slicing the stored text), and before the
// first revision the imported title and text are copied into a revision of status FROM_SOURCE.

/** The reason on the revision that keeps the imported text; public pages leave it out. */
export const ORIGINAL_TEXT_REASON = "原始导入文本 / original imported text";

export const MEASURE_TITLE_MAX = 100;
export const MEASURE_TEXT_MAX = 5000;

const reviseInput = z.object({
  id: recordId,
  titleZh: z
    .string({ error: "adminPolicy.titleRequired" })
    .trim()
    .min(1, "adminPolicy.titleRequired")
    .max(MEASURE_TITLE_MAX, "adminPolicy.titleTooLong"),
  // Paragraph breaks are kept; only the browser's CRLF becomes LF so that text compares equal.
  text: z
    .string({ error: "adminPolicy.textRequired" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "adminPolicy.textRequired").max(MEASURE_TEXT_MAX, "adminPolicy.textTooLong")),
  reason: z.string({ error: "adminPolicy.reasonRequired" }).trim().min(5, "adminPolicy.reasonTooShort").max(500, "adminPolicy.reasonTooLong"),
  sourceDescription: optionalText(300, "adminPolicy.sourceTooLong"),
  // the measure's updatedAt when the form was shown: a revision made meanwhile is not overwritten
  basedOn: z.string().optional(),
});

export const reviseMeasureSpec = defineAction({
  name: "measure.revise",
  permission: "policy:revise",
  input: reviseInput,
  target: async (input) => {
    const id = idOf(input);
    if (id === null) return null;
    const measure = await db().measure.findUnique({ where: { id }, select: { id: true } });
    return measure ? { type: "Measure", id: measure.id } : null;
  },
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Measure" WHERE id = ${input.id} FOR UPDATE`;
      const measure = await tx.measure.findUniqueOrThrow({
        where: { id: input.id },
        select: { titleZh: true, text: true, textStatus: true, updatedAt: true, document: { select: { importedAt: true } } },
      });
      if (input.basedOn && input.basedOn !== measure.updatedAt.toISOString()) throw new AppError("CONFLICT", "adminPolicy.changedMeanwhile");
      // Where the text of a missing measure came from is part of the public record.
      if (measure.textStatus === "NOT_ENTERED" && !input.sourceDescription) throw fieldError("sourceDescription", "adminPolicy.sourceRequired");
      const changes = diffFields(
        { titleZh: measure.titleZh, text: measure.text, textStatus: measure.textStatus },
        { titleZh: input.titleZh, text: input.text, textStatus: "ENTERED_BY_STAFF" as const },
      );
      if (!changes.titleZh && !changes.text) throw fieldError("text", "adminPolicy.nothingChanged");

      if (measure.textStatus === "FROM_SOURCE") {
        const kept = await tx.measureRevision.count({ where: { measureId: input.id, textStatus: "FROM_SOURCE" } });
        if (kept === 0) {
          await tx.measureRevision.create({
            data: {
              measureId: input.id,
              titleZh: measure.titleZh,
              text: measure.text,
              textStatus: "FROM_SOURCE",
              reason: ORIGINAL_TEXT_REASON,
              // the text dates from the import, and no person wrote it
              revisedAt: measure.document.importedAt,
              revisedById: null,
            },
          });
        }
      }
      const reason = input.sourceDescription ? `${input.reason}（${input.sourceDescription}）` : input.reason;
      await tx.measure.update({ where: { id: input.id }, data: { titleZh: input.titleZh, text: input.text, textStatus: "ENTERED_BY_STAFF" } });
      const revision = await tx.measureRevision.create({
        data: { measureId: input.id, titleZh: input.titleZh, text: input.text, textStatus: "ENTERED_BY_STAFF", reason, revisedById: actor.userId },
        select: { id: true },
      });
      await audit(tx, {
        targetType: "Measure",
        targetId: input.id,
        changes: { ...changes, reason: input.reason, sourceDescription: input.sourceDescription, revisionId: revision.id },
      });
      return { id: input.id, revisionId: revision.id };
    }),
});

// ───────────── reads for the admin pages ─────────────

export async function listMeasuresForAdmin(actor: Actor | null, context: RequestContext) {
  await authorize(actor, "policy:revise", context);
  const measures = await db().measure.findMany({
    orderBy: [{ documentId: "asc" }, { sortOrder: "asc" }],
    select: {
      id: true,
      ...measureNameFields,
      textStatus: true,
      updatedAt: true,
      revisions: { where: staffRevisions, orderBy: { revisedAt: "desc" }, take: 1, select: { revisedAt: true } },
      _count: { select: { revisions: { where: staffRevisions } } },
    },
  });
  return measures.map(({ revisions, _count, ...m }) => ({ ...m, revisionCount: _count.revisions, lastRevisedAt: revisions[0]?.revisedAt ?? null }));
}

/** One measure with its current text and every revision, the imported original included. */
export async function getMeasureForAdmin(actor: Actor | null, context: RequestContext, id: number) {
  await authorize(actor, "policy:revise", context, { type: "Measure", id });
  if (parseRecordId(id) === null) return null;
  const measure = await db().measure.findUnique({
    where: { id },
    select: {
      id: true,
      ...measureNameFields,
      text: true,
      textStatus: true,
      updatedAt: true,
      revisions: {
        orderBy: [{ revisedAt: "desc" }, { id: "desc" }],
        select: { id: true, titleZh: true, text: true, textStatus: true, reason: true, revisedAt: true, revisedBy: { select: { username: true, displayName: true } } },
      },
    },
  });
  return measure;
}

export type MeasureForAdmin = NonNullable<Awaited<ReturnType<typeof getMeasureForAdmin>>>;
