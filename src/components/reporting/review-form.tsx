"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { ErrorSummary, SubmitButton } from "@/components/ui/form-kit";
import type { ActionResult } from "@/shared/action-result";
import type { MessageKey } from "@/i18n/message-files";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
type Decision = { decision: "APPROVE" | "RETURN" | null; reason: string };

export type ReviewItem = {
  measureId: number;
  heading: string;
  /** the item as submitted, rendered on the server */
  content: ReactNode;
  /** an item approved in an earlier round starts as approved; others wait for a decision */
  initial: "APPROVE" | null;
  changed: boolean;
};

/**
 * A decision on every item, each beside what it decides: approve, or return with a reason the
 * filer will see at that item. One return sends the whole report back; approving all approves it.
 */
export function ReviewForm<T>({ action, reportId, items }: { action: Action<T>; reportId: number; items: ReviewItem[] }) {
  const t = useTranslations("reporting.review");
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>(() => Object.fromEntries(items.map((i) => [i.measureId, { decision: i.initial, reason: "" }])));
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);

  const set = (measureId: number, patch: Partial<Decision>) =>
    setDecisions((current) => ({ ...current, [measureId]: { ...(current[measureId] ?? { decision: null, reason: "" }), ...patch } }));
  const errorsAt = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  const returning = Object.values(decisions).filter((d) => d.decision === "RETURN").length;
  const undecided = items.filter((i) => !decisions[i.measureId]?.decision).length;
  const payload = items.map((i) => {
    const d = decisions[i.measureId];
    return { measureId: i.measureId, decision: d?.decision ?? null, reason: d?.decision === "RETURN" ? d.reason : null };
  });
  const labels: Record<string, string> = {};
  for (const i of items) {
    labels[`item.${i.measureId}.decision`] = `${i.heading} · ${t("decision")}`;
    labels[`item.${i.measureId}.returnReason`] = `${i.heading} · ${t("returnReason")}`;
  }

  return (
    <div>
      <ErrorSummary result={result} labels={labels} />
      <form action={formAction} noValidate className="space-y-6">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="decisions" value={JSON.stringify(payload.filter((p) => p.decision))} />
        {items.map((item) => {
          const d = decisions[item.measureId] ?? { decision: null, reason: "" };
          const decisionErrors = errorsAt(`item.${item.measureId}.decision`);
          const reasonErrors = errorsAt(`item.${item.measureId}.returnReason`);
          const base = `item.${item.measureId}`;
          return (
            <section key={item.measureId} aria-labelledby={`review-${item.measureId}`} className={`rounded border bg-white p-4 ${d.decision === "RETURN" ? "border-2 border-red-700" : d.decision === "APPROVE" ? "border-green-700" : "border-stone-300"}`}>
              <h3 id={`review-${item.measureId}`} className="text-lg font-semibold">
                {item.heading}
                {item.changed && <span className="ml-2 rounded bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900">{t("changedSinceLast")}</span>}
              </h3>
              <div className="mt-2">{item.content}</div>
              <fieldset className={`mt-3 border-t border-stone-200 pt-3 ${decisionErrors ? "border-l-4 border-l-red-700 pl-3" : ""}`}>
                <legend className="font-medium">{t("decision")}</legend>
                {decisionErrors && <Err id={`${base}.decision-error`} messages={decisionErrors} />}
                <div className="mt-1 flex flex-wrap gap-6">
                  {(["APPROVE", "RETURN"] as const).map((value, index) => (
                    <label key={value} className="flex items-center gap-2">
                      <input
                        id={index === 0 ? `field-${base}.decision` : `field-${base}.decision-${value}`}
                        type="radio"
                        name={`decision-${item.measureId}`}
                        value={value}
                        checked={d.decision === value}
                        onChange={() => set(item.measureId, { decision: value })}
                        aria-describedby={decisionErrors ? `${base}.decision-error` : undefined}
                        className="h-5 w-5"
                      />
                      {value === "APPROVE" ? t("approveItem") : t("returnItem")}
                    </label>
                  ))}
                </div>
                {d.decision === "RETURN" && (
                  <div className={`mt-3 ${reasonErrors ? "border-l-4 border-red-700 pl-3" : ""}`}>
                    <label htmlFor={`field-${base}.returnReason`} className="block font-medium">{t("returnReason")}</label>
                    <p id={`${base}.returnReason-hint`} className="text-sm text-stone-600">{t("returnReasonHint")}</p>
                    {reasonErrors && <Err id={`${base}.returnReason-error`} messages={reasonErrors} />}
                    <textarea
                      id={`field-${base}.returnReason`}
                      rows={3}
                      value={d.reason}
                      onChange={(e) => set(item.measureId, { reason: e.target.value })}
                      maxLength={1000}
                      aria-invalid={reasonErrors ? true : undefined}
                      aria-describedby={[`${base}.returnReason-hint`, reasonErrors ? `${base}.returnReason-error` : null].filter(Boolean).join(" ")}
                      className={`mt-1 w-full rounded border-2 px-2 py-1 ${reasonErrors ? "border-red-700" : "border-stone-700"}`}
                    />
                  </div>
                )}
              </fieldset>
            </section>
          );
        })}

        <div className="sticky bottom-0 z-10 -mx-2 space-y-3 border-t-2 border-stone-300 bg-white/95 px-2 py-3">
          <div>
            <label htmlFor="field-reason" className="block font-medium">{t("overallReason")}</label>
            <textarea id="field-reason" name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} className="mt-1 w-full max-w-2xl rounded border-2 border-stone-700 px-2 py-1" />
          </div>
          <p className="flex flex-wrap items-center gap-3">
            {undecided > 0 && (
              <button
                type="button"
                onClick={() => setDecisions((current) => Object.fromEntries(items.map((i) => [i.measureId, current[i.measureId]?.decision ? current[i.measureId]! : { decision: "APPROVE" as const, reason: "" }])))}
                className="rounded bg-stone-200 px-3 py-2 font-medium"
              >
                {t("approveRest", { count: undecided })}
              </button>
            )}
            <SubmitButton tone={returning ? "danger" : "primary"}>{returning ? t("submitReturn", { count: returning }) : t("submitApprove")}</SubmitButton>
            <span role="status" className="text-sm text-stone-700">{t("tally", { undecided, returning })}</span>
          </p>
        </div>
      </form>
    </div>
  );
}

function Err({ id, messages }: { id: string; messages: MessageKey[] }) {
  const t = useTranslations();
  return (
    <p id={id} className="font-medium text-red-800">
      <span className="sr-only">{t("errors.errorPrefix")} </span>
      {[...new Set(messages)].map((m) => t(m)).join(" ")}
    </p>
  );
}
