"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { ErrorSummary, type FormAction, SubmitButton, SuccessNotice, TextField } from "@/components/ui/form-kit";
import type { Role } from "@/generated/prisma/enums";
import type { Messages } from "@/i18n/message-files";

const GROUPS = {
  sessionsLegend: ["idleTimeoutMinutes", "adminIdleTimeoutMinutes", "absoluteLifetimeHours"],
  passwordsLegend: ["passwordMinLength", "adminPasswordMaxAgeDays", "passwordHistoryCount"],
  lockoutLegend: ["lockoutThreshold", "lockoutMinutes", "ipAttemptsPerWindow", "ipWindowMinutes"],
} as const;

type NumberField = (typeof GROUPS)[keyof typeof GROUPS][number];
type Saved = { changed: string[] };

type Props = {
  action: FormAction<Saved>;
  values: Record<NumberField, number> & { totpRequiredRoles: Role[] };
  ranges: Record<NumberField, readonly [number, number]>;
  /** every role, and those whose box is always ticked (administrators) */
  roles: { role: Role; label: string; fixed: boolean }[];
};

export function SecurityPolicyForm({ action, values, ranges, roles }: Props) {
  const t = useTranslations("securityPolicy");
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  // The server echoes single values only, so the boxes ticked at submission are noted here:
  // a refused form then shows what was ticked rather than what is saved.
  const [submitted, setSubmitted] = useState<string[] | null>(null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const ticked = result && !result.ok && submitted ? submitted : values.totpRequiredRoles;
  // the server names the changed settings as data: a name without a label is shown as it is
  const label = (field: string) => {
    const key = `fields.${field}` as `fields.${keyof Messages["securityPolicy"]["fields"]}`;
    return t.has(key) ? t(key) : field;
  };
  const labels = Object.fromEntries(Object.values(GROUPS).flat().map((field) => [field, label(field)]));

  return (
    <>
      {result?.ok && <SuccessNotice>{t("saved", { fields: result.data.changed.map(label).join(t("listSeparator")) })}</SuccessNotice>}
      <ErrorSummary result={result} labels={labels} />
      <form action={formAction} onSubmit={(event) => setSubmitted(new FormData(event.currentTarget).getAll("totpRequiredRoles").map(String))} noValidate className="space-y-6">
        <fieldset className="rounded border border-stone-300 bg-white p-4" aria-describedby="totp-hint">
          <legend className="px-1 text-lg font-semibold">{t("twoFactorLegend")}</legend>
          <p id="totp-hint" className="mb-3 text-sm text-stone-600">{t("twoFactorHint")}</p>
          <ul className="space-y-2">
            {roles.map(({ role, label: roleLabel, fixed }) => (
              <li key={role} className="flex items-center gap-2">
                <input
                  id={`field-totpRequiredRoles-${role}`}
                  type="checkbox"
                  name={fixed ? undefined : "totpRequiredRoles"}
                  value={role}
                  defaultChecked={fixed || ticked.includes(role)}
                  disabled={fixed}
                  className="size-5 accent-green-800"
                />
                <label htmlFor={`field-totpRequiredRoles-${role}`}>
                  {roleLabel}
                  {fixed && <span className="text-sm text-stone-600"> ({t("adminAlways")})</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {(Object.keys(GROUPS) as (keyof typeof GROUPS)[]).map((group) => (
          <fieldset key={group} className="rounded border border-stone-300 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t(group)}</legend>
            {GROUPS[group].map((field) => (
              <TextField
                key={field}
                name={field}
                label={labels[field]!}
                hint={t("hint", { min: ranges[field][0], max: ranges[field][1] })}
                result={result}
                defaultValue={String(values[field])}
                inputMode="numeric"
                required
                maxLength={4}
              />
            ))}
          </fieldset>
        ))}
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </>
  );
}
