import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { defineAction, executeAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { saveDraftSpec } from "@/server/reporting/drafts";
import { loadStructure, previousApprovedFor, readInput, reportIdField, reportTarget } from "@/server/reporting/shared";
import { itemFields } from "@/shared/reporting/report-fields";
import { validateReport, valueKey, type Findings, type ReportInput } from "@/shared/reporting/validation";
import { buildReportWorkbook, parseReportWorkbook, type ImportProblem, type WorkbookContent } from "./workbook";

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const measureCode = (m: { kind: "MEASURE" | "SAFEGUARD"; number: number }) => (m.kind === "SAFEGUARD" ? `S${m.number}` : `M${m.number}`);

/** What the report covers and holds, in the workbook's terms. */
async function loadContent(tx: Prisma.TransactionClient, reportId: number): Promise<WorkbookContent | null> {
  const structure = await loadStructure(tx, reportId);
  if (!structure) return null;
  const [report, input, measures, indicators, units] = await Promise.all([
    tx.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { version: true, cycle: { select: { nameZh: true } }, unit: { select: { nameZh: true } }, department: { select: { nameZh: true } } },
    }),
    readInput(tx, reportId),
    tx.measure.findMany({ where: { id: { in: structure.measures.map((m) => m.measureId) } }, select: { id: true, kind: true, number: true, label: true, titleZh: true, sortOrder: true } }),
    tx.indicator.findMany({ where: { id: { in: structure.indicators.map((i) => i.id) }, valueType: { not: "RATIO" } }, select: { id: true, code: true, nameZh: true, unitOfMeasureZh: true, valueType: true } }),
    tx.unit.findMany({ where: { id: { in: [...new Set(structure.indicators.flatMap((i) => i.subjects))] } }, select: { id: true, code: true, nameZh: true } }),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const rules = new Map(structure.indicators.map((i) => [i.id, i]));
  return {
    title: `${report.cycle.nameZh} ${report.unit?.nameZh ?? report.department?.nameZh ?? ""} 进展报告`,
    reportId,
    version: report.version,
    measures: measures
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((m) => ({ measureId: m.id, code: measureCode(m), label: m.kind === "SAFEGUARD" ? `保障措施${m.label}` : `第${m.number}条`, title: m.titleZh })),
    indicators: indicators.map((i) => ({
      ...i,
      subjects: (rules.get(i.id)?.subjects ?? []).flatMap((id) => {
        const u = unitById.get(id);
        return u ? [{ unitId: u.id, code: u.code, nameZh: u.nameZh }] : [];
      }),
    })),
    items: new Map(input.items.map((i) => [i.measureId, itemFields(i)])),
    values: new Map(input.values.map((v) => [`${v.indicatorId}:${v.subjectUnitId}`, { value: v.value, comment: v.comment ?? null }])),
  };
}

/** The pre-filled workbook, for the unit to fill offline. Exports are audited like every other. */
export const exportReportWorkbookSpec = defineAction({
  name: "report.export-xlsx",
  permission: "report:read",
  input: z.object({ reportId: reportIdField }),
  target: (input) => reportTarget(input.reportId),
  run: async (input, { audit }) => {
    const content = await db().$transaction(async (tx) => {
      const loaded = await loadContent(tx, input.reportId);
      if (!loaded) throw new AppError("NOT_FOUND");
      await audit(tx, { targetType: "Report", targetId: input.reportId, changes: { version: loaded.version } });
      return loaded;
    });
    const buffer = await buildReportWorkbook(content);
    return { filename: `report-${input.reportId}-v${content.version}.xlsx`, data: buffer.toString("base64") };
  },
});

export type ImportOutcome = {
  imported: boolean;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  counts: { items: number; values: number };
  version?: number;
};

/**
 * Upload a filled workbook. Without `confirm` it is a dry run: every problem is listed by sheet,
 * row and cell, nothing changes. With `confirm`, a workbook without problems is saved into the
 * draft through the same save as the form (version check, validation, audit).
 */
export const importReportWorkbookSpec = defineAction({
  name: "report.import-xlsx",
  permission: "report:edit",
  input: z.object({
    reportId: reportIdField,
    file: z.instanceof(File, { message: "reportingExcel.fileRequired" }),
    confirm: z.enum(["1"]).optional(),
  }),
  target: (input) => reportTarget(input.reportId),
  run: async (input, ctx): Promise<ImportOutcome> => {
    const { file } = input;
    if (file.size === 0 || file.size > MAX_UPLOAD_BYTES) throw new AppError("VALIDATION", "errors.VALIDATION", { file: ["reportingExcel.fileSize"] });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!ZIP_MAGIC.every((b, i) => bytes[i] === b) || !/\.xlsx$/i.test(file.name)) {
      throw new AppError("VALIDATION", "errors.VALIDATION", { file: ["reportingExcel.notAWorkbook"] });
    }
    const loaded = await db().$transaction(async (tx) => {
      const content = await loadContent(tx, input.reportId);
      if (!content) throw new AppError("NOT_FOUND");
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { id: true, cycleId: true, unitId: true, departmentId: true } });
      const [stored, previous, structure] = await Promise.all([readInput(tx, report.id), previousApprovedFor(tx, report), loadStructure(tx, report.id)]);
      return { content, stored, previous, structure: structure! };
    });
    const parsed = await parseReportWorkbook(Buffer.from(bytes), loaded.content);
    const problems = [...parsed.problems];
    if (parsed.version !== null && parsed.version !== loaded.content.version) {
      problems.push({ sheet: "填报说明", row: 2, cell: "A2", messageKey: "reportingExcel.staleWorkbook" });
    }
    // the figures' own rules (backbone ≤ rotated ≤ eligible …), pointed at their cells
    const merged: ReportInput = {
      items: [...new Map([...loaded.stored.items, ...parsed.items].map((i) => [i.measureId, i])).values()],
      values: [...new Map([...loaded.stored.values, ...parsed.values].map((v) => [valueKey(v.indicatorId, v.subjectUnitId), v])).values()],
    };
    const { errors, warnings } = validateReport(merged, loaded.structure.indicators, loaded.previous);
    const located = (findings: Findings) =>
      Object.entries(findings).flatMap(([key, keys]) => {
        const at = parsed.cells.get(key) ?? { sheet: "—", row: 0, cell: key };
        return keys.map((messageKey) => ({ ...at, messageKey }));
      });
    problems.push(...located(errors));
    const outcome: ImportOutcome = { imported: false, problems, warnings: located(warnings), counts: { items: parsed.items.length, values: parsed.values.length } };
    if (!input.confirm || problems.length > 0) return outcome;

    const saved = await executeAction(saveDraftSpec, ctx.actor, ctx.context, {
      reportId: input.reportId,
      version: loaded.content.version,
      items: JSON.stringify(parsed.items),
      values: JSON.stringify(parsed.values),
    });
    if (!saved.ok) throw new AppError(saved.code, saved.messageKey, saved.fieldErrors);
    // the save has its own audit row; this one says the figures came from a workbook
    await db().$transaction((tx) => ctx.audit(tx, { targetType: "Report", targetId: input.reportId, changes: { file: file.name, bytes: file.size, ...outcome.counts } }));
    return { ...outcome, imported: true, version: (saved.data as { version: number }).version };
  },
});
