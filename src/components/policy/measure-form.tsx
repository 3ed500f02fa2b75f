"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, SubmitButton, SuccessNotice, TextareaField, TextField, useFormAction } from "@/components/ui/form-kit";
import type { ActionResult } from "@/shared/action-result";
import { Panel } from "@/components/ui/panel";

type Revised = { id: number; revisionId: number };
type ReviseAction = (previous: ActionResult<Revised> | null, form: FormData) => Promise<ActionResult<Revised>>;

export function MeasureTextForm({
  action,
  measure,
  limits,
}: {
  action: ReviseAction;
  measure: { id: number; titleZh: string | null; text: string | null; notEntered: boolean; updatedAt: string };
  limits: { title: number; text: number };
}) {
  const t = useTranslations("adminPolicy");
  const [result, formAction] = useFormAction(action);
  const labels = { titleZh: t("fields.titleZh"), text: t("fields.text"), reason: t("fields.reason"), sourceDescription: t("fields.sourceDescription") };
  return (
    <Panel id="revise" title={measure.notEntered ? t("form.enterTitle") : t("form.reviseTitle")}>
      <p className="mb-3 mt-1 text-stone-700">{measure.notEntered ? t("form.enterIntro") : t("form.reviseIntro")}</p>
      {result?.ok && <SuccessNotice>{t("form.saved")}</SuccessNotice>}
      <ErrorSummary result={result} labels={labels} />
      {/* a fresh form once the saved text arrives; basedOn then names the new version */}
      <form key={measure.updatedAt} action={formAction} noValidate>
        <input type="hidden" name="id" value={measure.id} />
        <input type="hidden" name="basedOn" value={measure.updatedAt} />
        <TextField name="titleZh" label={labels.titleZh} hint={t("hints.titleZh", { max: limits.title })} defaultValue={measure.titleZh ?? ""} result={result} required maxLength={limits.title} />
        <TextareaField name="text" label={labels.text} hint={t("hints.text", { max: limits.text })} defaultValue={measure.text ?? ""} result={result} required rows={14} maxLength={limits.text} />
        <TextField name="reason" label={labels.reason} hint={t("hints.reason")} result={result} required maxLength={500} />
        <TextField
          name="sourceDescription"
          label={labels.sourceDescription}
          hint={measure.notEntered ? t("hints.sourceRequired") : t("hints.sourceOptional")}
          result={result}
          required={measure.notEntered}
          maxLength={300}
        />
        <SubmitButton>{measure.notEntered ? t("form.enterSubmit") : t("form.reviseSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}
