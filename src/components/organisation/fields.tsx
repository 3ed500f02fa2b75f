"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, type ReactNode } from "react";
import type { ActionResult } from "@/server/actions/define-action";

// A textarea and a select in the form kit's pattern (label, hint, error at the field,
// aria-invalid and aria-describedby), and the form state the organisation forms share.

type Result = ActionResult<unknown> | null;
type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for an admin form, reloading the page's data after a success. The server
 * action itself is handed to useActionState, so the form also works before hydration.
 */
export function useAdminAction<T>(action: FormAction<T>) {
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return [result, formAction] as const;
}

function fieldState(result: Result, name: string) {
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  const kept = result && !result.ok ? result.values?.[name] : undefined;
  return { errors, kept: typeof kept === "string" ? kept : undefined };
}

type CommonProps = { name: string; label: string; result: Result; hint?: string; defaultValue?: string; required?: boolean };

function FieldFrame({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  const t = useTranslations();
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
      {children}
    </div>
  );
}

const describedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextareaField({ name, label, result, hint, defaultValue, required, rows = 8, maxLength }: CommonProps & { rows?: number; maxLength?: number }) {
  const { errors, kept } = fieldState(result, name);
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={kept ?? defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={`mt-1 w-full rounded border-2 px-2 py-1 leading-7 ${errors ? "border-red-700" : "border-stone-700"}`}
      />
    </FieldFrame>
  );
}

export function SelectField({ name, label, result, hint, defaultValue, required, options, placeholder }: CommonProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { errors, kept } = fieldState(result, name);
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select
        id={id}
        name={name}
        defaultValue={kept ?? defaultValue ?? ""}
        required={required}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={`mt-1 block w-full max-w-md rounded border-2 bg-white px-2 py-1 ${errors ? "border-red-700" : "border-stone-700"}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldFrame>
  );
}
