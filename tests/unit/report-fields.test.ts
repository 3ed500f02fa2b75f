import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemsField } from "@/server/reporting/input";
import { diffSnapshots, type ReportSnapshot } from "@/server/reporting/snapshot";
import { buildReportWorkbook, parseReportWorkbook, type WorkbookContent } from "@/server/reporting-excel/workbook";
import { emptyItem, ITEM_FIELD_KEYS, itemFormInput, itemFormState, normalizeItem, reportItemField, snapshotItem, type ItemFieldKey, type ItemFields } from "@/shared/reporting/report-fields";
import { validateReport } from "@/shared/reporting/validation";

// Every field of report-fields.ts, whatever it is, must survive each path an item takes: the save
// input, the workbook out and back, the snapshot and its diff, the form's state, and have its
// messages in both languages. A field added to the table but not wired through one of them fails
// here, by name.

/** Values worth writing into the field: every answer of a choice; text with lines, Chinese and a leading "=". */
function samples(key: ItemFieldKey): string[] {
  const field = reportItemField(key);
  return field.kind === "choice" ? [...field.options] : ["=1+1 开头的说明也只是文字\n第二段", "plain text"];
}

/** An item holding `value` in `key`, with whatever makes the field apply (a reason needs "not applicable"). */
function itemWith(key: ItemFieldKey, value: string): ItemFields {
  const item = { ...emptyItem(), [key]: value } as ItemFields;
  const field = reportItemField(key);
  if (field.appliesWhen && !field.appliesWhen(item)) item.progress = "NOT_APPLICABLE";
  // a reason only exists for a measure that does not apply: give every sample item one
  if (item.progress === "NOT_APPLICABLE" && !item.notApplicableReason) item.notApplicableReason = "本区无此类学校";
  return item;
}

const cases = ITEM_FIELD_KEYS.flatMap((key) => samples(key).map((value) => ({ key, value, item: itemWith(key, value) })));

function messages(locale: string): Record<string, unknown> {
  const dir = path.resolve(import.meta.dirname, "../../src/i18n/messages", locale);
  return Object.assign({}, ...["reporting.json", "reporting-excel.json"].map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8"))));
}
const lookup = (tree: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe("report item fields (report-fields.ts)", () => {
  it("has fields, each reachable by its key", () => {
    expect(ITEM_FIELD_KEYS.length).toBeGreaterThan(0);
    for (const key of ITEM_FIELD_KEYS) expect(reportItemField(key)).toBeDefined();
  });

  it.each(ITEM_FIELD_KEYS)("%s: round-trips through the workbook (export, then import gives the same values)", async (key) => {
    const mine = cases.filter((c) => c.key === key);
    const content: WorkbookContent = {
      title: "往返测试",
      reportId: 1,
      version: 1,
      measures: mine.map((_, i) => ({ measureId: 100 + i, code: `M${100 + i}`, label: `第${100 + i}条`, title: null })),
      indicators: [],
      items: new Map(mine.map((c, i) => [100 + i, c.item])),
      values: new Map(),
    };
    const parsed = await parseReportWorkbook(await buildReportWorkbook(content), content);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items).toEqual(mine.map((c, i) => ({ measureId: 100 + i, ...c.item })));
    // every field's cell is known, so validation findings can point at it
    for (const [i] of mine.entries()) expect(parsed.cells.has(`item.${100 + i}.${key}`)).toBe(true);
  });

  it.each(ITEM_FIELD_KEYS)("%s: a change shows in the diff between two submissions", (key) => {
    for (const { value, item } of cases.filter((c) => c.key === key)) {
      const before = { ...item, [key]: emptyItem()[key] } as ItemFields;
      if (snapshotItem(before)[key] === snapshotItem(item)[key]) continue; // the sample is the empty value itself
      const snapshot = (fields: ItemFields): ReportSnapshot => ({ items: [{ measureId: 7, label: "第7条", ...snapshotItem(fields) }], values: [] });
      expect(diffSnapshots(snapshot(before), snapshot(item))).toEqual([
        { key: `item.7.${key}`, kind: "item", measureId: 7, indicatorId: null, subjectUnitId: null, field: key, before: snapshotItem(before)[key], after: value.trim() },
      ]);
    }
  });

  it.each(ITEM_FIELD_KEYS)("%s: is accepted by the save input and kept by the save and the form", (key) => {
    for (const { item } of cases.filter((c) => c.key === key)) {
      const parsed = itemsField.parse(JSON.stringify([{ measureId: 7, ...item }]));
      expect(normalizeItem(parsed[0]!)).toEqual(normalizeItem(item));
      expect(normalizeItem(itemFormInput(itemFormState(item)))).toEqual(normalizeItem(item));
      expect(validateReport({ items: [{ measureId: 7, ...item }], values: [] }, [], {}).errors).toEqual({});
    }
  });

  it.each(ITEM_FIELD_KEYS)("%s: enforces its own limit", (key) => {
    const field = reportItemField(key);
    if (field.kind !== "text") return;
    const item = itemWith(key, "字".repeat(field.max + 1));
    expect(validateReport({ items: [{ measureId: 7, ...item }], values: [] }, [], {}).errors).toEqual({ [`item.7.${key}`]: [field.tooLongKey] });
  });

  it.each(["zh-CN", "en"])("names every field, hint and answer in %s", (locale) => {
    const tree = messages(locale);
    const missing: string[] = [];
    for (const key of ITEM_FIELD_KEYS) {
      const field = reportItemField(key);
      const keys: string[] = [field.labelKey];
      if (field.kind === "choice") {
        keys.push(...field.options.map((o) => `${field.optionsKey}.${o}`));
        // what the import says about a cell that holds none of the answers
        const refused = field.excel.read("not an answer");
        expect(refused.ok).toBe(false);
        if (!refused.ok) keys.push(refused.messageKey);
      } else {
        keys.push(field.tooLongKey, ...[field.hintKey, field.emptyViewKey, field.requiredKey].filter((k) => k !== undefined));
      }
      for (const k of keys) if (typeof lookup(tree, k) !== "string") missing.push(`${key}: ${k}`);
    }
    expect(missing).toEqual([]);
  });
});
