"use client";

import { CheckboxesField, ErrorSummary, SubmitButton, SuccessNotice, TextareaField, TextField, useFormAction, type FormAction } from "@/components/ui/form-kit";

// One action with a few fields, declared as data by a server page (which cannot pass functions
// to the client): the kit's fields, GOV.UK errors, the input kept, the page reloaded on success.

export type ActionField =
  | { kind: "text" | "date"; name: string; label: string; hint?: string; defaultValue?: string; required?: boolean; maxLength?: number }
  | { kind: "textarea"; name: string; label: string; hint?: string; required?: boolean; maxLength?: number }
  | { kind: "checkboxes"; name: string; label: string; hint?: string; options: { value: string; label: string }[] };

type Props<T> = {
  action: FormAction<T>;
  /** ids and the like: never trusted by the server, which loads the record itself */
  hidden: Record<string, string | number>;
  fields?: ActionField[];
  submitLabel: string;
  doneMessage: string;
  tone?: "primary" | "secondary" | "danger";
  /** a short explanation above the fields */
  intro?: string;
  /** a unique prefix when several forms share a page, so field ids stay unique */
  idPrefix?: string;
};

export function ActionForm<T>({ action, hidden, fields = [], submitLabel, doneMessage, tone = "primary", intro, idPrefix = "" }: Props<T>) {
  const [result, formAction] = useFormAction(action);
  const labels = Object.fromEntries(fields.map((f) => [`${idPrefix}${f.name}`, f.label]));
  // The summary links to `field-<prefix><name>`: with a prefix, its error keys are re-keyed to match.
  const summarised =
    result && !result.ok && idPrefix && result.fieldErrors
      ? { ...result, fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [`${idPrefix}${k}`, v])) }
      : result;
  return (
    <div>
      {intro && <p className="mb-3 text-stone-700">{intro}</p>}
      {result?.ok && <SuccessNotice>{doneMessage}</SuccessNotice>}
      <ErrorSummary result={summarised} labels={labels} />
      <form action={formAction} noValidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields.map((field) =>
          field.kind === "checkboxes" ? (
            <CheckboxesField key={field.name} name={field.name} label={field.label} hint={field.hint} options={field.options} result={result} idPrefix={idPrefix} />
          ) : field.kind === "textarea" ? (
            <TextareaField key={field.name} name={field.name} label={field.label} hint={field.hint} required={field.required} maxLength={field.maxLength} rows={3} result={result} idPrefix={idPrefix} />
          ) : (
            <TextField key={field.name} name={field.name} label={field.label} hint={field.hint} type={field.kind} defaultValue={field.defaultValue} required={field.required} maxLength={field.maxLength} autoComplete="off" result={result} idPrefix={idPrefix} />
          ),
        )}
        <SubmitButton tone={tone}>{submitLabel}</SubmitButton>
      </form>
    </div>
  );
}
