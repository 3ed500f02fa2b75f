"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { ErrorSummary, SubmitButton, SuccessNotice, TextField } from "@/components/ui/form-kit";
import { useRouter } from "@/i18n/navigation";
import type { ActionResult } from "@/shared/action-result";

/** The form's fields, each labelled by its own key in "reporting.cycleForm". */
type CycleField = "code" | "nameZh" | "nameEn" | "periodStart" | "periodEnd" | "opensOn" | "dueOn";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type CycleDefinition = { nameZh: string; nameEn: string; periodStart: string; periodEnd: string; opensOn: string; dueOn: string };

type Props =
  | { mode: "create"; action: Action<{ id: number }>; cycleId?: undefined; initial?: undefined }
  | { mode: "update"; action: Action<{ changed: boolean }>; cycleId: number; initial: CycleDefinition };

/** Name and dates of a cycle; on creation the new cycle's page opens, where its scope is chosen. */
export function CycleDefinitionForm({ mode, action, cycleId, initial }: Props) {
  const t = useTranslations("reporting.cycleForm");
  const router = useRouter();
  // one shape for both modes: the result is only read through the mode that produced it
  const [result, formAction] = useActionState(action as Action<{ id?: number; changed?: boolean }>, null);
  useEffect(() => {
    if (!result?.ok) return;
    if (mode === "create" && result.data.id) router.push(`/cycles/${result.data.id}`);
    else router.refresh();
  }, [result, router, mode]);

  const fields: { name: CycleField; hint?: string; type: "text" | "date"; maxLength?: number }[] = [
    ...(mode === "create" ? [{ name: "code" as const, hint: t("codeHint"), type: "text" as const, maxLength: 20 }] : []),
    { name: "nameZh", hint: t("nameZhHint"), type: "text" as const, maxLength: 100 },
    { name: "nameEn", hint: t("nameEnHint"), type: "text" as const, maxLength: 100 },
    { name: "periodStart", type: "date" as const },
    { name: "periodEnd", type: "date" as const },
    { name: "opensOn", hint: t("opensOnHint"), type: "date" as const },
    { name: "dueOn", hint: t("dueOnHint"), type: "date" as const },
  ];
  const labels = Object.fromEntries(fields.map((f) => [f.name, t(f.name)]));
  return (
    <div>
      {result?.ok && mode === "update" && <SuccessNotice>{result.data.changed ? t("saved") : t("unchanged")}</SuccessNotice>}
      <ErrorSummary result={result} labels={labels} />
      <form action={formAction} noValidate>
        {cycleId !== undefined && <input type="hidden" name="cycleId" value={cycleId} />}
        {fields.map((f) => (
          <TextField
            key={f.name}
            name={f.name}
            label={labels[f.name]!}
            hint={f.hint}
            type={f.type}
            maxLength={f.maxLength}
            required={f.name !== "nameEn"}
            defaultValue={initial?.[f.name as keyof CycleDefinition]}
            autoComplete="off"
            result={result}
          />
        ))}
        <SubmitButton>{mode === "create" ? t("create") : t("save")}</SubmitButton>
      </form>
    </div>
  );
}
