"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { ErrorSummary, SubmitButton } from "@/components/ui/form-kit";
import { FieldError } from "@/components/ui/form-kit";
import { useRouter } from "@/i18n/navigation";
import type { ActionResult } from "@/shared/action-result";
import type { MessageKey } from "@/i18n/message-files";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type ScopeMeasure = { id: number; label: string; indicators: { id: number; label: string; computedFrom: string | null }[] };
export type ScopeParty = { id: number; label: string; note?: string };

type Props<T> = { action: Action<T>; cycleId: number; measures: ScopeMeasure[]; units: ScopeParty[]; departments: ScopeParty[] };

// The ticks live in React state and the checkboxes stand outside the <form>, which holds only
// hidden copies of the choice: React resets a form after its action runs, which would untick
// controlled boxes on screen while the state still held them, and a refused opening (a stale
// page, a unit deactivated meanwhile) must not cost the bureau its choices or show them wrong.
// Nothing ticked at a level means everything at that level, as the hints say.

function toggle(set: Set<number>, id: number, on: boolean) {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

export function CycleScopeForm<T>({ action, cycleId, measures, units, departments }: Props<T>) {
  const t = useTranslations("reporting.scopeForm");
  const router = useRouter();
  const [result, formAction] = useActionState(action, null);
  const [measureIds, setMeasureIds] = useState<Set<number>>(new Set());
  const [indicatorIds, setIndicatorIds] = useState<Set<number>>(new Set());
  const [unitIds, setUnitIds] = useState<Set<number>>(new Set());
  const [departmentIds, setDepartmentIds] = useState<Set<number>>(new Set());
  useEffect(() => {
    // the open cycle's page no longer has this form: it says what happened (?opened=1)
    if (result?.ok) router.replace(`/cycles/${cycleId}?opened=1`);
  }, [result, router, cycleId]);

  const measureInScope = (id: number) => measureIds.size === 0 || measureIds.has(id);
  const labels = { measureIds: t("measures"), indicatorIds: t("indicators"), unitIds: t("units"), departmentIds: t("departments") };
  const errorsOf = (field: keyof typeof labels) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);

  return (
    <div>
      <ErrorSummary result={result} labels={labels} />
      <div>
        <Group id="field-measureIds" legend={labels.measureIds} hint={t("measuresHint")} errors={errorsOf("measureIds") ?? errorsOf("indicatorIds")}>
          <ul id="field-indicatorIds" className="space-y-3">
            {measures.map((m) => {
              const inScope = measureInScope(m.id);
              return (
                <li key={m.id}>
                  <label className="flex items-start gap-2 font-medium">
                    <input type="checkbox" className="mt-1" checked={measureIds.has(m.id)} onChange={(e) => setMeasureIds(toggle(measureIds, m.id, e.target.checked))} />
                    <span>{m.label}</span>
                  </label>
                  {m.indicators.length > 0 && inScope && (
                    <fieldset className="ml-6 mt-1 border-l-2 border-stone-300 pl-3">
                      <legend className="text-sm text-stone-700">{t("indicatorsOf", { count: m.indicators.length })}</legend>
                      {m.indicators.map((i) => (
                        <label key={i.id} className="flex items-start gap-2 text-sm">
                          <input type="checkbox" className="mt-1" checked={indicatorIds.has(i.id)} onChange={(e) => setIndicatorIds(toggle(indicatorIds, i.id, e.target.checked))} />
                          <span>
                            {i.label}
                            {i.computedFrom && <span className="block text-stone-600">{t("computedFrom", { parts: i.computedFrom })}</span>}
                          </span>
                        </label>
                      ))}
                    </fieldset>
                  )}
                </li>
              );
            })}
          </ul>
        </Group>

        <Group id="field-unitIds" legend={labels.unitIds} hint={t("unitsHint")} errors={errorsOf("unitIds")}>
          <Parties parties={units} chosen={unitIds} onChange={setUnitIds} />
        </Group>

        <Group id="field-departmentIds" legend={labels.departmentIds} hint={t("departmentsHint")} errors={errorsOf("departmentIds")}>
          <Parties parties={departments} chosen={departmentIds} onChange={setDepartmentIds} />
        </Group>
      </div>
      <form action={formAction} noValidate>
        <input type="hidden" name="cycleId" value={cycleId} />
        {[...measureIds].map((id) => <input key={`m${id}`} type="hidden" name="measureIds" value={id} />)}
        {/* an indicator of a measure that was unticked again is not sent */}
        {measures.filter((m) => measureInScope(m.id)).flatMap((m) => m.indicators.filter((i) => indicatorIds.has(i.id)).map((i) => <input key={`i${i.id}`} type="hidden" name="indicatorIds" value={i.id} />))}
        {[...unitIds].map((id) => <input key={`u${id}`} type="hidden" name="unitIds" value={id} />)}
        {[...departmentIds].map((id) => <input key={`d${id}`} type="hidden" name="departmentIds" value={id} />)}
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </div>
  );
}

function Group({ id, legend, hint, errors, children }: { id: string; legend: string; hint: string; errors?: MessageKey[]; children: React.ReactNode }) {
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={[`${id}-hint`, errors ? `${id}-error` : null].filter(Boolean).join(" ")} className={`mb-6 ${errors ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <legend className="text-lg font-semibold">{legend}</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-stone-600">{hint}</p>
      <FieldError id={`${id}-error`} errors={errors} />
      {children}
    </fieldset>
  );
}

function Parties({ parties, chosen, onChange }: { parties: ScopeParty[]; chosen: Set<number>; onChange: (next: Set<number>) => void }) {
  return (
    <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      {parties.map((p) => (
        <label key={p.id} className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" checked={chosen.has(p.id)} onChange={(e) => onChange(toggle(chosen, p.id, e.target.checked))} />
          <span>
            {p.label}
            {p.note && <span className="block text-sm text-stone-600">{p.note}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
