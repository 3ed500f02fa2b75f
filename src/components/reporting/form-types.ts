// What the report page hands the client form: plain, already translated where it can be, and
// nothing the form does not show (no raw database rows cross to the browser).

import type { IndicatorRule } from "@/shared/reporting/validation";

export type ProgressValue = "NOT_STARTED" | "UNDER_WAY" | "ACHIEVED" | "NOT_APPLICABLE";
export const PROGRESS_VALUES: ProgressValue[] = ["NOT_STARTED", "UNDER_WAY", "ACHIEVED", "NOT_APPLICABLE"];

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

export type ItemState = { progress: ProgressValue; notApplicableReason: string; narrative: string };
export type ValueState = { value: string; comment: string };

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
