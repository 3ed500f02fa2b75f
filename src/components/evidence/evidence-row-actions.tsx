"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { deleteEvidence, setEvidenceVisibility } from "@/actions/evidence";
import { SubmitButton } from "@/components/ui/form-kit";

/** Visibility switch and delete button for one file; shown to the report's editors only. */
export function EvidenceRowActions({ id, name, visibility }: { id: number; name: string; visibility: "INTERNAL" | "PUBLIC" }) {
  const t = useTranslations();
  const router = useRouter();
  const [visibilityResult, changeVisibility] = useActionState(setEvidenceVisibility, null);
  const [deleteResult, remove] = useActionState(deleteEvidence, null);
  useEffect(() => {
    if (visibilityResult?.ok || deleteResult?.ok) router.refresh();
  }, [visibilityResult, deleteResult, router]);
  const failure = [visibilityResult, deleteResult].find((r) => r && !r.ok);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={changeVisibility}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="visibility" value={visibility === "PUBLIC" ? "INTERNAL" : "PUBLIC"} />
        <SubmitButton tone="secondary">{visibility === "PUBLIC" ? t("evidence.makeInternal") : t("evidence.makePublic")}</SubmitButton>
      </form>
      <form action={remove}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" aria-label={t("evidence.deleteLabel", { name })} className="rounded bg-red-700 px-4 py-2 font-medium text-white shadow focus:outline focus:outline-3 focus:outline-offset-2 focus:outline-yellow-400">
          {t("evidence.delete")}
        </button>
      </form>
      {failure && !failure.ok && (
        <p role="alert" className="font-medium text-red-800">
          <span className="sr-only">{t("errors.errorPrefix")} </span>
          {t(failure.messageKey)}
        </p>
      )}
    </div>
  );
}
