import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { versionField } from "./input";
import { loadStructure, lockReport, previousApprovedFor, readInput, recordTransition, reportIdField, reportTarget, toSnapshot, TX_OPTIONS } from "./shared";
import { transition } from "./state-machine";
import { hasFindings, submitBlockers, validateReport } from "@/shared/reporting/validation";

// Submitting is idempotent per client attempt: the form carries a UUID made when it was shown,
// and a retry or a second click with that key gets the first submission back instead of a second
// one. The report's row lock serialises submissions of one report, so even parallel requests with
// one key see each other.

const submitInput = z.object({
  reportId: reportIdField,
  version: versionField,
  idempotencyKey: z.uuid({ error: "reportingErrors.malformed" }),
});

export type SubmitResult = { submissionId: number; sequence: number };

async function earlier(client: Prisma.TransactionClient, reportId: number, key: string): Promise<SubmitResult | null> {
  const first = await client.reportSubmission.findUnique({ where: { idempotencyKey: key }, select: { id: true, sequence: true, reportId: true } });
  if (!first) return null;
  // A key belongs to one attempt on one report; reused on another report it is a client bug.
  if (first.reportId !== reportId) throw new AppError("CONFLICT", "reportingErrors.keyReused");
  return { submissionId: first.id, sequence: first.sequence };
}

export const submitReportSpec = defineAction({
  name: "report.submit",
  permission: "report:submit",
  input: submitInput,
  target: (input) => reportTarget(input.reportId),
  run: async (input, { actor, audit }) => {
    const replay = await earlier(db(), input.reportId, input.idempotencyKey);
    if (replay) return replay;
    return db().$transaction(async (tx): Promise<SubmitResult> => {
      await lockReport(tx, input.reportId);
      const again = await earlier(tx, input.reportId, input.idempotencyKey);
      if (again) return again;

      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, cycleId: true, unitId: true, departmentId: true, status: true, version: true } });
      if (report.version !== input.version) throw new AppError("CONFLICT", "reportingErrors.staleVersion");
      const step = transition(report.status, "submit");
      if (!step.ok) throw new AppError("CONFLICT", step.reasonKey);

      const structure = (await loadStructure(tx, report.id))!;
      const stored = await readInput(tx, report.id);
      const previous = await previousApprovedFor(tx, report);
      const last = await tx.reportSubmission.findFirst({ where: { reportId: report.id }, orderBy: { sequence: "desc" }, select: { sequence: true } });
      const blockers = submitBlockers(stored, validateReport(stored, structure.indicators, previous));
      if (hasFindings(blockers)) throw new AppError("VALIDATION", "reportingErrors.submitBlocked", blockers);

      const sequence = (last?.sequence ?? 0) + 1;
      const submission = await tx.reportSubmission.create({
        data: {
          reportId: report.id,
          sequence,
          idempotencyKey: input.idempotencyKey,
          snapshot: toSnapshot(stored, structure) as unknown as Prisma.InputJsonValue,
          submittedById: actor.userId,
        },
        select: { id: true },
      });
      await tx.report.update({ where: { id: report.id }, data: { status: step.to, version: { increment: 1 }, submittedAt: new Date() } });
      // The reviewer decides on every item afresh; earlier return reasons stay in the timeline.
      await tx.reportItem.updateMany({ where: { reportId: report.id }, data: { reviewStatus: "PENDING" } });
      await recordTransition(tx, audit, {
        reportId: report.id,
        unitId: report.unitId,
        actorId: actor.userId,
        action: "SUBMIT",
        from: report.status,
        to: step.to,
        changes: { submissionId: submission.id, sequence, version: { before: report.version, after: report.version + 1 } },
      });
      return { submissionId: submission.id, sequence };
    }, TX_OPTIONS);
  },
});
