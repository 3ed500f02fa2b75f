// What the report page hands the client form: plain, already translated where it can be, and
// nothing the form does not show (no raw database rows cross to the browser).

import { emptyItemState, type ItemFormState } from "@/shared/reporting/report-fields";
import type { IndicatorRule } from "@/shared/reporting/validation";

export type FormIndicator = {
  id: number;
  code: string;
  name: string;
  valueType: "COUNT" | "AMOUNT" | "BOOLEAN" | "RATIO";
  unitOfMeasure: string | null;
  scope: "UNIT" | "TOWNSHIP";
  numeratorId: number | null;
  denominatorId: number | null;
};

export type FormMeasure = {
  measureId: number;
  heading: string;
  reviewStatus: "PENDING" | "APPROVED" | "RETURNED";
  returnReason: string | null;
  indicators: FormIndicator[];
};

/** One item's fields as typed (report-fields.ts decides which there are). */
export type ItemState = ItemFormState;
export type ValueState = { value: string; comment: string };

/** What the form shows for an item it has no state for, and for a figure not typed yet. */
export const EMPTY_ITEM: ItemState = emptyItemState();
export const EMPTY_VALUE: ValueState = { value: "", comment: "" };

export type FormSubject = { id: number; name: string };

export type ReportFormProps = {
  reportId: number;
  version: number;
  status: string;
  measures: FormMeasure[];
  /** the reporting unit (UNIT-scope figures are about it) and its townships */
  unit: FormSubject;
  townships: FormSubject[];
  items: Record<number, ItemState>;
  /** by valueKey(indicatorId, subjectUnitId) */
  values: Record<string, ValueState>;
  /** last approved cycle's figures, by valueKey, for the large-change warning */
  previous: Record<string, string>;
  /** the same rules the server applies, so warnings show while typing */
  rules: IndicatorRule[];
  /** where a signed-out user signs in again */
  loginHref: string;
};
