"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, SubmitButton, SuccessNotice, TextField, useFormAction } from "@/components/ui/form-kit";
import type { ActionResult } from "@/shared/action-result";
import { Panel } from "@/components/ui/panel";

type Status = { id: number; active: boolean };
type Action = (previous: ActionResult<Status> | null, form: FormData) => Promise<ActionResult<Status>>;

/**
 * Deactivate or reactivate a unit or department, with a reason. While accounts are still
 * scoped to the record it cannot be deactivated: the form says why instead of offering it.
 */
export function StatusForm({ id, active, activeUsers, deactivate, reactivate, kind }: { id: number; active: boolean; activeUsers: number; deactivate: Action; reactivate: Action; kind: "unit" | "department" }) {
  const t = useTranslations("adminOrg");
  // One state per action: after the change the other action's form is shown, and the outcome
  // of the one just taken (kept across the reload, with or without JavaScript) stays visible.
  const [deactivated, deactivateAction] = useFormAction(deactivate);
  const [reactivated, reactivateAction] = useFormAction(reactivate);
  const result = active ? deactivated : reactivated;
  const done = active ? reactivated : deactivated;
  return (
    <Panel id="status-title" title={active ? t("status.deactivateTitle") : t("status.reactivateTitle")}>
      {done?.ok && <SuccessNotice>{done.data.active ? t("status.reactivated") : t("status.deactivated")}</SuccessNotice>}
      {active && activeUsers > 0 ? (
        <p className="mt-2">{t(kind === "unit" ? "status.blockedUnit" : "status.blockedDepartment", { count: activeUsers })}</p>
      ) : (
        <>
          <p className="mb-3 mt-1 text-stone-700">{active ? t(kind === "unit" ? "status.deactivateIntroUnit" : "status.deactivateIntroDepartment") : t("status.reactivateIntro")}</p>
          <ErrorSummary result={result} labels={{ reason: t("fields.reason") }} />
          {/* a fresh form after the status changed, so the reason field is empty again */}
          <form key={String(active)} action={active ? deactivateAction : reactivateAction} noValidate>
            <input type="hidden" name="id" value={id} />
            <TextField name="reason" label={t("fields.reason")} hint={t("hints.reason")} result={result} required maxLength={500} />
            <SubmitButton tone={active ? "danger" : "primary"}>{active ? t("status.deactivate") : t("status.reactivate")}</SubmitButton>
          </form>
        </>
      )}
    </Panel>
  );
}
