"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ErrorSummary, SubmitButton, SuccessNotice, TextField } from "@/components/ui/form-kit";
import type { ActionResult } from "@/server/actions/define-action";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type ActionField =
  | { kind: "text" | "date"; name: string; label: string; hint?: string; defaultValue?: string; required?: boolean; maxLength?: number }
  | { kind: "textarea"; name: string; label: string; hint?: string; required?: boolean; maxLength?: number }
  | { kind: "checkboxes"; name: string; label: string; hint?: string; options: { value: string; label: string }[] };

type Props<T> = {
  action: Action<T>;
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

/** The message under a field's label; the prefix is read out so the error is heard as one. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations();
  if (!errors) return null;
  return (
    <p id={id} className="font-medium text-red-800">
      <span className="sr-only">{t("errors.errorPrefix")} </span>
      {[...new Set(errors)].map((m) => t(m)).join(" ")}
    </p>
  );
}

/** What every single-input field needs: its id, its errors, the value kept after a refusal, its description ids. */
function fieldState(field: { name: string; hint?: string }, result: ActionResult<unknown> | null, prefix: string) {
  const errors = result && !result.ok ? result.fieldErrors?.[field.name] : undefined;
  const kept = result && !result.ok ? result.values?.[field.name] : undefined;
  const id = `field-${prefix}${field.name}`;
  const describedBy = [field.hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { errors, kept: typeof kept === "string" ? kept : undefined, id, describedBy };
}

/** Label, hint and error above one input, GOV.UK style. */
function Labelled({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      <FieldError id={`${id}-error`} errors={errors} />
      {children}
    </div>
  );
}

function TextArea({ field, result, prefix }: { field: Extract<ActionField, { kind: "textarea" }>; result: ActionResult<unknown> | null; prefix: string }) {
  const { errors, kept, id, describedBy } = fieldState(field, result, prefix);
  return (
    <Labelled id={id} label={field.label} hint={field.hint} errors={errors}>
      <textarea
        id={id}
        name={field.name}
        rows={3}
        defaultValue={kept}
        required={field.required}
        maxLength={field.maxLength}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 w-full max-w-2xl rounded border-2 px-2 py-1 ${errors ? "border-red-700" : "border-stone-700"}`}
      />
    </Labelled>
  );
}

/** One action with a few fields: GOV.UK errors, the input kept, the page reloaded on success. */
export function ActionForm<T>({ action, hidden, fields = [], submitLabel, doneMessage, tone = "primary", intro, idPrefix = "" }: Props<T>) {
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const labels = Object.fromEntries(fields.map((f) => [`${idPrefix}${f.name}`, f.label]));
  // The kit's fields use `field-<name>` ids; with a prefix, error keys are re-keyed to match.
  const shown = result && !result.ok && idPrefix && result.fieldErrors
    ? { ...result, fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [`${idPrefix}${k}`, v])) }
    : result;
  return (
    <div>
      {intro && <p className="mb-3 text-stone-700">{intro}</p>}
      {result?.ok && <SuccessNotice>{doneMessage}</SuccessNotice>}
      <ErrorSummary result={shown} labels={labels} />
      <form action={formAction} noValidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields.map((field) =>
          field.kind === "checkboxes" ? (
            <Checkboxes key={field.name} field={field} result={result} prefix={idPrefix} />
          ) : field.kind === "textarea" ? (
            <TextArea key={field.name} field={field} result={result} prefix={idPrefix} />
          ) : idPrefix ? (
            <PrefixedField key={field.name} field={field} result={result} prefix={idPrefix} />
          ) : (
            <TextField key={field.name} name={field.name} label={field.label} hint={field.hint} type={field.kind} defaultValue={field.defaultValue} required={field.required} maxLength={field.maxLength} result={result} autoComplete="off" />
          ),
        )}
        <SubmitButton tone={tone}>{submitLabel}</SubmitButton>
      </form>
    </div>
  );
}

function PrefixedField({ field, result, prefix }: { field: Extract<ActionField, { kind: "text" | "date" }>; result: ActionResult<unknown> | null; prefix: string }) {
  const { errors, kept, id, describedBy } = fieldState(field, result, prefix);
  return (
    <Labelled id={id} label={field.label} hint={field.hint} errors={errors}>
      <input
        id={id}
        name={field.name}
        type={field.kind}
        defaultValue={kept ?? field.defaultValue}
        required={field.required}
        maxLength={field.maxLength}
        autoComplete="off"
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 w-full max-w-md rounded border-2 px-2 py-1 ${errors ? "border-red-700" : "border-stone-700"}`}
      />
    </Labelled>
  );
}

/** A group of checkboxes in a fieldset; nothing ticked is sent as nothing (the server's default). */
function Checkboxes({ field, result, prefix }: { field: Extract<ActionField, { kind: "checkboxes" }>; result: ActionResult<unknown> | null; prefix: string }) {
  const { errors, id, describedBy } = fieldState(field, result, prefix);
  return (
    <fieldset id={id} className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`} aria-describedby={describedBy}>
      <legend className="font-medium">{field.label}</legend>
      {field.hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{field.hint}</p>}
      <FieldError id={`${id}-error`} errors={errors} />
      <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {field.options.map((option) => (
          <label key={option.value} className="flex items-start gap-2">
            <input type="checkbox" name={field.name} value={option.value} className="mt-1" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
