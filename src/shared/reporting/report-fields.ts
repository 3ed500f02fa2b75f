import * as z from "zod/mini";
import type { ProgressStatus } from "@/generated/prisma/enums";
import type { MessageKey } from "@/i18n/message-files";

// The fields a filer fills in on each report item (ReportItem in prisma/schema.prisma), declared
// once. Everything that handles an item goes through this table: the save input and its
// validation, the submission snapshot and its diff, the workbook export and import, the edit
// form and the read-only view. A new field is one entry here (plus its column, its label in
// both message files and a test); tests/unit/report-fields.test.ts fails for an entry that does
// not survive the workbook or the diff.
//
// zod/mini, not zod: this file ships to the browser with the report form, and mini's schemas
// are tree-shaken to the few checks used here. They compose with the server's zod objects.

const MALFORMED = "reportingErrors.malformed";
/** Generous bounds against abuse; the real limits (4000 characters of narrative …) are field errors. */
const TRANSPORT_MAX = 20_000;

export const PROGRESS_VALUES = ["NOT_STARTED", "UNDER_WAY", "ACHIEVED", "NOT_APPLICABLE"] as const satisfies readonly ProgressStatus[];

/** What a field's rules may look at besides its own value. */
type ItemContext = { progress: ProgressStatus };

/** A cell read back from the workbook: its value, or the message key of what is wrong with it. */
export type CellRead<V> = { ok: true; value: V } | { ok: false; messageKey: MessageKey };

type ExcelColumn<V> = {
  /** the column header (the workbook is in Chinese only, like the paper forms it replaces) */
  header: string;
  width: number;
  /** long text: wrapped and aligned to the top */
  wrap?: boolean;
  /** the only answers Excel offers (a drop-down) */
  choices?: readonly string[];
  write: (value: V) => string;
  /** `text` is the cell's text, trimmed; a formula never gets here */
  read: (text: string) => CellRead<V>;
};

type FieldCommon = {
  /** message key of the field's name: form label, view, diff, error summary */
  labelKey: MessageKey;
  /** the field means something only when this holds (a reason only for "not applicable") */
  appliesWhen?: (item: ItemContext) => boolean;
};

export type ChoiceField<V extends string> = FieldCommon & {
  kind: "choice";
  options: readonly V[];
  /** message key prefix of each option's name: `${optionsKey}.${option}` */
  optionsKey: string;
  /** a new item's answer */
  empty: V;
  /** the save input's check of the value's shape */
  input: z.ZodMiniEnum<{ [K in V]: K }>;
  excel: ExcelColumn<V>;
};

export type TextField = FieldCommon & {
  kind: "text";
  /** characters allowed, and the error key past it */
  max: number;
  tooLongKey: MessageKey;
  /** required whenever it applies, with this error key */
  requiredKey?: MessageKey;
  hintKey?: MessageKey;
  /** what the read-only view shows for an empty value (default "—") */
  emptyViewKey?: MessageKey;
  rows: number;
  /** show the "n of max characters" count under the box */
  counter?: boolean;
  input: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
  excel: ExcelColumn<string | null>;
};

export type ReportItemField = ChoiceField<string> | TextField;

const textInput = () => z.nullish(z.string({ error: MALFORMED }).check(z.maxLength(TRANSPORT_MAX, MALFORMED)));
/** Text goes in as text: a narrative that starts with "=" is a string cell, never a formula. */
const textColumn = (column: Pick<ExcelColumn<string | null>, "header" | "width" | "wrap">): ExcelColumn<string | null> => ({
  ...column,
  write: (value) => value ?? "",
  read: (text) => ({ ok: true, value: text || null }),
});

function choiceField<const V extends string>(field: Omit<ChoiceField<V>, "kind" | "input" | "excel"> & { excel: { header: string; width: number; labels: Record<V, string>; badKey: MessageKey } }): ChoiceField<V> {
  const { labels, badKey, ...column } = field.excel;
  const byLabel = new Map(field.options.map((option) => [labels[option], option]));
  return {
    ...field,
    kind: "choice",
    input: z.enum(field.options as readonly V[] as [V, ...V[]], { error: MALFORMED }) as unknown as ChoiceField<V>["input"],
    excel: {
      ...column,
      choices: field.options.map((option) => labels[option]),
      write: (value) => labels[value],
      read: (text) => {
        const value = byLabel.get(text);
        return value === undefined ? { ok: false, messageKey: badKey } : { ok: true, value };
      },
    },
  };
}

function textField(field: Omit<TextField, "kind" | "input" | "excel"> & { excel: Pick<ExcelColumn<string | null>, "header" | "width" | "wrap"> }): TextField {
  return { ...field, kind: "text", input: textInput(), excel: textColumn(field.excel) };
}

const notApplicable = (item: ItemContext) => item.progress === "NOT_APPLICABLE";

export const REPORT_ITEM_FIELDS = {
  progress: choiceField({
    labelKey: "reporting.form.progress",
    options: PROGRESS_VALUES,
    optionsKey: "reporting.progress",
    empty: "NOT_STARTED",
    excel: {
      header: "进展状态",
      width: 12,
      labels: { NOT_STARTED: "未开始", UNDER_WAY: "推进中", ACHIEVED: "已完成", NOT_APPLICABLE: "不适用" },
      badKey: "reportingExcel.badProgress",
    },
  }),
  notApplicableReason: textField({
    labelKey: "reporting.form.notApplicableReason",
    hintKey: "reporting.form.notApplicableHint",
    appliesWhen: notApplicable,
    requiredKey: "reportingErrors.notApplicableReasonRequired",
    max: 1000,
    tooLongKey: "reportingErrors.reasonTooLong",
    rows: 2,
    excel: { header: "不适用原因", width: 30 },
  }),
  narrative: textField({
    labelKey: "reporting.form.narrative",
    hintKey: "reporting.form.narrativeHint",
    emptyViewKey: "reporting.view.noNarrative",
    max: 4000,
    tooLongKey: "reportingErrors.narrativeTooLong",
    rows: 6,
    counter: true,
    excel: { header: "进展情况说明", width: 80, wrap: true },
  }),
};

type Fields = typeof REPORT_ITEM_FIELDS;
export type ItemFieldKey = keyof Fields;
export const ITEM_FIELD_KEYS = Object.keys(REPORT_ITEM_FIELDS) as ItemFieldKey[];

type Stored<F> = F extends ChoiceField<infer V> ? V : string | null;
type Typed<F> = F extends ChoiceField<infer V> ? V : string;

/** An item's fields as stored: empty text is null. */
export type ItemFields = { [K in ItemFieldKey]: Stored<Fields[K]> };
/** An item's fields as the form holds them while typing: empty text is "". */
export type ItemFormState = { [K in ItemFieldKey]: Typed<Fields[K]> };

/** The save input's item fields, for `z.object({ measureId, ...ITEM_FIELD_INPUTS })`. */
export const ITEM_FIELD_INPUTS = Object.fromEntries(ITEM_FIELD_KEYS.map((key) => [key, REPORT_ITEM_FIELDS[key].input])) as { [K in ItemFieldKey]: Fields[K]["input"] };
/** An item's fields as a save sends them: text may be left out. */
export type ItemFieldsInput = z.infer<z.ZodMiniObject<typeof ITEM_FIELD_INPUTS>>;

/** `select` of every item field, for Prisma. */
export const ITEM_FIELD_SELECT = Object.fromEntries(ITEM_FIELD_KEYS.map((key) => [key, true])) as { [K in ItemFieldKey]: true };

/** The field's entry, widened for code that handles every field alike. */
/**
 * The message key of one option's name. The template cannot be checked by the compiler;
 * tests/unit/report-fields.test.ts checks every option has its message in both languages.
 */
export const optionMessageKey = (field: ChoiceField<string>, option: string) => `${field.optionsKey}.${option}` as MessageKey;

export const reportItemField = (key: ItemFieldKey): ReportItemField => REPORT_ITEM_FIELDS[key] as ReportItemField;

const applies = (field: ReportItemField, item: ItemContext) => !field.appliesWhen || field.appliesWhen(item);

/** Just the item fields of a row that has more; text left out is null. */
export function itemFields(row: ItemFieldsInput): ItemFields {
  return Object.fromEntries(ITEM_FIELD_KEYS.map((key) => [key, row[key] ?? null])) as ItemFields;
}

/** A new item as stored: the first answer of each choice, no text. The one default item. */
export function emptyItem(): ItemFields {
  const out: Record<string, string | null> = {};
  for (const key of ITEM_FIELD_KEYS) {
    const field = reportItemField(key);
    out[key] = field.kind === "choice" ? field.empty : null;
  }
  return out as ItemFields;
}

/** A field's value as its workbook cell holds it. */
export function excelCellText(key: ItemFieldKey, item: ItemFields): string {
  const field = reportItemField(key);
  return field.kind === "choice" ? field.excel.write(item[key] as string) : field.excel.write(item[key]);
}

/**
 * An item as it is saved: text trimmed, empty text null, a field that does not apply (a reason
 * when the measure applies after all) dropped.
 */
export function normalizeItem(input: ItemFieldsInput): ItemFields {
  const out: Record<string, string | null> = {};
  for (const key of ITEM_FIELD_KEYS) {
    const field = reportItemField(key);
    const value = input[key];
    out[key] = field.kind === "choice" ? (value as string) : applies(field, input) ? value?.trim() || null : null;
  }
  return out as ItemFields;
}

/** The frozen form of an item in a submission's snapshot: what the diff compares. */
export function snapshotItem(input: ItemFieldsInput): ItemFields {
  const out: Record<string, string | null> = {};
  for (const key of ITEM_FIELD_KEYS) {
    const field = reportItemField(key);
    const value = input[key];
    out[key] = field.kind === "choice" ? (value as string) : value?.trim() || null;
  }
  return out as ItemFields;
}

/** The errors of one item's fields, by field key (messages in reportingErrors). */
export function itemFieldErrors(item: ItemFieldsInput): Partial<Record<ItemFieldKey, MessageKey[]>> {
  const errors: Partial<Record<ItemFieldKey, MessageKey[]>> = {};
  const add = (key: ItemFieldKey, message: MessageKey) => (errors[key] ??= []).push(message);
  for (const key of ITEM_FIELD_KEYS) {
    const field = reportItemField(key);
    if (field.kind !== "text") continue;
    const value = item[key] as string | null | undefined;
    if (field.requiredKey && applies(field, item) && !value?.trim()) add(key, field.requiredKey);
    if ((value?.length ?? 0) > field.max) add(key, field.tooLongKey);
  }
  return errors;
}

/** A stored item as the form shows it. */
export function itemFormState(stored: ItemFields): ItemFormState {
  const out: Record<string, string> = {};
  for (const key of ITEM_FIELD_KEYS) out[key] = stored[key] ?? "";
  return out as ItemFormState;
}

/** A new item in the form: nothing typed, the first answer of each choice. */
export const emptyItemState = (): ItemFormState => itemFormState(emptyItem());

/** What the form sends for an item: a field that does not apply goes as empty text. */
export function itemFormInput(state: ItemFormState): ItemFieldsInput {
  const out: Record<string, string> = {};
  for (const key of ITEM_FIELD_KEYS) {
    const field = reportItemField(key);
    out[key] = field.kind === "text" && !applies(field, state) ? "" : state[key];
  }
  return out as ItemFieldsInput;
}

/** Whether the field is shown (in the form and the read-only view) for an item in this state. */
export const fieldApplies = (key: ItemFieldKey, item: ItemContext) => applies(reportItemField(key), item);
