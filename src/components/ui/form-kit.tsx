"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/server/actions/define-action";

// GOV.UK's validation pattern: an error summary at the top that takes focus and links to each
// field, the message again at the field, "Error:" before the page title, the input kept.
// Messages are keys ("errors.VALIDATION", "auth.passwordTooShort"): the page must provide their
// namespaces to the client (see ClientMessages).

type Result = ActionResult<unknown> | null;

export function ErrorSummary({ result, labels = {} }: { result: Result; labels?: Record<string, string> }) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  const failed = result && !result.ok ? result : null;
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
                {messages.map((m) => t(m)).join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  result: Result;
  hint?: string;
  type?: "text" | "password" | "number" | "email" | "date";
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: "numeric" | "text";
  maxLength?: number;
};

export function TextField({ name, label, result, hint, type = "text", defaultValue, autoComplete, required, inputMode, maxLength }: FieldProps) {
  const t = useTranslations();
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  const kept = result && !result.ok && type !== "password" ? result.values?.[name] : undefined;
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      {errors && (
        <p id={`${id}-error`} className="font-medium text-red-800">
          <span className="sr-only">{t("errors.errorPrefix")} </span>
          {errors.map((m) => t(m)).join(" ")}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={typeof kept === "string" ? kept : defaultValue}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 w-full max-w-md rounded border-2 px-2 py-1 ${errors ? "border-red-700" : "border-stone-700"}`}
      />
    </div>
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
    <div role="status" className="mb-4 border-l-4 border-green-700 bg-green-50 p-3">
      {children}
    </div>
  );
}
