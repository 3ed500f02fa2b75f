"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { ErrorSummary, SuccessNotice } from "@/components/ui/form-kit";
import type { ActionResult } from "@/shared/action-result";
import { NARRATIVE_MAX, submitBlockers, validateReport, type ReportInput } from "@/shared/reporting/validation";
import { PROGRESS_VALUES, type FormIndicator, type FormMeasure, type FormSubject, type ItemState, type ProgressValue, type ReportFormProps, type ValueState } from "./form-types";
import { figureKey } from "./ratio";
import { RatioDisplay } from "./ratio-display";
import type { MessageKey } from "@/i18n/message-files";

// The report form keeps everything typed in React state, never only in the DOM: a refusal
// (validation, a stale version, an expired session) re-renders the same state, so nothing is
// lost. A copy also goes to localStorage while there are unsaved changes, in case the tab is
// closed or the page reloaded; it is offered back on the next visit and cleared after a save.

type Action<T> = (previous: null, form: FormData) => Promise<ActionResult<T>>;
type Failure = Extract<ActionResult, { ok: false }>;

const STORE_PREFIX = "report-draft:";
const storeKey = (reportId: number, version: number) => `${STORE_PREFIX}${reportId}:${version}`;
type StoredDraft = { savedAt: string; version: number; items: Record<number, ItemState>; values: Record<string, ValueState> };

/** The newest unsaved copy of this report in this browser, as "key\njson" (a stable snapshot). */
function readStored(reportId: number): string | null {
  try {
    let best: { version: number; raw: string } | null = null;
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(`${STORE_PREFIX}${reportId}:`)) continue;
      const version = Number(key.slice(`${STORE_PREFIX}${reportId}:`.length));
      const raw = window.localStorage.getItem(key);
      if (raw && (!best || version > best.version)) best = { version, raw };
    }
    return best ? best.raw : null;
  } catch {
    return null; // storage disabled (private mode, policy): the safety net is simply absent
  }
}

function clearStored(reportId: number) {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(`${STORE_PREFIX}${reportId}:`)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
    window.dispatchEvent(new Event("report-draft-storage"));
  } catch {
    // nothing stored
  }
}

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener("report-draft-storage", onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener("report-draft-storage", onChange);
  };
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const itemField = (measureId: number, field: string) => `item.${measureId}.${field}`;
const valueField = (indicatorId: number, subjectUnitId: number) => `value.${indicatorId}.${subjectUnitId}`;

export function ReportForm({
  saveDraft,
  submitReport,
  ...props
}: ReportFormProps & { saveDraft: Action<{ version: number }>; submitReport: Action<unknown> }) {
  const t = useTranslations("reporting.form");
  const router = useRouter();
  const { reportId, measures, unit, townships, previous } = props;
  const [items, setItems] = useState(props.items);
  const [values, setValues] = useState(props.values);
  const [version, setVersion] = useState(props.version);
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<"saved" | "restored" | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  // One key per form load and submission attempt: a double click or a retry after a lost
  // response reuses it, so the server records one submission.
  const idempotencyKey = useRef<string | null>(null);

  const stored = useSyncExternalStore(subscribeStorage, () => readStored(reportId), () => null);
  const offer = (() => {
    if (!stored || dirty || dismissed) return null;
    try {
      return JSON.parse(stored) as StoredDraft;
    } catch {
      return null;
    }
  })();

  useEffect(() => {
    if (!dirty) return;
    try {
      const draft: StoredDraft = { savedAt: new Date().toISOString(), version, items, values };
      window.localStorage.setItem(storeKey(reportId, version), JSON.stringify(draft));
    } catch {
      // quota or disabled storage: the form state itself still holds the input
    }
  }, [dirty, items, values, version, reportId]);

  const errorsAt = (field: string) => (failure?.fieldErrors?.[field]?.length ? failure.fieldErrors[field] : undefined);

  const updateItem = (measureId: number, patch: Partial<ItemState>) => {
    setItems((current) => ({ ...current, [measureId]: { ...(current[measureId] ?? { progress: "NOT_STARTED", notApplicableReason: "", narrative: "" }), ...patch } }));
    setDirty(true);
    setNotice(null);
  };
  const updateValue = (key: string, patch: Partial<ValueState>) => {
    setValues((current) => ({ ...current, [key]: { ...(current[key] ?? { value: "", comment: "" }), ...patch } }));
    setDirty(true);
    setNotice(null);
  };

  const typedIndicators = measures.flatMap((m) => m.indicators.filter((i) => i.valueType !== "RATIO"));
  const subjectsOf = (indicator: FormIndicator): FormSubject[] => (indicator.scope === "TOWNSHIP" ? townships : [unit]);

  const input: ReportInput = {
    items: measures.map((m) => {
      const item = items[m.measureId] ?? { progress: "NOT_STARTED", notApplicableReason: "", narrative: "" };
      return {
        measureId: m.measureId,
        progress: item.progress,
        notApplicableReason: item.progress === "NOT_APPLICABLE" ? item.notApplicableReason : "",
        narrative: item.narrative,
      };
    }),
    values: typedIndicators.flatMap((indicator) =>
      subjectsOf(indicator).map((subject) => {
        const v = values[figureKey(indicator.id, subject.id)] ?? { value: "", comment: "" };
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
          clearStored(reportId);
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

  function restore(draft: StoredDraft) {
    setItems(draft.items);
    setValues(draft.values);
    setDirty(true);
    setNotice("restored");
  }

  // Labels for the error summary, so each entry says where the problem is.
  const labels: Record<string, string> = {};
  for (const m of measures) {
    labels[itemField(m.measureId, "progress")] = `${m.heading} · ${t("progress")}`;
    labels[itemField(m.measureId, "notApplicableReason")] = `${m.heading} · ${t("notApplicableReason")}`;
    labels[itemField(m.measureId, "narrative")] = `${m.heading} · ${t("narrative")}`;
    for (const indicator of m.indicators) {
      for (const subject of subjectsOf(indicator)) {
        const where = indicator.scope === "TOWNSHIP" ? ` (${subject.name})` : "";
        labels[valueField(indicator.id, subject.id)] = `${m.heading} · ${indicator.name}${where}`;
        labels[`${valueField(indicator.id, subject.id)}.comment`] = `${m.heading} · ${indicator.name}${where} · ${t("comment")}`;
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
            <button
              type="button"
              onClick={() => {
                clearStored(reportId);
                setDismissed(true);
              }}
              className="rounded bg-stone-200 px-3 py-1 font-medium"
            >
              {t("discard")}
            </button>
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
          <MeasureFields
            key={m.measureId}
            measure={m}
            item={items[m.measureId] ?? { progress: "NOT_STARTED", notApplicableReason: "", narrative: "" }}
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

type MeasureProps = {
  measure: FormMeasure;
  item: ItemState;
  values: Record<string, ValueState>;
  previous: Record<string, string>;
  unit: FormSubject;
  townships: FormSubject[];
  warningsAt: (field: string) => MessageKey[] | undefined;
  errorsAt: (field: string) => MessageKey[] | undefined;
  onItem: (patch: Partial<ItemState>) => void;
  onValue: (key: string, patch: Partial<ValueState>) => void;
};

function FieldError({ id, messages }: { id: string; messages: MessageKey[] | undefined }) {
  const t = useTranslations();
  if (!messages) return null;
  return (
    <p id={id} className="font-medium text-red-800">
      <span className="sr-only">{t("errors.errorPrefix")} </span>
      {[...new Set(messages)].map((m) => t(m)).join(" ")}
    </p>
  );
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function MeasureFields({ measure, item, values, previous, unit, townships, warningsAt, errorsAt, onItem, onValue }: MeasureProps) {
  const t = useTranslations("reporting.form");
  const tp = useTranslations("reporting.progress");
  const m = measure.measureId;
  const progressErrors = errorsAt(itemField(m, "progress"));
  const reasonErrors = errorsAt(itemField(m, "notApplicableReason"));
  const narrativeErrors = errorsAt(itemField(m, "narrative"));
  const narrativeId = `field-${itemField(m, "narrative")}`;
  const over = item.narrative.length - NARRATIVE_MAX;
  const unitIndicators = measure.indicators.filter((i) => i.scope === "UNIT" && i.valueType !== "RATIO");
  const ratios = measure.indicators.filter((i) => i.valueType === "RATIO");
  const townshipIndicators = measure.indicators.filter((i) => i.scope === "TOWNSHIP" && i.valueType !== "RATIO");
  const returned = measure.reviewStatus === "RETURNED" && measure.returnReason;
  const byId = new Map(measure.indicators.map((i) => [i.id, i]));

  return (
    <section aria-labelledby={`measure-${m}`} className={`rounded border bg-white p-4 ${returned ? "border-2 border-red-700" : "border-stone-300"}`}>
      <h2 id={`measure-${m}`} className="text-lg font-semibold">{measure.heading}</h2>
      {returned && (
        <div className="mt-2 border-l-4 border-red-700 bg-red-50 p-3">
          <p className="font-semibold text-red-900">{t("returnedAtItem")}</p>
          <p className="mt-1 whitespace-pre-line">{measure.returnReason}</p>
        </div>
      )}

      <fieldset className={`mt-4 ${progressErrors ? "border-l-4 border-red-700 pl-3" : ""}`} aria-describedby={describedBy(progressErrors && `${itemField(m, "progress")}-error`)}>
        <legend className="font-medium">{t("progress")}</legend>
        <FieldError id={`${itemField(m, "progress")}-error`} messages={progressErrors} />
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {PROGRESS_VALUES.map((p: ProgressValue, index) => {
            const id = index === 0 ? `field-${itemField(m, "progress")}` : `field-${itemField(m, "progress")}-${p}`;
            return (
              <label key={p} htmlFor={id} className="flex items-center gap-2">
                <input id={id} type="radio" name={`progress-${m}`} value={p} checked={item.progress === p} onChange={() => onItem({ progress: p })} className="h-5 w-5" />
                {tp(p)}
              </label>
            );
          })}
        </div>
      </fieldset>

      {item.progress === "NOT_APPLICABLE" && (
        <div className={`mt-4 ${reasonErrors ? "border-l-4 border-red-700 pl-3" : ""}`}>
          <label htmlFor={`field-${itemField(m, "notApplicableReason")}`} className="block font-medium">{t("notApplicableReason")}</label>
          <p id={`${itemField(m, "notApplicableReason")}-hint`} className="text-sm text-stone-600">{t("notApplicableHint")}</p>
          <FieldError id={`${itemField(m, "notApplicableReason")}-error`} messages={reasonErrors} />
          <textarea
            id={`field-${itemField(m, "notApplicableReason")}`}
            value={item.notApplicableReason}
            onChange={(e) => onItem({ notApplicableReason: e.target.value })}
            rows={2}
            required
            aria-invalid={reasonErrors ? true : undefined}
            aria-describedby={describedBy(`${itemField(m, "notApplicableReason")}-hint`, reasonErrors && `${itemField(m, "notApplicableReason")}-error`)}
            className={`mt-1 w-full rounded border-2 px-2 py-1 ${reasonErrors ? "border-red-700" : "border-stone-700"}`}
          />
        </div>
      )}

      <div className={`mt-4 ${narrativeErrors || over > 0 ? "border-l-4 border-red-700 pl-3" : ""}`}>
        <label htmlFor={narrativeId} className="block font-medium">{t("narrative")}</label>
        <p id={`${itemField(m, "narrative")}-hint`} className="text-sm text-stone-600">{t("narrativeHint", { max: NARRATIVE_MAX })}</p>
        <FieldError id={`${itemField(m, "narrative")}-error`} messages={narrativeErrors} />
        <textarea
          id={narrativeId}
          value={item.narrative}
          onChange={(e) => onItem({ narrative: e.target.value })}
          rows={6}
          aria-invalid={narrativeErrors || over > 0 ? true : undefined}
          aria-describedby={describedBy(`${itemField(m, "narrative")}-hint`, `${itemField(m, "narrative")}-count`, narrativeErrors && `${itemField(m, "narrative")}-error`)}
          className={`mt-1 w-full rounded border-2 px-2 py-1 ${narrativeErrors || over > 0 ? "border-red-700" : "border-stone-700"}`}
        />
        <p id={`${itemField(m, "narrative")}-count`} className={`text-sm ${over > 0 ? "font-semibold text-red-800" : "text-stone-600"}`}>
          {over > 0 ? t("narrativeOver", { count: over }) : t("narrativeCount", { count: item.narrative.length, max: NARRATIVE_MAX })}
        </p>
      </div>

      {(unitIndicators.length > 0 || ratios.length > 0) && (
        <fieldset className="mt-4">
          <legend className="font-medium">{t("figures")}</legend>
          <div className="mt-2 space-y-4">
            {unitIndicators.map((indicator) => (
              <FigureField
                key={indicator.id}
                indicator={indicator}
                subject={unit}
                state={values[figureKey(indicator.id, unit.id)] ?? { value: "", comment: "" }}
                previous={previous[figureKey(indicator.id, unit.id)]}
                warnings={warningsAt(valueField(indicator.id, unit.id))}
                errorsAt={errorsAt}
                onValue={onValue}
              />
            ))}
          </div>
          {ratios.length > 0 && (
            <dl className="mt-4 space-y-2 rounded bg-stone-100 p-3">
              {ratios.map((ratio) => {
                const numerator = ratio.numeratorId ? byId.get(ratio.numeratorId) : undefined;
                const denominator = ratio.denominatorId ? byId.get(ratio.denominatorId) : undefined;
                const id = `ratio-${ratio.id}`;
                return (
                  <div key={ratio.id}>
                    <dt className="font-medium">{ratio.name}</dt>
                    <dd>
                      <RatioDisplay
                        id={id}
                        numerator={ratio.numeratorId ? (values[figureKey(ratio.numeratorId, unit.id)]?.value ?? "") : ""}
                        denominator={ratio.denominatorId ? (values[figureKey(ratio.denominatorId, unit.id)]?.value ?? "") : ""}
                      />
                      <span className="ml-2 text-sm text-stone-600">
                        {t("ratioHow", { numerator: numerator?.name ?? "?", denominator: denominator?.name ?? "?" })}
                      </span>
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
        </fieldset>
      )}

      {townshipIndicators.length > 0 && townships.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-medium">{t("townshipTable")}</caption>
            <thead>
              <tr className="border-b-2 border-stone-400 text-left">
                <th scope="col" className="p-2">{t("township")}</th>
                {townshipIndicators.map((indicator) => (
                  <th key={indicator.id} scope="col" id={`col-${indicator.id}`} className="p-2">{indicator.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {townships.map((township) => (
                <tr key={township.id} className="border-b border-stone-200 align-top">
                  <th scope="row" id={`row-${township.id}`} className="p-2 text-left font-normal">{township.name}</th>
                  {townshipIndicators.map((indicator) => (
                    <td key={indicator.id} className="p-2">
                      <CellInput
                        indicator={indicator}
                        subject={township}
                        state={values[figureKey(indicator.id, township.id)] ?? { value: "", comment: "" }}
                        errors={errorsAt(valueField(indicator.id, township.id))}
                        warnings={warningsAt(valueField(indicator.id, township.id))}
                        onValue={onValue}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type FigureProps = {
  indicator: FormIndicator;
  subject: FormSubject;
  state: ValueState;
  previous: string | undefined;
  warnings: MessageKey[] | undefined;
  errorsAt: (field: string) => MessageKey[] | undefined;
  onValue: (key: string, patch: Partial<ValueState>) => void;
};

/** One figure about the unit: a number, or yes/no; with a comment when a warning applies. */
function FigureField({ indicator, subject, state, previous, warnings, errorsAt, onValue }: FigureProps) {
  const t = useTranslations("reporting.form");
  const field = valueField(indicator.id, subject.id);
  const key = figureKey(indicator.id, subject.id);
  const id = `field-${field}`;
  const errors = errorsAt(field);
  const commentErrors = errorsAt(`${field}.comment`);
  const warn = !!warnings || state.comment !== "" || !!commentErrors;

  if (indicator.valueType === "BOOLEAN") {
    return (
      <fieldset className={errors ? "border-l-4 border-red-700 pl-3" : ""}>
        <legend>{indicator.name}</legend>
        <FieldError id={`${field}-error`} messages={errors} />
        <div className="mt-1 flex gap-6">
          {(["true", "false"] as const).map((v, index) => (
            <label key={v} className="flex items-center gap-2">
              <input id={index === 0 ? id : `${id}-${v}`} type="radio" name={field} value={v} checked={state.value === v} onChange={() => onValue(key, { value: v })} className="h-5 w-5" />
              {v === "true" ? t("yes") : t("no")}
            </label>
          ))}
        </div>
        {warn && <Warning field={field} warnings={warnings} state={state} commentErrors={commentErrors} onValue={(patch) => onValue(key, patch)} />}
      </fieldset>
    );
  }

  const hintId = `${field}-hint`;
  return (
    <div className={errors ? "border-l-4 border-red-700 pl-3" : ""}>
      <label htmlFor={id} className="block">{indicator.name}</label>
      {previous !== undefined && previous !== "" && (
        <p id={hintId} className="text-sm text-stone-600">{t("previousValue", { value: previous })}</p>
      )}
      <FieldError id={`${field}-error`} messages={errors} />
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          type="text"
          inputMode={indicator.valueType === "COUNT" ? "numeric" : "decimal"}
          autoComplete="off"
          value={state.value}
          onChange={(e) => onValue(key, { value: e.target.value })}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy(previous ? hintId : null, errors && `${field}-error`)}
          className={`w-40 rounded border-2 px-2 py-1 text-right font-mono tabular-nums ${errors ? "border-red-700" : "border-stone-700"}`}
        />
        {indicator.unitOfMeasure && <span className="text-stone-700">{indicator.unitOfMeasure}</span>}
      </div>
      {warn && <Warning field={field} warnings={warnings} state={state} commentErrors={commentErrors} onValue={(patch) => onValue(key, patch)} />}
    </div>
  );
}

function Warning({ field, warnings, state, commentErrors, onValue }: { field: string; warnings: MessageKey[] | undefined; state: ValueState; commentErrors: MessageKey[] | undefined; onValue: (patch: Partial<ValueState>) => void }) {
  const t = useTranslations("reporting.form");
  const tAll = useTranslations();
  const id = `field-${field}.comment`;
  return (
    <div className={`mt-2 border-l-4 p-2 ${commentErrors ? "border-red-700" : "border-amber-500"} bg-amber-50`}>
      {warnings && (
        <p id={`${field}-warning`} className="text-amber-900">
          <span className="font-semibold">{t("warningPrefix")} </span>
          {warnings.map((m) => tAll(m)).join(" ")}
        </p>
      )}
      <label htmlFor={id} className="mt-1 block text-sm font-medium">{t("comment")}</label>
      <FieldError id={`${field}.comment-error`} messages={commentErrors} />
      <textarea
        id={id}
        rows={2}
        value={state.comment}
        onChange={(e) => onValue({ comment: e.target.value })}
        aria-invalid={commentErrors ? true : undefined}
        aria-describedby={describedBy(warnings && `${field}-warning`, commentErrors && `${field}.comment-error`)}
        className="mt-1 w-full rounded border-2 border-stone-700 px-2 py-1 text-sm"
      />
    </div>
  );
}

/** A township cell: yes/no radios (or a number), labelled by its row and column headers. */
function CellInput(props: CellProps) {
  const { indicator, subject, state, warnings, onValue } = props;
  const t = useTranslations("reporting.form");
  const tAll = useTranslations();
  const field = valueField(indicator.id, subject.id);
  const key = figureKey(indicator.id, subject.id);
  if (!warnings && state.comment === "") return <CellValue {...props} />;
  return (
    <div className="space-y-1">
      <CellValue {...props} />
      {warnings && <p id={`${field}-warning`} className="text-xs text-amber-900">{warnings.map((m) => tAll(m)).join(" ")}</p>}
      <input
        id={`field-${field}.comment`}
        type="text"
        value={state.comment}
        onChange={(e) => onValue(key, { comment: e.target.value })}
        aria-label={`${subject.name} · ${indicator.name} · ${t("comment")}`}
        aria-describedby={warnings ? `${field}-warning` : undefined}
        placeholder={t("comment")}
        className="w-full rounded border border-amber-600 px-1 py-0.5 text-xs"
      />
    </div>
  );
}

type CellProps = { indicator: FormIndicator; subject: FormSubject; state: ValueState; errors: MessageKey[] | undefined; warnings: MessageKey[] | undefined; onValue: (key: string, patch: Partial<ValueState>) => void };

function CellValue({ indicator, subject, state, errors, onValue }: CellProps) {
  const t = useTranslations("reporting.form");
  const field = valueField(indicator.id, subject.id);
  const key = figureKey(indicator.id, subject.id);
  const id = `field-${field}`;
  if (indicator.valueType === "BOOLEAN") {
    return (
      <div role="radiogroup" aria-labelledby={`row-${subject.id} col-${indicator.id}`} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${field}-error` : undefined} className={`flex gap-4 ${errors ? "border-l-4 border-red-700 pl-2" : ""}`}>
        <FieldError id={`${field}-error`} messages={errors} />
        {(["true", "false"] as const).map((v, index) => (
          <label key={v} className="flex items-center gap-1">
            <input id={index === 0 ? id : `${id}-${v}`} type="radio" name={field} value={v} checked={state.value === v} onChange={() => onValue(key, { value: v })} className="h-4 w-4" />
            {v === "true" ? t("yes") : t("no")}
          </label>
        ))}
      </div>
    );
  }
  return (
    <>
      <FieldError id={`${field}-error`} messages={errors} />
      <input
        id={id}
        type="text"
        inputMode={indicator.valueType === "COUNT" ? "numeric" : "decimal"}
        autoComplete="off"
        value={state.value}
        onChange={(e) => onValue(key, { value: e.target.value })}
        aria-labelledby={`row-${subject.id} col-${indicator.id}`}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${field}-error` : undefined}
        className={`w-28 rounded border-2 px-2 py-1 text-right font-mono ${errors ? "border-red-700" : "border-stone-700"}`}
      />
    </>
  );
}
