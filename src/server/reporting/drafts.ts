import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { itemsField, valuesField, versionField } from "./input";
import { loadStructure, previousApprovedFor, readInput, reportIdField, reportTarget, toSnapshot, TX_OPTIONS } from "./shared";
import { diffSnapshots } from "./snapshot";
import { transition } from "./state-machine";
import { normalizeItem } from "@/shared/reporting/report-fields";
import { hasFindings, itemKey, parseValue, validateReport, valueKey, type Findings, type ItemInput, type ReportInput, type ValueInput } from "@/shared/reporting/validation";

// Saving a draft never loses what was typed: a save based on an old version is refused whole
// (CONFLICT, nothing written) and the form keeps its input, so the filer can reload and re-apply.
// The version check is the UPDATE itself (… WHERE id = ? AND version = ?), so of many saves of
// one version exactly one can win, whatever the timing.

const saveDraftInput = z.object({ reportId: reportIdField, version: versionField, items: itemsField, values: valuesField });

/** The stored report with the form's changes laid over it (what is not sent stays as it is). */
function merge(stored: ReportInput, items: ItemInput[], values: ValueInput[]): ReportInput {
  const itemMap = new Map(stored.items.map((i) => [i.measureId, i]));
  for (const item of items) itemMap.set(item.measureId, { measureId: item.measureId, ...normalizeItem(item) });
  const valueMap = new Map(stored.values.map((v) => [valueKey(v.indicatorId, v.subjectUnitId), v]));
  for (const v of values) valueMap.set(valueKey(v.indicatorId, v.subjectUnitId), { ...v, value: v.value.trim(), comment: v.comment?.trim() || null });
  return { items: [...itemMap.values()], values: [...valueMap.values()] };
}

export const saveDraftSpec = defineAction({
  name: "report.save-draft",
  permission: "report:edit",
  input: saveDraftInput,
  target: (input) => reportTarget(input.reportId),
  run: async (input, { audit }) =>
    db().$transaction(async (tx) => {
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, cycleId: true, unitId: true, departmentId: true, status: true, version: true } });
      if (report.version !== input.version) throw new AppError("CONFLICT", "reportingErrors.staleVersion");
      const step = transition(report.status, "edit");
      if (!step.ok) throw new AppError("CONFLICT", step.reasonKey);

      const structure = (await loadStructure(tx, report.id))!;
      const stored = await readInput(tx, report.id);
      const previous = await previousApprovedFor(tx, report);
      const merged = merge(stored, input.items, input.values);
      const { errors, warnings } = validateReport(merged, structure.indicators, previous);
      const known = new Set(structure.measures.map((m) => m.measureId));
      const unknownItems: Findings = Object.fromEntries(input.items.filter((i) => !known.has(i.measureId)).map((i) => [itemKey(i.measureId, "progress"), ["reportingErrors.notInReport"]]));
      const allErrors = { ...errors, ...unknownItems };
      if (hasFindings(allErrors)) throw new AppError("VALIDATION", "reportingErrors.fixErrors", allErrors);

      // The check and the claim in one statement: a concurrent save of the same version waits
      // for this row lock, then finds the version moved on and updates nothing.
      const claimed = await tx.report.updateMany({ where: { id: report.id, version: input.version, status: report.status }, data: { version: { increment: 1 }, status: step.to } });
      if (claimed.count !== 1) throw new AppError("CONFLICT", "reportingErrors.staleVersion");

      const itemIds = new Map(structure.measures.map((m) => [m.measureId, m.itemId]));
      const measureOf = new Map(structure.indicators.map((i) => [i.id, i.measureId]));
      for (const item of input.items) {
        const m = merged.items.find((i) => i.measureId === item.measureId)!;
        await tx.reportItem.update({ where: { id: itemIds.get(item.measureId)! }, data: normalizeItem(m) });
      }
      if (input.values.length) {
        await tx.indicatorValue.deleteMany({ where: { reportId: report.id, OR: input.values.map((v) => ({ indicatorId: v.indicatorId, subjectUnitId: v.subjectUnitId })) } });
        const valueType = new Map(structure.indicators.map((i) => [i.id, i.valueType]));
        const rows: Prisma.IndicatorValueCreateManyInput[] = [];
        for (const v of input.values) {
          const value = v.value.trim();
          const comment = v.comment?.trim() || null;
          if (value === "" && !comment) continue;
          const parsed = parseValue(valueType.get(v.indicatorId)!, value);
          rows.push({
            reportId: report.id,
            reportItemId: itemIds.get(measureOf.get(v.indicatorId)!) ?? null,
            indicatorId: v.indicatorId,
            subjectUnitId: v.subjectUnitId,
            numericValue: parsed.kind === "number" ? value : null,
            booleanValue: parsed.kind === "boolean" ? parsed.value : null,
            comment,
          });
        }
        if (rows.length) await tx.indicatorValue.createMany({ data: rows });
      }

      const changed = diffSnapshots(toSnapshot(stored, structure), toSnapshot(merged, structure));
      await audit(tx, {
        targetType: "Report",
        targetId: report.id,
        unitId: report.unitId,
        changes: {
          version: { before: input.version, after: input.version + 1 },
          ...(step.to !== report.status ? { status: { before: report.status, after: step.to } } : {}),
          fields: changed.map((c) => ({ key: c.key, before: c.before, after: c.after })),
        },
      });
      return { version: input.version + 1, warnings };
    }, TX_OPTIONS),
});
