"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/server/actions/define-action";

// What the user-administration forms share beyond the form kit: a select in the kit's pattern
// (label, hint, error at the field, aria-invalid, aria-describedby), the form state, and the
// box that shows an issued password once.

type Result = ActionResult<unknown> | null;
export type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** useActionState, plus a reload of the page's data (status, sessions, history) after a success. */
export function useUserAction<T>(action: FormAction<T>) {
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return [result, formAction] as const;
}

/**
 * A choice that decides which other fields show (the role decides unit or department). It
 * follows the select as the user changes it and, after each submission, whatever the form
 * was reset to: the value typed on a refusal, the initial one after a success.
 */
export function useKeptChoice(result: Result, name: string, initial: string) {
  const [state, setState] = useState({ result, value: initial });
  if (state.result !== result) {
    const kept = result && !result.ok ? result.values?.[name] : undefined;
    const value = typeof kept === "string" ? kept : initial;
    setState({ result, value });
    return [value, (v: string) => setState({ result, value: v })] as const;
  }
  return [state.value, (v: string) => setState({ result, value: v })] as const;
}

export function keptValue(result: Result, name: string): string | undefined {
  const kept = result && !result.ok ? result.values?.[name] : undefined;
  return typeof kept === "string" ? kept : undefined;
}

type SelectProps = {
  name: string;
  label: string;
  result: Result;
  options: { value: string; label: string }[];
  hint?: string;
  defaultValue?: string;
  /** the text of an empty first option ("choose…"); none when every answer is an option */
  placeholder?: string;
  onChange?: (value: string) => void;
};

export function SelectField({ name, label, result, options, hint, defaultValue, placeholder, onChange }: SelectProps) {
  const t = useTranslations();
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      {errors && (
        <p id={`${id}-error`} className="font-medium text-red-800">
          <span className="sr-only">{t("errors.errorPrefix")} </span>
          {[...new Set(errors)].map((m) => t(m)).join(" ")}
        </p>
      )}
      <select
        id={id}
        name={name}
        defaultValue={keptValue(result, name) ?? defaultValue ?? ""}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 w-full max-w-md rounded border-2 bg-white px-2 py-1 ${errors ? "border-red-700" : "border-stone-700"}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}

/**
 * The password the server issued, shown this once. It is in this page's memory only: it is
 * stored nowhere readable, so leaving the page loses it (a new reset issues another).
 */
export function IssuedPassword({ username, password }: { username: string; password: string }) {
  const t = useTranslations("adminUsers.issued");
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = () => {
    navigator.clipboard?.writeText(password).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  };
  return (
    <section aria-labelledby="issued-password-title" className="mb-4 border-4 border-amber-600 bg-amber-50 p-4">
      <h2 id="issued-password-title" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">{t("title")}</h2>
      <p className="mt-1">{t("forUser", { username })}</p>
      <p className="mt-3">
        <output aria-label={t("passwordLabel")} translate="no" className="inline-block select-all rounded border-2 border-stone-700 bg-white px-3 py-2 font-mono text-2xl tracking-wider">
          {password}
        </output>
      </p>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className="rounded border-2 border-stone-700 bg-white px-3 py-1 font-medium focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400">
          {t("copy")}
        </button>
        <span role="status" className="text-sm">{copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}</span>
      </p>
      <p className="mt-3 text-sm">{t("copyHint")}</p>
      <p className="mt-2 font-semibold text-red-800">{t("notShownAgain")}</p>
      <p className="mt-1 text-sm">{t("mustChange")}</p>
    </section>
  );
}

/** A titled panel for one action on the account page. */
export function ActionPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-stone-300 bg-white p-4">
      <h3 id={`${id}-title`} className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}
