"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/shared/action-result";
import { Notice } from "./panel";
import type { MessageKey } from "@/i18n/message-files";

// The one form kit. GOV.UK's validation pattern: an error summary at the top that takes focus and
// links to each field, the message again at the field, "Error:" before the page title, the input
// kept. Messages are keys ("errors.VALIDATION", "auth.passwordTooShort"): the page must provide
// them to the client (see ClientMessages).

export type FormResult = ActionResult<unknown> | null;
export type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for a form bound to a server action, reloading the page's data after a success
 * (status, history, lists). The server action itself is handed to useActionState, so the form
 * also works before hydration.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return [result, formAction] as const;
}

/** What the user typed into `name` before a refused submission, to show it again. */
export function keptValue(result: FormResult, name: string): string | undefined {
  const kept = result && !result.ok ? result.values?.[name] : undefined;
  return typeof kept === "string" ? kept : undefined;
}

/**
 * A choice that decides which other fields show (the role decides unit or department). It
 * follows the select as the user changes it and, after each submission, whatever the form
 * was reset to: the value typed on a refusal, the initial one after a success.
 */
export function useKeptChoice(result: FormResult, name: string, initial: string) {
  const [state, setState] = useState({ result, value: initial });
  if (state.result !== result) {
    const value = keptValue(result, name) ?? initial;
    setState({ result, value });
    return [value, (v: string) => setState({ result, value: v })] as const;
  }
  return [state.value, (v: string) => setState({ result, value: v })] as const;
}

export function ErrorSummary({ result, labels = {} }: { result: FormResult; labels?: Record<string, string> }) {
  const t = useTranslations();
  const failed = result && !result.ok ? result : null;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!failed) return;
    ref.current?.focus();
    const prefix = t("errors.errorPrefix");
    if (!document.title.startsWith(prefix)) document.title = `${prefix} ${document.title}`;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length).trimStart();
    };
  }, [failed, t]);
  if (!failed) return null;
  const fieldErrors = Object.entries(failed.fieldErrors ?? {});
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-4 border-4 border-red-700 bg-white p-4 focus:outline-none">
      <h2 id="error-summary-title" className="text-lg font-semibold">{t("errors.summaryTitle")}</h2>
      {fieldErrors.length === 0 ? (
        <p className="mt-1 text-red-800">{t(failed.messageKey)}</p>
      ) : (
        <ul className="mt-1 list-disc pl-6">
          {fieldErrors.map(([field, messages]) => (
            <li key={field}>
              <a href={`#field-${field}`} className="text-red-800 underline">
                {labels[field] ? `${labels[field]}: ` : ""}
                {[...new Set(messages)].map((m) => t(m)).join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message under a field's label; the prefix is read out so the error is heard as one. */
export function FieldError({ id, errors }: { id: string; errors?: MessageKey[] }) {
  const t = useTranslations();
  if (!errors) return null;
  return (
    <p id={id} className="font-medium text-red-800">
      <span className="sr-only">{t("errors.errorPrefix")} </span>
      {[...new Set(errors)].map((m) => t(m)).join(" ")}
    </p>
  );
}

/**
 * What every single-input field needs: its id (`field-<prefix><name>`, the error summary's link
 * target), its errors, the value kept after a refusal, its description ids, and `control`: the
 * attributes its input, textarea or select carries.
 */
export function fieldState(result: FormResult, name: string, hint?: string, prefix = "", required?: boolean) {
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  const id = `field-${prefix}${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const control = { id, name, required, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy };
  return { errors, kept: keptValue(result, name), id, describedBy, control };
}

/** Label, hint and error above one input, GOV.UK style; a red rule beside a field in error. */
export function FieldFrame({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: MessageKey[]; children: ReactNode }) {
  return (
    <div className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      <FieldError id={`${id}-error`} errors={errors} />
      {children}
    </div>
  );
}

const inputBorder = (errors?: MessageKey[]) => (errors ? "border-red-700" : "border-stone-700");

type CommonProps = {
  name: string;
  label: string;
  result: FormResult;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  /** a unique prefix when several forms on one page share field names, so ids stay unique */
  idPrefix?: string;
};

/** A field's frame (label, hint, error) and its control's attributes, from the props every field takes. */
function fieldOf({ name, label, result, hint, required, idPrefix }: Omit<CommonProps, "defaultValue">) {
  const { errors, kept, id, control } = fieldState(result, name, hint, idPrefix, required);
  return { frame: { id, label, hint, errors }, control, kept, border: inputBorder(errors) };
}

export function TextField({
  defaultValue,
  type = "text",
  autoComplete,
  inputMode,
  maxLength,
  ...common
}: CommonProps & { type?: "text" | "password" | "number" | "email" | "date"; autoComplete?: string; inputMode?: "numeric" | "text"; maxLength?: number }) {
  const { frame, control, kept, border } = fieldOf(common);
  return (
    <FieldFrame {...frame}>
      <input
        {...control}
        type={type}
        // a password is never shown again, even after a refusal
        defaultValue={type === "password" ? undefined : (kept ?? defaultValue)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        className={`mt-1 w-full max-w-md rounded border-2 px-2 py-1 ${border}`}
      />
    </FieldFrame>
  );
}

export function TextareaField({ defaultValue, rows = 8, maxLength, ...common }: CommonProps & { rows?: number; maxLength?: number }) {
  const { frame, control, kept, border } = fieldOf(common);
  return (
    <FieldFrame {...frame}>
      <textarea {...control} rows={rows} defaultValue={kept ?? defaultValue} maxLength={maxLength} className={`mt-1 w-full max-w-3xl rounded border-2 px-2 py-1 leading-7 ${border}`} />
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };

export function SelectField({
  defaultValue,
  options,
  placeholder,
  onChange,
  ...common
}: CommonProps & {
  options: SelectOption[];
  /** the text of an empty first option ("choose…"); none when every answer is an option */
  placeholder?: string;
  onChange?: (value: string) => void;
}) {
  const { frame, control, kept, border } = fieldOf(common);
  return (
    <FieldFrame {...frame}>
      <select
        {...control}
        defaultValue={kept ?? defaultValue ?? ""}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        className={`mt-1 block w-full max-w-md rounded border-2 bg-white px-2 py-1 ${border}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes in a fieldset; nothing ticked is sent as nothing (the server's default). */
export function CheckboxesField({ name, label, result, hint, idPrefix, options }: Omit<CommonProps, "defaultValue" | "required"> & { options: SelectOption[] }) {
  const { errors, id, describedBy } = fieldState(result, name, hint, idPrefix);
  return (
    <fieldset id={id} className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`} aria-describedby={describedBy}>
      <legend className="font-medium">{label}</legend>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      <FieldError id={`${id}-error`} errors={errors} />
      <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2">
            <input type="checkbox" name={name} value={option.value} className="mt-1" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SubmitButton({ children, tone = "primary" }: { children: ReactNode; tone?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  const colours = { primary: "bg-green-800 text-white", secondary: "bg-stone-200 text-stone-900", danger: "bg-red-700 text-white" }[tone];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 font-medium shadow disabled:opacity-60 ${colours}`}>
      {children}
    </button>
  );
}

/** A success message that is announced to screen readers. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <Notice tone="success" role="status" className="mb-4">
      {children}
    </Notice>
  );
}
