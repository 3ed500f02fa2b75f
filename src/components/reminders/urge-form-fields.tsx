"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary, SubmitButton, SuccessNotice } from "@/components/ui/form-kit";
import type { EscalationLevel } from "@/generated/prisma/enums";
import { urgeReport } from "@/actions/reminders";

type Props = { reportId: number; highest: EscalationLevel | null; next: EscalationLevel; choices: EscalationLevel[] };

export function UrgeFormFields({ reportId, highest, next, choices }: Props) {
  const t = useTranslations("reminders");
  const tAll = useTranslations();
  const router = useRouter();
  const [result, action] = useActionState(urgeReport, null);
  const failed = result && !result.ok ? result : null;
  const done = result?.ok ? result.data : null;

  // the escalation list and the next level come from the server: fetch them again
  useEffect(() => {
    if (done) router.refresh();
  }, [done, router]);

  const levelErrors = failed?.fieldErrors?.level;
  const messageErrors = failed?.fieldErrors?.message;
  const keptMessage = typeof failed?.values?.message === "string" ? failed.values.message : "";

  return (
    <form action={action} noValidate className="mt-3 max-w-xl" key={done ? `sent-${done.escalationId}` : "form"}>
      {done && <SuccessNotice>{t("urge.done", { level: t(`levels.${done.level}`), count: done.notified })}</SuccessNotice>}
      <ErrorSummary result={result} labels={{ level: t("urge.level"), message: t("urge.message") }} />
      <input type="hidden" name="reportId" value={reportId} />
      <div className={`mb-4 ${levelErrors ? "border-l-4 border-red-700 pl-3" : ""}`}>
        <label htmlFor="field-level" className="block font-medium">{t("urge.level")}</label>
        <p id="field-level-hint" className="text-sm text-stone-600">
          {highest ? t("urge.levelHint", { last: t(`levels.${highest}`) }) : t("urge.levelHintNone")}
        </p>
        {levelErrors && (
          <p id="field-level-error" className="font-medium text-red-800"><span className="sr-only">{tAll("errors.errorPrefix")} </span>{levelErrors.map((m) => tAll(m)).join(" ")}</p>
        )}
        <select
          id="field-level"
          name="level"
          defaultValue=""
          aria-describedby={["field-level-hint", levelErrors ? "field-level-error" : null].filter(Boolean).join(" ")}
          aria-invalid={levelErrors ? true : undefined}
          className="mt-1 rounded border-2 border-stone-700 px-2 py-1"
        >
          <option value="">{t("urge.levelNext", { level: t(`levels.${next}`) })}</option>
          {choices.map((level) => (
            <option key={level} value={level}>{t(`levels.${level}`)}</option>
          ))}
        </select>
      </div>
      <div className={`mb-4 ${messageErrors ? "border-l-4 border-red-700 pl-3" : ""}`}>
        <label htmlFor="field-message" className="block font-medium">{t("urge.message")}</label>
        <p id="field-message-hint" className="text-sm text-stone-600">{t("urge.messageHint")}</p>
        {messageErrors && (
          <p id="field-message-error" className="font-medium text-red-800"><span className="sr-only">{tAll("errors.errorPrefix")} </span>{messageErrors.map((m) => tAll(m)).join(" ")}</p>
        )}
        <textarea
          id="field-message"
          name="message"
          rows={4}
          maxLength={1000}
          required
          defaultValue={keptMessage}
          aria-describedby={["field-message-hint", messageErrors ? "field-message-error" : null].filter(Boolean).join(" ")}
          aria-invalid={messageErrors ? true : undefined}
          className="mt-1 w-full rounded border-2 border-stone-700 px-2 py-1"
        />
      </div>
      <SubmitButton tone="danger">{t("urge.submit")}</SubmitButton>
    </form>
  );
}
