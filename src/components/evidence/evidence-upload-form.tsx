"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { uploadEvidence } from "@/actions/evidence";
import { ErrorSummary, SubmitButton, SuccessNotice } from "@/components/ui/form-kit";

export function EvidenceUploadForm({ reportId, reportItemId, accept }: { reportId: number; reportItemId?: number; accept: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [result, action] = useActionState(uploadEvidence, null);
  const form = useRef<HTMLFormElement>(null);
  const id = `field-file`;
  const errors = result && !result.ok ? (result.fieldErrors?.file ?? (result.code === "VALIDATION" ? undefined : [result.messageKey])) : undefined;

  useEffect(() => {
    if (result?.ok) {
      form.current?.reset();
      // the list beside the form is a server component: fetch it again
      router.refresh();
    }
  }, [result, router]);

  return (
    <form ref={form} action={action} className="mt-4" aria-labelledby={`evidence-upload-${reportId}-${reportItemId ?? "report"}`}>
      <h3 id={`evidence-upload-${reportId}-${reportItemId ?? "report"}`} className="text-base font-semibold">{t("evidence.uploadHeading")}</h3>
      <ErrorSummary result={result} labels={{ file: t("evidence.fileLabel") }} />
      {result?.ok && <SuccessNotice>{t("evidence.uploaded")}</SuccessNotice>}
      <input type="hidden" name="reportId" value={reportId} />
      {reportItemId !== undefined && <input type="hidden" name="reportItemId" value={reportItemId} />}
      <div className={`mb-4 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`}>
        <label htmlFor={id} className="block font-medium">{t("evidence.fileLabel")}</label>
        <p id={`${id}-hint`} className="text-sm text-stone-600">{t("evidence.fileHint")}</p>
        {errors && (
          <p id={`${id}-error`} className="font-medium text-red-800">
            <span className="sr-only">{t("errors.errorPrefix")} </span>
            {errors.map((m) => t(m)).join(" ")}
          </p>
        )}
        <input
          id={id}
          name="file"
          type="file"
          accept={accept}
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={[`${id}-hint`, errors ? `${id}-error` : null].filter(Boolean).join(" ")}
          className="mt-1 block focus:outline focus:outline-3 focus:outline-offset-2 focus:outline-yellow-400"
        />
      </div>
      <SubmitButton>{t("evidence.upload")}</SubmitButton>
    </form>
  );
}
