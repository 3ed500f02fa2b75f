import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/define-action";
import { db } from "@/server/db/client";
import { exportReportWorkbookSpec, importReportWorkbookSpec } from "@/server/reporting-excel/report-excel";
import { SHEETS } from "@/server/reporting-excel/workbook";
import { actorFor, lastAuditId, auditRowsSince, testContext } from "../support/actors";
import { freshReport, indicatorId, measureId, unitId } from "./reporting-factory";

async function setUp() {
  const m20 = await measureId(20);
  const report = await freshReport({ owner: { unitId: await unitId("210302") }, measures: [m20], status: "DRAFT" });
  const district = await actorFor("tiedong.admin");
  return { m20, report, district };
}

async function exported(actor: Awaited<ReturnType<typeof actorFor>>, reportId: number) {
  const result = await executeAction(exportReportWorkbookSpec, actor, testContext(), { reportId: String(reportId) });
  if (!result.ok) throw new Error(`export refused: ${result.code}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(result.data.data, "base64") as unknown as ArrayBuffer);
  return wb;
}

function setValue(wb: ExcelJS.Workbook, code: string, value: ExcelJS.CellValue) {
  wb.getWorksheet(SHEETS.values)!.eachRow((row) => {
    if (row.getCell(1).value === code) row.getCell(5).value = value;
  });
}

const asFile = async (wb: ExcelJS.Workbook) => new File([new Uint8Array(await wb.xlsx.writeBuffer())], "填报.xlsx");

describe("Excel round trip of a report", () => {
  it("exports the report pre-filled, imports figures after a dry run, and audits both", async () => {
    const { m20, report, district } = await setUp();
    const since = await lastAuditId();
    const wb = await exported(district, report.id);
    setValue(wb, "M20_ELIGIBLE_TEACHERS", 900);
    setValue(wb, "M20_ROTATED_TEACHERS", 100);
    setValue(wb, "M20_ROTATED_BACKBONE_TEACHERS", 25);
    wb.getWorksheet(SHEETS.progress)!.getCell("C2").value = "推进中";
    wb.getWorksheet(SHEETS.progress)!.getCell("E2").value = "本学年交流轮岗教师100人。";

    const dry = await executeAction(importReportWorkbookSpec, district, testContext(), { reportId: String(report.id), file: await asFile(wb) });
    expect(dry.ok && dry.data.problems).toEqual([]);
    expect(dry.ok && dry.data.imported).toBe(false);
    expect(await db().indicatorValue.count({ where: { reportId: report.id } })).toBe(0); // a dry run changes nothing

    const done = await executeAction(importReportWorkbookSpec, district, testContext(), { reportId: String(report.id), file: await asFile(wb), confirm: "1" });
    expect(done.ok && done.data.imported).toBe(true);
    const rotated = await db().indicatorValue.findFirstOrThrow({ where: { reportId: report.id, indicatorId: await indicatorId("M20_ROTATED_TEACHERS") } });
    expect(Number(rotated.numericValue)).toBe(100);
    const item = await db().reportItem.findFirstOrThrow({ where: { reportId: report.id, measureId: m20 } });
    expect(item).toMatchObject({ progress: "UNDER_WAY", narrative: "本学年交流轮岗教师100人。" });
    const actions = (await auditRowsSince(since)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["report.export-xlsx", "report.save-draft", "report.import-xlsx"]));
  });

  it("lists a sheet full of errors by sheet, row and cell, in the filer's terms, and imports nothing", async () => {
    const { report, district } = await setUp();
    const wb = await exported(district, report.id);
    setValue(wb, "M20_ELIGIBLE_TEACHERS", 50);
    setValue(wb, "M20_ROTATED_TEACHERS", 80); // more rotated than eligible
    setValue(wb, "M20_ROTATED_BACKBONE_TEACHERS", "很多");
    wb.getWorksheet(SHEETS.progress)!.getCell("C2").value = "快完成了";
    const result = await executeAction(importReportWorkbookSpec, district, testContext(), { reportId: String(report.id), file: await asFile(wb), confirm: "1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.imported).toBe(false);
    const found = result.data.problems.map((p) => `${p.sheet}!${p.cell}`);
    expect(found).toEqual(expect.arrayContaining([`${SHEETS.progress}!C2`]));
    expect(result.data.problems.some((p) => p.messageKey === "reportingExcel.notANumber")).toBe(true);
    expect(result.data.problems.some((p) => p.sheet === SHEETS.values && p.messageKey.startsWith("reportingErrors."))).toBe(true);
    expect(await db().indicatorValue.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("refuses a workbook made from an older version of the report", async () => {
    const { report, district } = await setUp();
    const wb = await exported(district, report.id);
    await db().report.update({ where: { id: report.id }, data: { version: { increment: 1 } } }); // edited in the browser since
    const result = await executeAction(importReportWorkbookSpec, district, testContext(), { reportId: String(report.id), file: await asFile(wb), confirm: "1" });
    expect(result.ok && result.data.problems.map((p) => p.messageKey)).toContain("reportingExcel.staleWorkbook");
    expect(result.ok && result.data.imported).toBe(false);
  });

  it("refuses what is not an xlsx, and another unit's report is not found", async () => {
    const { report, district } = await setUp();
    const fake = new File([new TextEncoder().encode("<html>not a workbook</html>")], "x.xlsx");
    const refused = await executeAction(importReportWorkbookSpec, district, testContext(), { reportId: String(report.id), file: fake });
    expect(refused.ok ? "ok" : refused.fieldErrors?.file).toEqual(["reportingExcel.notAWorkbook"]);
    const tiexi = await freshReport({ owner: { unitId: await unitId("210303") }, measures: [await measureId(20)], status: "DRAFT" });
    const other = await executeAction(exportReportWorkbookSpec, district, testContext(), { reportId: String(tiexi.id) });
    expect(other.ok ? "ok" : other.code).toBe("NOT_FOUND");
  });
});
