import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { ReportStatus } from "@/generated/prisma/enums";
import { defineAction, type ScopedRecord } from "@/server/actions/define-action";
import { auditActor } from "@/server/auth/actor";
import { recordAuditAlone } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { requestLogger } from "@/server/logger";
import { inspectEvidence, MAX_EVIDENCE_BYTES, type RejectReason } from "./inspect";
import { evidenceStorage, newStorageKey } from "./storage";
import { recordIdField } from "@/shared/record-id";

const id = recordIdField("evidence.invalidId");
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());

/** Evidence changes with the report's content: only while the unit may still edit it. */
export const EVIDENCE_EDITABLE: readonly ReportStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

const locked = () => new AppError("CONFLICT", "evidence.reportLocked");

async function reportTarget(reportId: number): Promise<ScopedRecord | null> {
  const report = await db().report.findUnique({ where: { id: reportId }, select: { id: true, unitId: true, departmentId: true } });
  return report && { type: "Report", id: report.id, unitId: report.unitId, departmentId: report.departmentId };
}

/** The attachment's scope is its report's: loaded from the report row, never from the client. */
async function attachmentTarget(attachmentId: number): Promise<ScopedRecord | null> {
  const row = await db().attachment.findFirst({
    where: { id: attachmentId, deletedAt: null, reportId: { not: null } },
    select: { id: true, report: { select: { unitId: true, departmentId: true } } },
  });
  return row?.report ? { type: "Attachment", id: row.id, unitId: row.report.unitId, departmentId: row.report.departmentId } : null;
}

/** Locks the report row for the rest of the transaction and checks it is still editable. */
async function lockEditableReport(tx: Prisma.TransactionClient, reportId: number) {
  const [row] = await tx.$queryRaw<{ status: ReportStatus; unitId: number | null }[]>`
    SELECT status, "unitId" FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
  if (!row || !EVIDENCE_EDITABLE.includes(row.status)) throw locked();
  return row;
}

const refused = (reason: RejectReason) => new AppError("VALIDATION", `evidence.reason.${reason}`, { file: [`evidence.reason.${reason}`] });

export const uploadEvidenceSpec = defineAction({
  name: "evidence.upload",
  permission: "report:edit",
  input: z.object({
    reportId: id,
    reportItemId: optionalId,
    // A form sent with no file chosen carries an empty, nameless File.
    file: z.instanceof(File, { error: "evidence.fileRequired" }).refine((f) => f.name !== "" || f.size > 0, "evidence.fileRequired"),
  }),
  target: (input) => reportTarget(input.reportId),
  run: async ({ reportId, reportItemId, file }, { actor, context, audit }) => {
    const report = await db().report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, unitId: true } });
    if (!EVIDENCE_EDITABLE.includes(report.status)) throw locked();
    if (reportItemId !== undefined) {
      const item = await db().reportItem.findFirst({ where: { id: reportItemId, reportId }, select: { id: true } });
      if (!item) throw new AppError("NOT_FOUND");
    }

    // A refused file is a security event worth a trace, even though nothing was stored.
    const refuse = async (reason: RejectReason): Promise<never> => {
      await recordAuditAlone({
        action: "evidence.upload",
        outcome: "FAILURE",
        actor: auditActor(actor),
        targetType: "Report",
        targetId: reportId,
        unitId: report.unitId,
        // jsonb refuses NUL: control characters are shown as U+FFFD
        changes: { reason, size: file.size, name: file.name.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, "\ufffd") },
        ip: context.ip,
        requestId: context.requestId,
      });
      throw refused(reason);
    };
    // The size is known before a byte is read: an oversized file is never loaded.
    if (file.size > MAX_EVIDENCE_BYTES) await refuse("tooLarge");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const inspection = inspectEvidence(file.name, bytes);
    if (!inspection.ok) return refuse(inspection.reason);

    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const storage = evidenceStorage();
    const storageKey = newStorageKey();
    // The bytes are durable before the row that points at them commits; if the transaction
    // fails, they are removed again, so no row ever points at nothing.
    await storage.put(storageKey, bytes);
    try {
      return await db().$transaction(async (tx) => {
        const current = await lockEditableReport(tx, reportId);
        const row = await tx.attachment.create({
          data: { reportId, reportItemId: reportItemId ?? null, originalName: inspection.name, storageKey, mimeType: inspection.mimeType, sizeBytes: bytes.length, sha256, uploadedById: actor.userId },
          select: { id: true },
        });
        await audit(tx, {
          targetType: "Attachment",
          targetId: row.id,
          unitId: current.unitId,
          changes: { reportId, reportItemId: reportItemId ?? null, originalName: inspection.name, mimeType: inspection.mimeType, sizeBytes: bytes.length, sha256, visibility: "INTERNAL" },
        });
        return { id: row.id, sha256 };
      });
    } catch (error) {
      await storage.delete(storageKey);
      throw error;
    }
  },
});

export const deleteEvidenceSpec = defineAction({
  name: "evidence.delete",
  permission: "report:edit",
  input: z.object({ id }),
  target: (input) => attachmentTarget(input.id),
  run: async ({ id: attachmentId }, { audit, context }) => {
    const row = await db().attachment.findUniqueOrThrow({ where: { id: attachmentId }, select: { reportId: true, storageKey: true, originalName: true, sha256: true } });
    await db().$transaction(async (tx) => {
      const current = await lockEditableReport(tx, row.reportId!);
      // Guarded on deletedAt so that two concurrent deletes audit once.
      const { count } = await tx.attachment.updateMany({ where: { id: attachmentId, deletedAt: null }, data: { deletedAt: new Date() } });
      if (count !== 1) throw new AppError("NOT_FOUND");
      await audit(tx, { targetType: "Attachment", targetId: attachmentId, unitId: current.unitId, changes: { reportId: row.reportId, originalName: row.originalName, sha256: row.sha256, deleted: true } });
    });
    // The row stays (with its hash) for the record; the bytes go. A failure here leaves an
    // unreachable file, never a reachable row without one.
    await evidenceStorage()
      .delete(row.storageKey)
      .catch((error: unknown) => requestLogger(context.requestId).error({ attachmentId, err: error }, "evidence file not removed"));
    return { id: attachmentId };
  },
});

export const setEvidenceVisibilitySpec = defineAction({
  name: "evidence.set-visibility",
  permission: "report:edit",
  input: z.object({ id, visibility: z.enum(["INTERNAL", "PUBLIC"], { error: "evidence.invalidVisibility" }) }),
  target: (input) => attachmentTarget(input.id),
  run: async ({ id: attachmentId, visibility }, { audit }) => {
    const row = await db().attachment.findUniqueOrThrow({ where: { id: attachmentId }, select: { reportId: true, visibility: true } });
    await db().$transaction(async (tx) => {
      const current = await lockEditableReport(tx, row.reportId!);
      await tx.attachment.update({ where: { id: attachmentId }, data: { visibility } });
      await audit(tx, { targetType: "Attachment", targetId: attachmentId, unitId: current.unitId, changes: { visibility: { before: row.visibility, after: visibility } } });
    });
    return { id: attachmentId, visibility };
  },
});
