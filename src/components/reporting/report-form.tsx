"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { ErrorSummary, SuccessNotice } from "@/components/ui/form-kit";
import type { ActionResult } from "@/shared/action-result";
import { ITEM_FIELD_KEYS, itemFormInput, reportItemField } from "@/shared/reporting/report-fields";
import { itemKey, submitBlockers, validateReport, valueKey, type ReportInput } from "@/shared/reporting/validation";
import { EMPTY_ITEM, EMPTY_VALUE, type FormIndicator, type FormSubject, type ItemState, type ReportFormProps, type ValueState } from "./form-types";
import { MeasureSection } from "./measure-section";
import { figureKey } from "./ratio";
import { useReportDraft, type StoredDraft } from "./use-report-draft";

// The report form keeps everything typed in React state, never only in the DOM: a refusal
// (validation, a stale version, an expired session) re-renders the same state, so nothing is
// lost. A copy also goes to this browser's storage while there are unsaved changes
// (useReportDraft). Each measure is a MeasureSection; this component holds the state, runs the
// server's rules as the user types, and saves and submits.

type Action<T> = (previous: null, form: FormData) => Promise<ActionResult<T>>;
type Failure = Extract<ActionResult, { ok: false }>;

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function ReportForm({
  saveDraft,
  submitReport,
  ...props
}: ReportFormProps & { saveDraft: Action<{ version: number }>; submitReport: Action<unknown> }) {
  const t = useTranslations("reporting.form");
  const tAll = useTranslations();
  const router = useRouter();
  const { reportId, measures, unit, townships, previous } = props;
  const [items, setItems] = useState(props.items);
  const [values, setValues] = useState(props.values);
  const [version, setVersion] = useState(props.version);
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<"saved" | "restored" | null>(null);
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  // One key per form load and submission attempt: a double click or a retry after a lost
  // response reuses it, so the server records one submission.
  const idempotencyKey = useRef<string | null>(null);
  const draft = useReportDraft({ reportId, version, dirty, items, values });
  const { offer } = draft;

  const errorsAt = (field: string) => (failure?.fieldErrors?.[field]?.length ? failure.fieldErrors[field] : undefined);

  const updateItem = (measureId: number, patch: Partial<ItemState>) => {
    setItems((current) => ({ ...current, [measureId]: { ...(current[measureId] ?? EMPTY_ITEM), ...patch } }));
    setDirty(true);
    setNotice(null);
  };
  const updateValue = (key: string, patch: Partial<ValueState>) => {
    setValues((current) => ({ ...current, [key]: { ...(current[key] ?? EMPTY_VALUE), ...patch } }));
    setDirty(true);
    setNotice(null);
  };

  const typedIndicators = measures.flatMap((m) => m.indicators.filter((i) => i.valueType !== "RATIO"));
  const subjectsOf = (indicator: FormIndicator): FormSubject[] => (indicator.scope === "TOWNSHIP" ? townships : [unit]);

  const input: ReportInput = {
    items: measures.map((m) => ({ measureId: m.measureId, ...itemFormInput(items[m.measureId] ?? EMPTY_ITEM) })),
    values: typedIndicators.flatMap((indicator) =>
      subjectsOf(indicator).map((subject) => {
        const v = values[figureKey(indicator.id, subject.id)] ?? EMPTY_VALUE;
        return { indicatorId: indicator.id, subjectUnitId: subject.id, value: v.value.trim().replace(/,/g, ""), comment: v.comment };
      }),
    ),
  };
  // The server's own rules, run as the user types: warnings (a large change, a missing figure)
  // ask for a comment here rather than after a round trip. The server decides again on save.
  const live = validateReport(input, props.rules, previous);
  const blockers = submitBlockers(input, live);
  const warningsAt = (field: string) => {
    const found = live.warnings[field]?.filter((m) => attempted || m !== "reportingErrors.missingValue");
    return found?.length ? found : undefined;
  };

  function draftForm(): FormData {
    const form = new FormData();
    form.set("reportId", String(reportId));
    form.set("version", String(version));
    form.set("items", JSON.stringify(input.items));
    form.set("values", JSON.stringify(input.values));
    return form;
  }

  function run(thenSubmit: boolean) {
    if (inFlight.current) return;
    inFlight.current = true;
    setAttempted(true);
    startTransition(async () => {
      try {
        let current = version;
        if (dirty || !thenSubmit) {
          const saved = await saveDraft(null, draftForm());
          if (!saved.ok) {
            setFailure(saved);
            return;
          }
          current = saved.data.version;
          draft.clear();
          setVersion(current);
          setDirty(false);
        }
        if (!thenSubmit) {
          setFailure(null);
          setNotice("saved");
          router.refresh();
          return;
        }
        idempotencyKey.current ??= newIdempotencyKey();
        const form = new FormData();
        form.set("reportId", String(reportId));
        form.set("version", String(current));
        form.set("idempotencyKey", idempotencyKey.current);
        const submitted = await submitReport(null, form);
        if (!submitted.ok) {
          setFailure(submitted);
          return;
        }
        idempotencyKey.current = null;
        setFailure(null);
        router.replace(`${window.location.pathname}?submitted=1`);
        router.refresh();
      } finally {
        inFlight.current = false;
      }
    });
  }

  function restore(stored: StoredDraft) {
    setItems(stored.items);
    setValues(stored.values);
    setDirty(true);
    setNotice("restored");
  }

  // Labels for the error summary, so each entry says where the problem is.
  const labels: Record<string, string> = {};
  for (const m of measures) {
    for (const key of ITEM_FIELD_KEYS) labels[itemKey(m.measureId, key)] = `${m.heading} · ${tAll(reportItemField(key).labelKey)}`;
    for (const indicator of m.indicators) {
      for (const subject of subjectsOf(indicator)) {
        const where = indicator.scope === "TOWNSHIP" ? ` (${subject.name})` : "";
        labels[valueKey(indicator.id, subject.id)] = `${m.heading} · ${indicator.name}${where}`;
        labels[`${valueKey(indicator.id, subject.id)}.comment`] = `${m.heading} · ${indicator.name}${where} · ${t("comment")}`;
      }
    }
  }

  const expired = failure?.code === "UNAUTHENTICATED";
  const stale = failure?.code === "CONFLICT";

  return (
    <div className="space-y-6">
      <ErrorSummary result={failure} labels={labels} />
      {expired && (
        <div role="alert" className="border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="font-semibold">{t("expiredTitle")}</p>
          <p className="mt-1">{t("expiredBody")}</p>
          <p className="mt-1">
            <a href={props.loginHref} target="_blank" rel="noopener" className="text-brand-800 underline">{t("expiredSignIn")}</a>
          </p>
        </div>
      )}
      {stale && (
        <div role="alert" className="border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="font-semibold">{t("staleTitle")}</p>
          <p className="mt-1">{t("staleBody")}</p>
        </div>
      )}
      {notice === "saved" && (
        <SuccessNotice>
          {t("saved", { version })}
        </SuccessNotice>
      )}
      {notice === "restored" && <SuccessNotice>{t("restored")}</SuccessNotice>}
      {offer && (
        <section aria-labelledby="restore-title" className="rounded border-2 border-sky-700 bg-sky-50 p-4">
          <h2 id="restore-title" className="font-semibold">{t("restoreTitle")}</h2>
          <p className="mt-1">
            {offer.version < version ? t("restoreOlder", { at: new Date(offer.savedAt).toLocaleString() }) : t("restoreBody", { at: new Date(offer.savedAt).toLocaleString() })}
          </p>
          <p className="mt-2 flex flex-wrap gap-3">
            <button type="button" onClick={() => restore(offer)} className="rounded bg-sky-800 px-3 py-1 font-medium text-white">{t("restore")}</button>
            <button type="button" onClick={draft.discard} className="rounded bg-stone-200 px-3 py-1 font-medium">{t("discard")}</button>
          </p>
        </section>
      )}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          run(submitter?.value === "submit");
        }}
        className="space-y-8"
      >
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />

        {measures.map((m) => (
          <MeasureSection
            key={m.measureId}
            measure={m}
            item={items[m.measureId] ?? EMPTY_ITEM}
            values={values}
            previous={previous}
            unit={unit}
            townships={townships}
            warningsAt={warningsAt}
            errorsAt={errorsAt}
            onItem={(patch) => updateItem(m.measureId, patch)}
            onValue={updateValue}
          />
        ))}

        <div className="sticky bottom-0 z-10 -mx-2 flex flex-wrap items-center gap-3 border-t-2 border-stone-300 bg-white/95 px-2 py-3">
          <button type="submit" name="intent" value="save" disabled={pending} aria-disabled={pending} className="rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow disabled:opacity-60">
            {t("saveDraft")}
          </button>
          <button type="submit" name="intent" value="submit" disabled={pending} aria-disabled={pending} className="rounded bg-green-800 px-4 py-2 font-medium text-white shadow disabled:opacity-60">
            {t("submit")}
          </button>
          <span role="status" className="text-sm text-stone-700">
            {pending ? t("working") : dirty ? t("unsaved") : t("allSaved", { version })}
          </span>
          {attempted && Object.keys(blockers).length > 0 && <span className="text-sm font-medium text-amber-900">{t("blockersLeft", { count: Object.keys(blockers).length })}</span>}
        </div>
        <p className="text-sm text-stone-600">{t("submitHint")}</p>
      </form>
    </div>
  );
}
