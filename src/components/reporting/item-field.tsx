"use client";

import type { MessageKey } from "@/i18n/message-files";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/form-kit";
import { optionMessageKey, reportItemField, type ItemFieldKey } from "@/shared/reporting/report-fields";
import { itemKey } from "@/shared/reporting/validation";
import type { ItemState } from "./form-types";

// One field of a report item in the edit form, drawn from its entry in report-fields.ts: a choice
// is a row of radio buttons, text a box (with a character count where the field asks for one).
// Ids follow the error keys (`field-item.<measureId>.<field>`), which the error summary links to.

export const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

type Props = {
  measureId: number;
  fieldKey: ItemFieldKey;
  item: ItemState;
  errors: MessageKey[] | undefined;
  onItem: (patch: Partial<ItemState>) => void;
};

export function ItemField({ measureId, fieldKey, item, errors, onItem }: Props) {
  const t = useTranslations();
  const field = reportItemField(fieldKey);
  const key = itemKey(measureId, fieldKey);
  const value = item[fieldKey];

  if (field.kind === "choice") {
    return (
      <fieldset className={`mt-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`} aria-describedby={describedBy(errors && `${key}-error`)}>
        <legend className="font-medium">{t(field.labelKey)}</legend>
        <FieldError id={`${key}-error`} errors={errors} />
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {field.options.map((option, index) => {
            const id = index === 0 ? `field-${key}` : `field-${key}-${option}`;
            return (
              <label key={option} htmlFor={id} className="flex items-center gap-2">
                <input id={id} type="radio" name={`${fieldKey}-${measureId}`} value={option} checked={value === option} onChange={() => onItem({ [fieldKey]: option })} className="h-5 w-5" />
                {t(optionMessageKey(field, option))}
              </label>
            );
          })}
        </div>
      </fieldset>
    );
  }

  const length = value.length;
  const over = field.counter ? length - field.max : 0;
  const flagged = !!errors || over > 0;
  return (
    <div className={`mt-4 ${flagged ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <label htmlFor={`field-${key}`} className="block font-medium">{t(field.labelKey)}</label>
      {field.hintKey && <p id={`${key}-hint`} className="text-sm text-stone-600">{t(field.hintKey, { max: field.max })}</p>}
      <FieldError id={`${key}-error`} errors={errors} />
      <textarea
        id={`field-${key}`}
        value={value}
        onChange={(e) => onItem({ [fieldKey]: e.target.value })}
        rows={field.rows}
        required={field.requiredKey ? true : undefined}
        aria-invalid={flagged ? true : undefined}
        aria-describedby={describedBy(field.hintKey && `${key}-hint`, field.counter && `${key}-count`, errors && `${key}-error`)}
        className={`mt-1 w-full rounded border-2 px-2 py-1 ${flagged ? "border-red-700" : "border-stone-700"}`}
      />
      {field.counter && (
        <p id={`${key}-count`} className={`text-sm ${over > 0 ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {over > 0 ? t("reporting.form.lengthOver", { count: over }) : t("reporting.form.lengthCount", { count: length, max: field.max })}
        </p>
      )}
    </div>
  );
}
