import "server-only";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { authorize, can } from "@/server/auth/authorize";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { jsonList, optionalReason, reasonField } from "./input";
import { lockReport, recordTransition, reportIdField, reportTarget, TX_OPTIONS } from "./shared";
import { transition } from "./state-machine";
import { itemKey, type Findings } from "@/shared/reporting/validation";

// The bureau's side: a decision on every item (approve, or return with a reason the filer sees
// at that item), reopening an approved report, publishing, and withdrawing published figures.

const decisionsField = jsonList(
  z.object({
    measureId: z.number({ error: "reportingErrors.malformed" }).int("reportingErrors.malformed").positive("reportingErrors.malformed"),
    decision: z.enum(["APPROVE", "RETURN"], { error: "reportingErrors.malformed" }),
    reason: z.string({ error: "reportingErrors.malformed" }).max(1000, "reportingErrors.reasonTooLong").nullish(),
  }),
  500,
);

const loadForTransition = (reportId: number) =>
  db().report.findUniqueOrThrow({ where: { id: reportId }, select: { id: true, unitId: true, status: true, version: true } });

export const reviewReportSpec = defineAction({
  name: "report.review",
  permission: "report:review",
  input: z.object({ reportId: reportIdField, decisions: decisionsField, reason: optionalReason }),
  target: (input) => reportTarget(input.reportId),
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      await lockReport(tx, input.reportId);
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, unitId: true, status: true, version: true } });
      const canReview = transition(report.status, "approve");
      if (!canReview.ok) throw new AppError("CONFLICT", canReview.reasonKey);

      const items = await tx.reportItem.findMany({ where: { reportId: report.id }, orderBy: { measureId: "asc" }, select: { id: true, measureId: true } });
      const decided = new Map(input.decisions.map((d) => [d.measureId, d]));
      const errors: Findings = {};
      for (const item of items) {
        const d = decided.get(item.measureId);
        if (!d) errors[itemKey(item.measureId, "decision")] = ["reportingErrors.decisionRequired"];
        else if (d.decision === "RETURN" && !d.reason?.trim()) errors[itemKey(item.measureId, "returnReason")] = ["reportingErrors.returnReasonRequired"];
      }
      const known = new Set(items.map((i) => i.measureId));
      for (const d of input.decisions) if (!known.has(d.measureId)) errors[itemKey(d.measureId, "decision")] = ["reportingErrors.notInReport"];
      if (Object.keys(errors).length) throw new AppError("VALIDATION", "reportingErrors.fixErrors", errors);

      const returned = items.filter((i) => decided.get(i.measureId)!.decision === "RETURN");
      const approved = items.filter((i) => decided.get(i.measureId)!.decision === "APPROVE");
      const step = transition(report.status, returned.length ? "return" : "approve");
      if (!step.ok) throw new AppError("CONFLICT", step.reasonKey);

      if (approved.length) await tx.reportItem.updateMany({ where: { id: { in: approved.map((i) => i.id) } }, data: { reviewStatus: "APPROVED", returnReason: null } });
      const itemReasons: Record<string, string> = {};
      for (const item of returned) {
        const reason = decided.get(item.measureId)!.reason!.trim();
        itemReasons[String(item.measureId)] = reason;
        await tx.reportItem.update({ where: { id: item.id }, data: { reviewStatus: "RETURNED", returnReason: reason } });
      }
      await tx.report.update({
        where: { id: report.id },
        data: { status: step.to, version: { increment: 1 }, approvedAt: step.to === "APPROVED" ? new Date() : null },
      });
      await recordTransition(tx, audit, {
        reportId: report.id,
        unitId: report.unitId,
        actorId: actor.userId,
        action: returned.length ? "RETURN" : "APPROVE",
        from: report.status,
        to: step.to,
        reason: input.reason,
        itemReasons: returned.length ? itemReasons : null,
        changes: { approvedItems: approved.map((i) => i.measureId), returnedItems: returned.map((i) => i.measureId) },
      });
      return { status: step.to };
    }, TX_OPTIONS),
});

export const reopenReportSpec = defineAction({
  name: "report.reopen",
  permission: "report:reopen",
  input: z.object({ reportId: reportIdField, reason: reasonField }),
  target: (input) => reportTarget(input.reportId),
  run: async (input, { actor, context, audit }) => {
    // Published figures are public: withdrawing them is the publisher's decision. Checked (and a
    // refusal audited) through the permission table before any work starts.
    const current = await loadForTransition(input.reportId);
    if (current.status === "PUBLISHED") await authorize(actor, "report:publish", context, { type: "Report", id: current.id, unitId: current.unitId });
    return db().$transaction(async (tx) => {
      await lockReport(tx, input.reportId);
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, unitId: true, status: true, version: true } });
      const step = transition(report.status, "reopen", { publisher: can(actor, "report:publish") });
      if (!step.ok) throw new AppError(step.reasonKey === "reportingErrors.onlyLeaderWithdraws" ? "FORBIDDEN" : "CONFLICT", step.reasonKey);
      await tx.report.update({ where: { id: report.id }, data: { status: step.to, version: { increment: 1 }, approvedAt: null, publishedAt: null } });
      await recordTransition(tx, audit, { reportId: report.id, unitId: report.unitId, actorId: actor.userId, action: "REOPEN", from: report.status, to: step.to, reason: input.reason });
      return { status: step.to };
    }, TX_OPTIONS);
  },
});

export const publishReportSpec = defineAction({
  name: "report.publish",
  permission: "report:publish",
  input: z.object({ reportId: reportIdField }),
  target: (input) => reportTarget(input.reportId),
  run: async (input, { actor, audit }) =>
    db().$transaction(async (tx) => {
      await lockReport(tx, input.reportId);
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, unitId: true, status: true } });
      const step = transition(report.status, "publish");
      if (!step.ok) throw new AppError("CONFLICT", step.reasonKey);
      await tx.report.update({ where: { id: report.id }, data: { status: step.to, version: { increment: 1 }, publishedAt: new Date() } });
      await recordTransition(tx, audit, { reportId: report.id, unitId: report.unitId, actorId: actor.userId, action: "PUBLISH", from: report.status, to: step.to });
      return { status: step.to };
    }, TX_OPTIONS),
});
