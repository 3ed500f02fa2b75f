import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildReportWorkbook, parseReportWorkbook, SHEETS, type WorkbookContent } from "@/server/reporting-excel/workbook";

const content: WorkbookContent = {
  title: "2019—2020学年 铁东区 进展报告",
  reportId: 7,
  version: 3,
  measures: [
    { measureId: 20, code: "M20", label: "第20条", title: "完善教师交流制度" },
    { measureId: 22, code: "M22", label: "第22条", title: "加强留守儿童关爱保护" },
  ],
  indicators: [
    { id: 1, code: "M20_ELIGIBLE_TEACHERS", nameZh: "符合交流条件教师总数", unitOfMeasureZh: "人", valueType: "COUNT", subjects: [{ unitId: 100, code: "210302", nameZh: "铁东区" }] },
    { id: 2, code: "M20_ROTATED_TEACHERS", nameZh: "交流轮岗教师数", unitOfMeasureZh: "人", valueType: "COUNT", subjects: [{ unitId: 100, code: "210302", nameZh: "铁东区" }] },
    { id: 3, code: "M19_AVG_PAY", nameZh: "平均工资", unitOfMeasureZh: "元", valueType: "AMOUNT", subjects: [{ unitId: 100, code: "210302", nameZh: "铁东区" }] },
    {
      id: 4,
      code: "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY",
      nameZh: "镇中心是否至少有一所周转宿舍",
      unitOfMeasureZh: null,
      valueType: "BOOLEAN",
      subjects: [
        { unitId: 201, code: "210302001", nameZh: "解放街道" },
        { unitId: 202, code: "210302002", nameZh: "山南街道" },
      ],
    },
  ],
  items: new Map([[20, { progress: "UNDER_WAY", notApplicableReason: null, narrative: "=1+1 开头的说明也只是文字\n第二段" }]]),
  values: new Map([
    ["1:100", { value: "850", comment: null }],
    ["4:201", { value: "true", comment: null }],
  ]),
};

async function roundTrip(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildReportWorkbook(content)) as unknown as ArrayBuffer);
  edit(wb);
  return parseReportWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), content);
}

const valuesRow = (wb: ExcelJS.Workbook, code: string, subject?: string) => {
  const sheet = wb.getWorksheet(SHEETS.values)!;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === code && (!subject || row.getCell(3).value === subject)) found = row;
  });
  return found!;
};

describe("report workbook (Excel round trip)", () => {
  it("comes back as it went out, with the version it was made from", async () => {
    const parsed = await roundTrip(() => {});
    expect(parsed.problems).toEqual([]);
    expect(parsed.version).toBe(3);
    expect(parsed.items).toContainEqual({ measureId: 20, progress: "UNDER_WAY", notApplicableReason: null, narrative: "=1+1 开头的说明也只是文字\n第二段" });
    expect(parsed.items).toContainEqual({ measureId: 22, progress: "NOT_STARTED", notApplicableReason: null, narrative: null });
    expect(parsed.values).toContainEqual({ indicatorId: 1, subjectUnitId: 100, value: "850", comment: null });
    expect(parsed.values).toContainEqual({ indicatorId: 4, subjectUnitId: 201, value: "true", comment: null });
    expect(parsed.values).toContainEqual({ indicatorId: 4, subjectUnitId: 202, value: "", comment: null });
  });

  it("writes text as text: a narrative starting with = is never a formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildReportWorkbook(content)) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet(SHEETS.progress)!.getCell("E2");
    expect(typeof cell.value).toBe("string");
    expect(cell.formula).toBeUndefined();
  });

  it("locks codes and names, leaves only the input cells editable, and validates them in Excel", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildReportWorkbook(content)) as unknown as ArrayBuffer);
    const values = wb.getWorksheet(SHEETS.values)!;
    expect(values.getCell("A2").protection?.locked).not.toBe(false);
    expect(values.getCell("E2").protection?.locked).toBe(false);
    expect(values.getCell("E2").dataValidation?.type).toBe("whole");
    expect(wb.getWorksheet(SHEETS.progress)!.getCell("C2").dataValidation?.type).toBe("list");
  });

  it("takes what a filer types: numbers, 是/否, a new status", async () => {
    const parsed = await roundTrip((wb) => {
      valuesRow(wb, "M20_ROTATED_TEACHERS").getCell(5).value = 90;
      valuesRow(wb, "M19_AVG_PAY").getCell(5).value = 65432.5;
      valuesRow(wb, "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY", "210302002").getCell(5).value = "否";
      wb.getWorksheet(SHEETS.progress)!.getCell("C3").value = "已完成";
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.values).toContainEqual({ indicatorId: 2, subjectUnitId: 100, value: "90", comment: null });
    expect(parsed.values).toContainEqual({ indicatorId: 3, subjectUnitId: 100, value: "65432.5", comment: null });
    expect(parsed.values).toContainEqual({ indicatorId: 4, subjectUnitId: 202, value: "false", comment: null });
    expect(parsed.items.find((i) => i.measureId === 22)?.progress).toBe("ACHIEVED");
  });

  it("lists every problem of a sheet full of errors by sheet, row and cell", async () => {
    const parsed = await roundTrip((wb) => {
      const progress = wb.getWorksheet(SHEETS.progress)!;
      progress.getCell("C2").value = "差不多";
      progress.addRow(["M99", "不存在的措施", "推进中"]);
      valuesRow(wb, "M20_ELIGIBLE_TEACHERS").getCell(5).value = "八百五";
      valuesRow(wb, "M20_ROTATED_TEACHERS").getCell(5).value = { formula: "A1*2" } as ExcelJS.CellFormulaValue;
      valuesRow(wb, "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY", "210302001").getCell(5).value = "也许";
      valuesRow(wb, "M19_TOWNSHIP_HAS_TURNOVER_DORMITORY", "210302002").getCell(3).value = "999999999";
      wb.getWorksheet(SHEETS.values)!.addRow(["M20_ELIGIBLE_TEACHERS", "重复", "210302", "铁东区", 5]);
    });
    const found = parsed.problems.map((p) => `${p.sheet}!${p.cell} ${p.messageKey}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `${SHEETS.progress}!C2 reportingExcel.badProgress`,
        `${SHEETS.progress}!A4 reportingExcel.unknownMeasure`,
        `${SHEETS.values}!E2 reportingExcel.notANumber`,
        `${SHEETS.values}!E3 reportingExcel.formulaNotAllowed`,
        `${SHEETS.values}!E5 reportingExcel.badBoolean`,
        `${SHEETS.values}!C6 reportingExcel.unknownSubject`,
        `${SHEETS.values}!A7 reportingExcel.duplicateRow`,
      ]),
    );
    expect(parsed.problems).toHaveLength(7);
  });

  it("refuses what is not a workbook, or lacks a sheet", async () => {
    expect((await parseReportWorkbook(Buffer.from("not a zip"), content)).problems[0]?.messageKey).toBe("reportingExcel.notAWorkbook");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const parsed = await parseReportWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), content);
    expect(parsed.problems[0]?.messageKey).toBe("reportingExcel.sheetMissing");
  });
});
