import "server-only";
import { createHash } from "node:crypto";
import type { ReportStatus } from "@/generated/prisma/enums";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { authorize } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError, HTTP_STATUS, type AppErrorCode } from "@/server/errors";
import { requestLogger } from "@/server/logger";
import { evidenceFileSelect } from "./file-select";
import { evidenceStorage } from "./storage";
import { parseRecordId } from "@/shared/record-id";

/** A PUBLIC file is public only once its report's figures are: after the leader publishes. */
export const PUBLIC_REPORT_STATUSES: readonly ReportStatus[] = ["PUBLISHED"];

// The body is never rendered by the browser: always a download, never sniffed, never cached
// by a shared cache, and sandboxed should anything open it anyway.
const SAFE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const fail = (code: AppErrorCode) => Response.json({ code }, { status: HTTP_STATUS[code], headers: SAFE_HEADERS });

/** RFC 6266 / RFC 5987: an ASCII fallback for old clients, the real name as UTF-8. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_") || "download";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /api/evidence/[id]. Readers of the report (its unit or department, the bureau) get any
 * live file of it; anyone gets a PUBLIC file of a published report; everyone else learns
 * nothing, not even that the file exists (404).
 */
export async function evidenceDownload(actor: Actor | null, context: RequestContext, rawId: string): Promise<Response> {
  const id = parseRecordId(rawId);
  if (id === null) return fail("NOT_FOUND");
  const row = await db().attachment.findFirst({
    where: { id, deletedAt: null, reportId: { not: null } },
    select: {
      ...evidenceFileSelect,
      storageKey: true,
      report: { select: { id: true, unitId: true, departmentId: true, status: true } },
    },
  });
  if (!row?.report) return fail("NOT_FOUND");
  const isPublic = row.visibility === "PUBLIC" && PUBLIC_REPORT_STATUSES.includes(row.report.status);
  if (!isPublic) {
    // An anonymous visitor is not told that a sign-in might help.
    if (!actor) return fail("NOT_FOUND");
    try {
      await authorize(actor, "report:read", context, { type: "Attachment", id: row.id, unitId: row.report.unitId, departmentId: row.report.departmentId });
    } catch (error) {
      if (error instanceof AppError) return fail(error.code);
      throw error;
    }
  }
  const bytes = await evidenceStorage().get(row.storageKey);
  // The stored hash is checked on every read: a file changed on disk is never served.
  if (!bytes || createHash("sha256").update(bytes).digest("hex") !== row.sha256) {
    requestLogger(context.requestId).error({ attachmentId: row.id }, "evidence file missing or altered");
    return fail("UNEXPECTED");
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...SAFE_HEADERS,
      "Content-Type": row.mimeType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(row.originalName),
    },
  });
}
