import ExcelJS from "exceljs";
import type { IndicatorValueType } from "@/generated/prisma/enums";
import type { MessageKey } from "@/i18n/message-files";
import { emptyItem, excelCellText, ITEM_FIELD_KEYS, reportItemField, type ItemFields } from "@/shared/reporting/report-fields";

// The offline round trip: a unit downloads its report as a pre-filled workbook, fills it in
// Excel or WPS, and uploads it. Codes are locked, inputs carry Excel's own validation, and
// the import checks every cell again (nothing typed in a spreadsheet is trusted). No database
// access here: the caller passes what the report covers and what it holds. The progress sheet has
// one column per field of report-fields.ts, in its order, after the measure's code and name.

export const SHEETS = { guide: "填报说明", progress: "进展情况", values: "指标数据" } as const;

/** The progress sheet's column of each item field (1-based; A and B hold the measure). */
const FIELD_COLUMNS = ITEM_FIELD_KEYS.map((key, index) => ({ key, field: reportItemField(key), col: 3 + index }));
const YES = ["是", "yes", "true", "y", "1"];
const NO = ["否", "no", "false", "n", "0"];

export type WorkbookMeasure = { measureId: number; code: string; label: string; title: string | null };
export type WorkbookIndicator = { id: number; code: string; nameZh: string; unitOfMeasureZh: string | null; valueType: IndicatorValueType; subjects: { unitId: number; code: string; nameZh: string }[] };
export type WorkbookContent = {
  title: string;
  reportId: number;
  version: number;
  measures: WorkbookMeasure[];
  /** typed indicators only: ratios are computed by the portal, never filled in */
  indicators: WorkbookIndicator[];
  /** stored items; a measure without one is written as a new item */
  items: Map<number, ItemFields>;
  values: Map<string, { value: string; comment: string | null }>; // `${indicatorId}:${subjectUnitId}`
};

const inputCell = (cell: ExcelJS.Cell) => {
  cell.protection = { locked: false };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
};

/** Text goes in as text: a comment that starts with "=" is a string cell, never a formula. */
const text = (value: string | null | undefined) => (value ?? "").toString();

export async function buildReportWorkbook(content: WorkbookContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "鞍山市城乡义务教育一体化政策落实监测平台";

  const guide = wb.addWorksheet(SHEETS.guide);
  guide.columns = [{ width: 110 }];
  [
    content.title,
    `报告编号:${content.reportId}  版本:${content.version}(导入时须与平台上的版本一致,否则需重新下载)`,
    "",
    "填写方法:",
    "1. 只填写浅黄色单元格;灰色的代码和名称已锁定,请勿修改,也不要增删行或更改工作表名称。",
    `2. “${SHEETS.progress}”:每条措施选择进展状态(未开始/推进中/已完成/不适用);选择“不适用”时须填写原因;进展说明可写多段。`,
    `3. “${SHEETS.values}”:人数、学校数等填非负整数;金额填非负数(元),最多两位小数;是否类填“是”或“否”。比例由平台根据分子、分母自动计算,无需填写。`,
    "4. 留空表示尚未填写;如需清空已填数值,请删除单元格内容。",
    "5. 在平台上传本文件后,系统会先逐项检查并列出问题(工作表、行、单元格),确认无误后才导入草稿;导入不会自动提交报告。",
    "6. 请勿在单元格中输入公式:公式将被拒绝。",
  ].forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
    if (i === 0) guide.getCell(1, 1).font = { bold: true, size: 14 };
  });

  const progress = wb.addWorksheet(SHEETS.progress);
  progress.columns = [
    { header: "措施代码", key: "code", width: 10 },
    { header: "措施", key: "label", width: 36 },
    ...FIELD_COLUMNS.map(({ key, field }) => ({ header: field.excel.header, key, width: field.excel.width })),
  ];
  for (const m of content.measures) {
    const item = content.items.get(m.measureId) ?? emptyItem();
    const row = progress.addRow([m.code, [m.label, m.title].filter(Boolean).join(" "), ...FIELD_COLUMNS.map(({ key }) => excelCellText(key, item))]);
    for (const { field, col } of FIELD_COLUMNS) {
      const cell = row.getCell(col);
      inputCell(cell);
      const { choices, header, wrap } = field.excel;
      if (choices) cell.dataValidation = { type: "list", allowBlank: false, formulae: [`"${choices.join(",")}"`], showErrorMessage: true, errorTitle: header, error: "请从下拉列表中选择" };
      if (wrap) cell.alignment = { wrapText: true, vertical: "top" };
    }
  }

  const values = wb.addWorksheet(SHEETS.values);
  values.columns = [
    { header: "指标代码", key: "code", width: 34 },
    { header: "指标", key: "name", width: 36 },
    { header: "对象代码", key: "subject", width: 12 },
    { header: "填报对象", key: "subjectName", width: 18 },
    { header: "数值", key: "value", width: 14 },
    { header: "计量单位", key: "unit", width: 10 },
    { header: "备注(数值变化较大或缺项时请说明)", key: "comment", width: 40 },
  ];
  for (const indicator of content.indicators) {
    for (const subject of indicator.subjects) {
      const stored = content.values.get(`${indicator.id}:${subject.unitId}`);
      const shown = indicator.valueType === "BOOLEAN" ? (stored?.value === "true" ? "是" : stored?.value === "false" ? "否" : "") : stored?.value ? Number(stored.value) : "";
      const row = values.addRow([indicator.code, indicator.nameZh, subject.code, subject.nameZh, shown, indicator.unitOfMeasureZh ?? "", text(stored?.comment)]);
      inputCell(row.getCell(5));
      inputCell(row.getCell(7));
      row.getCell(5).dataValidation =
        indicator.valueType === "BOOLEAN"
          ? { type: "list", allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, error: "请填“是”或“否”" }
          : indicator.valueType === "COUNT"
            ? { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, error: "请填非负整数" }
            : { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, error: "请填非负数" };
    }
  }

  for (const sheet of [guide, progress, values]) {
    sheet.getRow(1).font = { bold: true };
    // Locked cells (codes, names) cannot be edited; the yellow input cells can.
    await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ImportProblem = { sheet: string; row: number; cell: string; messageKey: MessageKey };
export type ParsedImport = {
  version: number | null;
  items: ({ measureId: number } & ItemFields)[];
  values: { indicatorId: number; subjectUnitId: number; value: string; comment: string | null }[];
  problems: ImportProblem[];
  /** where each value came from, to point validation findings at their cell */
  cells: Map<string, { sheet: string; row: number; cell: string }>;
};

function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: "", formula: false };
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return { text: "", formula: true };
  if (typeof v === "object" && "richText" in v) return { text: v.richText.map((r) => r.text).join(""), formula: false };
  if (typeof v === "object" && "text" in v) return { text: String(v.text), formula: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false };
  return { text: String(v).trim(), formula: false };
}

/** Reads an uploaded workbook against what the report covers; every cell is checked. */
export async function parseReportWorkbook(data: ArrayBuffer | Buffer, content: Pick<WorkbookContent, "measures" | "indicators">): Promise<ParsedImport> {
  const problems: ImportProblem[] = [];
  const result: ParsedImport = { version: null, items: [], values: [], problems, cells: new Map() };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    problems.push({ sheet: "—", row: 0, cell: "—", messageKey: "reportingExcel.notAWorkbook" });
    return result;
  }
  const guide = wb.getWorksheet(SHEETS.guide);
  const versionMatch = guide ? /版本:(\d+)/.exec(cellText(guide.getCell(2, 1)).text) : null;
  result.version = versionMatch?.[1] ? Number(versionMatch[1]) : null;

  const progress = wb.getWorksheet(SHEETS.progress);
  const valuesSheet = wb.getWorksheet(SHEETS.values);
  if (!progress || !valuesSheet) {
    problems.push({ sheet: !progress ? SHEETS.progress : SHEETS.values, row: 0, cell: "—", messageKey: "reportingExcel.sheetMissing" });
    return result;
  }

  const measuresByCode = new Map(content.measures.map((m) => [m.code, m]));
  const seenMeasures = new Set<number>();
  progress.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const at = (col: number) => ({ sheet: SHEETS.progress, row: rowNumber, cell: row.getCell(col).address });
    const code = cellText(row.getCell(1)).text;
    const cells = FIELD_COLUMNS.map((column) => ({ ...column, ...cellText(row.getCell(column.col)) }));
    if (!code && cells.every((c) => !c.text && !c.formula)) return; // an empty row
    const measure = measuresByCode.get(code);
    if (!measure) return void problems.push({ ...at(1), messageKey: "reportingExcel.unknownMeasure" });
    if (seenMeasures.has(measure.measureId)) return void problems.push({ ...at(1), messageKey: "reportingExcel.duplicateRow" });
    seenMeasures.add(measure.measureId);
    for (const c of cells) if (c.formula) problems.push({ ...at(c.col), messageKey: "reportingExcel.formulaNotAllowed" });
    const item: Record<string, unknown> = { measureId: measure.measureId };
    for (const c of cells) {
      const read = c.field.excel.read(c.text);
      // one unreadable answer (a status not in the list) drops the row: nothing of it is imported
      if (!read.ok) return void problems.push({ ...at(c.col), messageKey: read.messageKey });
      item[c.key] = read.value;
    }
    result.items.push(item as ParsedImport["items"][number]);
    for (const c of cells) result.cells.set(`item.${measure.measureId}.${c.key}`, at(c.col));
  });

  const indicatorsByCode = new Map(content.indicators.map((i) => [i.code, i]));
  const seenValues = new Set<string>();
  valuesSheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const at = (col: number) => ({ sheet: SHEETS.values, row: rowNumber, cell: row.getCell(col).address });
    const code = cellText(row.getCell(1)).text;
    if (!code) return;
    const indicator = indicatorsByCode.get(code);
    if (!indicator) return void problems.push({ ...at(1), messageKey: "reportingExcel.unknownIndicator" });
    const subject = indicator.subjects.find((s) => s.code === cellText(row.getCell(3)).text);
    if (!subject) return void problems.push({ ...at(3), messageKey: "reportingExcel.unknownSubject" });
    const key = `${indicator.id}:${subject.unitId}`;
    if (seenValues.has(key)) return void problems.push({ ...at(1), messageKey: "reportingExcel.duplicateRow" });
    seenValues.add(key);
    const raw = cellText(row.getCell(5));
    const comment = cellText(row.getCell(7));
    if (raw.formula || comment.formula) return void problems.push({ ...at(raw.formula ? 5 : 7), messageKey: "reportingExcel.formulaNotAllowed" });
    let value = raw.text;
    if (value !== "") {
      if (indicator.valueType === "BOOLEAN") {
        const lower = value.toLowerCase();
        if (YES.includes(lower)) value = "true";
        else if (NO.includes(lower)) value = "false";
        else return void problems.push({ ...at(5), messageKey: "reportingExcel.badBoolean" });
      } else if (!/^-?\d+(\.\d+)?$/.test(value)) {
        return void problems.push({ ...at(5), messageKey: "reportingExcel.notANumber" });
      }
    }
    result.values.push({ indicatorId: indicator.id, subjectUnitId: subject.unitId, value, comment: comment.text || null });
    result.cells.set(`value.${indicator.id}.${subject.unitId}`, at(5));
  });
  return result;
}
