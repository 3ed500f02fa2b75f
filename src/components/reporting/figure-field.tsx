"use client";

import type { MessageKey } from "@/i18n/message-files";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/form-kit";
import { valueKey } from "@/shared/reporting/validation";
import type { FormIndicator, FormSubject, ValueState } from "./form-types";
import { describedBy } from "./item-field";
import { figureKey } from "./ratio";

// One typed figure of an indicator about one subject unit: a number or yes/no, with the last
// approved figure beside it and, when a warning applies (a large change against that figure, a
// missing value), the comment that answers it. FigureField is a figure about the unit itself;
// FigureCell the same figure for one township, inside the township table.

type FigureProps = {
  indicator: FormIndicator;
  subject: FormSubject;
  state: ValueState;
  previous: string | undefined;
  warnings: MessageKey[] | undefined;
  errorsAt: (field: string) => MessageKey[] | undefined;
  onValue: (key: string, patch: Partial<ValueState>) => void;
};

/** One figure about the unit: a number, or yes/no; with a comment when a warning applies. */
export function FigureField({ indicator, subject, state, previous, warnings, errorsAt, onValue }: FigureProps) {
  const t = useTranslations("reporting.form");
  const field = valueKey(indicator.id, subject.id);
  const key = figureKey(indicator.id, subject.id);
  const id = `field-${field}`;
  const errors = errorsAt(field);
  const commentErrors = errorsAt(`${field}.comment`);
  const warn = !!warnings || state.comment !== "" || !!commentErrors;

  if (indicator.valueType === "BOOLEAN") {
    return (
      <fieldset className={errors ? "border-l-4 border-red-700 pl-3" : ""}>
        <legend>{indicator.name}</legend>
        <FieldError id={`${field}-error`} errors={errors} />
        <div className="mt-1 flex gap-6">
          <YesNoRadios id={id} field={field} value={state.value} onChange={(value) => onValue(key, { value })} />
        </div>
        {warn && <Warning field={field} warnings={warnings} state={state} commentErrors={commentErrors} onValue={(patch) => onValue(key, patch)} />}
      </fieldset>
    );
  }

  const hintId = `${field}-hint`;
  return (
    <div className={errors ? "border-l-4 border-red-700 pl-3" : ""}>
      <label htmlFor={id} className="block">{indicator.name}</label>
      {previous !== undefined && previous !== "" && (
        <p id={hintId} className="text-sm text-stone-600">{t("previousValue", { value: previous })}</p>
      )}
      <FieldError id={`${field}-error`} errors={errors} />
      <div className="mt-1 flex items-center gap-2">
        <NumberInput
          id={id}
          indicator={indicator}
          value={state.value}
          onChange={(value) => onValue(key, { value })}
          invalid={!!errors}
          describedBy={describedBy(previous ? hintId : null, errors && `${field}-error`)}
          width="w-40 tabular-nums"
        />
        {indicator.unitOfMeasure && <span className="text-stone-700">{indicator.unitOfMeasure}</span>}
      </div>
      {warn && <Warning field={field} warnings={warnings} state={state} commentErrors={commentErrors} onValue={(patch) => onValue(key, patch)} />}
    </div>
  );
}

function Warning({ field, warnings, state, commentErrors, onValue }: { field: string; warnings: MessageKey[] | undefined; state: ValueState; commentErrors: MessageKey[] | undefined; onValue: (patch: Partial<ValueState>) => void }) {
  const t = useTranslations("reporting.form");
  const tAll = useTranslations();
  const id = `field-${field}.comment`;
  return (
    <div className={`mt-2 border-l-4 p-2 ${commentErrors ? "border-red-700" : "border-amber-500"} bg-amber-50`}>
      {warnings && (
        <p id={`${field}-warning`} className="text-amber-900">
          <span className="font-semibold">{t("warningPrefix")} </span>
          {warnings.map((m) => tAll(m)).join(" ")}
        </p>
      )}
      <label htmlFor={id} className="mt-1 block text-sm font-medium">{t("comment")}</label>
      <FieldError id={`${field}.comment-error`} errors={commentErrors} />
      <textarea
        id={id}
        rows={2}
        value={state.comment}
        onChange={(e) => onValue({ comment: e.target.value })}
        aria-invalid={commentErrors ? true : undefined}
        aria-describedby={describedBy(warnings && `${field}-warning`, commentErrors && `${field}.comment-error`)}
        className="mt-1 w-full rounded border-2 border-stone-700 px-2 py-1 text-sm"
      />
    </div>
  );
}

/** A township cell: yes/no radios (or a number), labelled by its row and column headers. */
export function FigureCell(props: CellProps) {
  const { indicator, subject, state, warnings, onValue } = props;
  const t = useTranslations("reporting.form");
  const tAll = useTranslations();
  const field = valueKey(indicator.id, subject.id);
  const key = figureKey(indicator.id, subject.id);
  if (!warnings && state.comment === "") return <CellValue {...props} />;
  return (
    <div className="space-y-1">
      <CellValue {...props} />
      {warnings && <p id={`${field}-warning`} className="text-xs text-amber-900">{warnings.map((m) => tAll(m)).join(" ")}</p>}
      <input
        id={`field-${field}.comment`}
        type="text"
        value={state.comment}
        onChange={(e) => onValue(key, { comment: e.target.value })}
        aria-label={`${subject.name} · ${indicator.name} · ${t("comment")}`}
        aria-describedby={warnings ? `${field}-warning` : undefined}
        placeholder={t("comment")}
        className="w-full rounded border border-amber-600 px-1 py-0.5 text-xs"
      />
    </div>
  );
}

/** The yes and no radios of a boolean figure; the first carries the field's id (error links land on it). */
/** A typed figure: text, not type="number", so "1,2" or "12a" reach validation and get its message. */
function NumberInput({ id, indicator, value, onChange, invalid, labelledBy, describedBy, width }: { id: string; indicator: FormIndicator; value: string; onChange: (value: string) => void; invalid: boolean; labelledBy?: string; describedBy?: string; width: string }) {
  return (
    <input
      id={id}
      type="text"
      inputMode={indicator.valueType === "COUNT" ? "numeric" : "decimal"}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-labelledby={labelledBy}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      className={`${width} rounded border-2 px-2 py-1 text-right font-mono ${invalid ? "border-red-700" : "border-stone-700"}`}
    />
  );
}

function YesNoRadios({ id, field, value, onChange, compact }: { id: string; field: string; value: string; onChange: (value: "true" | "false") => void; compact?: boolean }) {
  const t = useTranslations("reporting.form");
  return (["true", "false"] as const).map((v, index) => (
    <label key={v} className={`flex items-center ${compact ? "gap-1" : "gap-2"}`}>
      <input id={index === 0 ? id : `${id}-${v}`} type="radio" name={field} value={v} checked={value === v} onChange={() => onChange(v)} className={compact ? "h-4 w-4" : "h-5 w-5"} />
      {v === "true" ? t("yes") : t("no")}
    </label>
  ));
}

type CellProps = { indicator: FormIndicator; subject: FormSubject; state: ValueState; errors: MessageKey[] | undefined; warnings: MessageKey[] | undefined; onValue: (key: string, patch: Partial<ValueState>) => void };

function CellValue({ indicator, subject, state, errors, onValue }: CellProps) {
  const field = valueKey(indicator.id, subject.id);
  const key = figureKey(indicator.id, subject.id);
  const id = `field-${field}`;
  if (indicator.valueType === "BOOLEAN") {
    return (
      <div role="radiogroup" aria-labelledby={`row-${subject.id} col-${indicator.id}`} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${field}-error` : undefined} className={`flex gap-4 ${errors ? "border-l-4 border-red-700 pl-2" : ""}`}>
        <FieldError id={`${field}-error`} errors={errors} />
        <YesNoRadios id={id} field={field} value={state.value} onChange={(value) => onValue(key, { value })} compact />
      </div>
    );
  }
  return (
    <>
      <FieldError id={`${field}-error`} errors={errors} />
      <NumberInput
        id={id}
        indicator={indicator}
        value={state.value}
        onChange={(value) => onValue(key, { value })}
        invalid={!!errors}
        labelledBy={`row-${subject.id} col-${indicator.id}`}
        describedBy={errors ? `${field}-error` : undefined}
        width="w-28"
      />
    </>
  );
}
