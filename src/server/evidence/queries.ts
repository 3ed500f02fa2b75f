import "server-only";
import type { AttachmentVisibility } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { EVIDENCE_EDITABLE } from "./actions";
import { evidenceFileSelect } from "./file-select";

export type EvidenceFile = {
  id: number;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  visibility: AttachmentVisibility;
  reportItemId: number | null;
  measureId: number | null;
  uploadedBy: string;
  createdAt: string;
  downloadUrl: string;
};

export type EvidenceListing = { reportId: number; canEdit: boolean; files: EvidenceFile[] };

/**
 * The live evidence of one report (optionally only that attached to one measure's item), for
 * a reader of that report. null when there is no such report or it is outside the reader's
 * scope: "not yours" looks like "not found".
 */
export async function listEvidence(actor: Actor | null, context: RequestContext, reportId: number, measureId?: number): Promise<EvidenceListing | null> {
  const report = await db().report.findUnique({ where: { id: reportId }, select: { id: true, unitId: true, departmentId: true, status: true } });
  if (!report) return null;
  const target = { type: "Report", id: report.id, unitId: report.unitId, departmentId: report.departmentId };
  try {
    await authorize(actor, "report:read", context, target);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const rows = await db().attachment.findMany({
    where: { reportId, deletedAt: null, ...(measureId !== undefined ? { reportItem: { measureId } } : {}) },
    orderBy: { id: "asc" },
    select: {
      ...evidenceFileSelect,
      reportItemId: true,
      createdAt: true,
      reportItem: { select: { measureId: true } },
      uploadedBy: { select: { displayName: true } },
    },
  });
  return {
    reportId,
    canEdit: can(actor, "report:edit", target) && EVIDENCE_EDITABLE.includes(report.status),
    files: rows.map((row) => ({
      id: row.id,
      originalName: row.originalName,
      mimeType: row.mimeType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      visibility: row.visibility,
      reportItemId: row.reportItemId,
      measureId: row.reportItem?.measureId ?? null,
      uploadedBy: row.uploadedBy.displayName,
      createdAt: row.createdAt.toISOString(),
      downloadUrl: `/api/evidence/${row.id}`,
    })),
  };
}

/** Whether the actor may add evidence to the report now (its editor, and the report not locked). */
export async function evidenceEditable(actor: Actor | null, reportId: number): Promise<boolean> {
  const report = await db().report.findUnique({ where: { id: reportId }, select: { unitId: true, departmentId: true, status: true } });
  return !!report && EVIDENCE_EDITABLE.includes(report.status) && can(actor, "report:edit", report);
}
