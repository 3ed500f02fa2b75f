import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { ActionForm } from "@/components/ui/action-form";
import { DueNote, StatusBadge } from "@/components/reporting/report-view";
import { DataTable } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { measureHeading, measureLabel } from "@/shared/measure-label";
import { CycleDefinitionForm } from "@/components/reporting/cycle-definition-form";
import { CycleScopeForm } from "@/components/reporting/cycle-scope-form";
import { getCycleScope } from "@/server/reporting/cycle-scope-view";
import { getCycle } from "@/server/reporting/cycle-queries";
import { getCycleScopeOptions } from "@/server/reporting/scope-options";
import { addReporters, extendDueDate, openCycle, updateCycle } from "@/actions/reporting";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { Notice, Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleMetadata("reporting.cycles.title");

export default async function CyclePage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/cycles/${rawId}`);
  const cycle = await loadOrForbidden(getCycle(actor, context, idFromPath(rawId)));
  const [t, format, query, scope, options] = await Promise.all([
    getTranslations("reporting"),
    getFormatter(),
    searchParams,
    getCycleScope(actor, context, cycle.id),
    cycle.may.setUp ? getCycleScopeOptions(actor, context) : null,
  ]);
  const en = locale === "en";
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const extending = cycle.reports.find((r) => String(r.id) === query.extend) ?? null;

  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/cycles", label: t("cycles.back") }} title={localName(cycle, locale)}>
        <p className="text-stone-700">
          {t(`cycles.status.${cycle.status}`)} · {t("cycles.period")}: {day(cycle.periodStart)} – {day(cycle.periodEnd)} · {t("mine.dueOn")}: {day(cycle.dueOn)}
          {cycle.status !== "PLANNED" && ` · ${t("cycles.scope", { measures: cycle.measureCount, indicators: cycle.indicatorCount })}`}
        </p>
      </PageHeader>

      {cycle.status === "OPEN" && query.opened === "1" && (
        <Notice tone="success" role="status">{t("scopeForm.opened", { reports: cycle.reports.length })}</Notice>
      )}

      {cycle.may.setUp && options && (
        <ClientMessages namespaces={["reporting.cycleForm", "reporting.scopeForm", "reportingErrors"]}>
          <details className="rounded border border-stone-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold">{t("cycleForm.editTitle")}</summary>
            <div className="mt-3">
              <CycleDefinitionForm
                mode="update"
                action={updateCycle}
                cycleId={cycle.id}
                initial={{ nameZh: cycle.nameZh, nameEn: cycle.nameEn === cycle.nameZh ? "" : cycle.nameEn, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd, opensOn: cycle.opensOn, dueOn: cycle.dueOn }}
              />
            </div>
          </details>
          <Panel id="open-title" title={t("scopeForm.title")} tone="emphasis" sectionId="open">
            <p className="mb-4 max-w-3xl text-stone-700">{t("scopeForm.intro")}</p>
            <CycleScopeForm
              action={openCycle}
              cycleId={cycle.id}
              measures={options.measures.map((m) => {
                const names = new Map(m.indicators.map((i) => [i.id, localName(i, locale)]));
                return {
                  id: m.id,
                  label: measureHeading(m, locale),
                  indicators: m.indicators.map((i) => ({
                    id: i.id,
                    label: localName(i, locale),
                    computedFrom: i.numeratorId !== null && i.denominatorId !== null ? `${names.get(i.numeratorId) ?? ""} ÷ ${names.get(i.denominatorId) ?? ""}` : null,
                  })),
                };
              })}
              units={options.units.map((u) => ({ id: u.id, label: localName(u, locale) }))}
              departments={options.departments.map((d) => ({
                id: d.id,
                label: localName(d, locale),
                note: t("scopeForm.dutiesIn", { measures: options.measures.filter((m) => d.measureIds.includes(m.id)).map((m) => measureLabel(m, locale)).join(en ? ", " : "、") }),
              }))}
            />
          </Panel>
        </ClientMessages>
      )}

      {cycle.status !== "PLANNED" && scope && scope.measures.length > 0 && (
        <Panel id="scope-title" title={t("scopeView.title")}>
          <ul className="mt-2 space-y-2">
            {scope.measures.map((m) => (
              <li key={m.id}>
                <span className="font-medium">{measureHeading(m, locale)}</span>
                {m.indicators.length > 0 ? (
                  <ul className="ml-6 list-disc text-sm text-stone-700">
                    {m.indicators.map((i) => <li key={i.id}>{localName(i, locale)}</li>)}
                  </ul>
                ) : (
                  <span className="block text-sm text-stone-600">{t("scopeView.noIndicators")}</span>
                )}
              </li>
            ))}
          </ul>
        </Panel>
      )}

      {cycle.may.addReporters && scope && (scope.addableUnits.length > 0 || scope.addableDepartments.length > 0) && (
        <Panel id="add-title" title={t("addReporters.title")}>
          <ClientMessages namespaces={["reportingErrors"]}>
            <ActionForm
              action={addReporters}
              hidden={{ cycleId: cycle.id }}
              intro={t("addReporters.intro")}
              fields={[
                ...(scope.addableUnits.length ? [{ kind: "checkboxes" as const, name: "unitIds", label: t("scopeForm.units"), options: scope.addableUnits.map((u) => ({ value: String(u.id), label: localName(u, locale) })) }] : []),
                ...(scope.addableDepartments.length ? [{ kind: "checkboxes" as const, name: "departmentIds", label: t("scopeForm.departments"), options: scope.addableDepartments.map((d) => ({ value: String(d.id), label: localName(d, locale) })) }] : []),
              ]}
              submitLabel={t("addReporters.submit")}
              doneMessage={t("addReporters.done")}
              tone="secondary"
              idPrefix="add-"
            />
          </ClientMessages>
        </Panel>
      )}

      {extending && (
        <Panel id="extend-title" title={t("cycles.extendTitle", { owner: localName(extending.unit ?? extending.department, locale) })} tone="emphasis" sectionId="extend">
          <p className="mb-3 text-stone-700">{t("cycles.currentDue", { date: day(extending.dueOn) })}</p>
          <ClientMessages namespaces={["reportingErrors"]}>
            <ActionForm
              action={extendDueDate}
              hidden={{ reportId: extending.id }}
              fields={[
                { kind: "date", name: "newDueOn", label: t("cycles.newDueOn"), hint: t("cycles.newDueOnHint"), required: true },
                { kind: "textarea", name: "reason", label: t("cycles.extendReason"), hint: t("cycles.extendReasonHint"), required: true, maxLength: 1000 },
              ]}
              submitLabel={t("cycles.extend")}
              doneMessage={t("cycles.extended")}
            />
          </ClientMessages>
          <p className="mt-2 text-sm">
            <Link href={`/cycles/${cycle.id}`} className="text-brand-800 underline">{t("cycles.cancel")}</Link>
          </p>
        </Panel>
      )}

      <DataTable
        caption={t("cycles.reportsCaption")}
        rows={cycle.reports}
        rowKey={(r) => r.id}
        rowHeaders
        rowClassName={(r) => (r.late ? "bg-red-50" : undefined)}
        empty={t("cycles.noReports")}
        columns={[
          { key: "owner", header: t("queue.owner"), cell: (r) => <Link href={`/review/${r.id}`} className="text-brand-800 underline">{localName(r.unit ?? r.department, locale)}</Link> },
          { key: "status", header: t("mine.status"), cell: (r) => <StatusBadge status={r.status} /> },
          {
            key: "due",
            header: t("mine.dueOn"),
            cell: (r) => (
              <>
                {day(r.dueOn)}
                {r.lastExtension && <span className="block text-xs text-stone-700">{t("cycles.extendedFrom", { date: day(r.lastExtension.previousDueOn), reason: r.lastExtension.reason })}</span>}
              </>
            ),
          },
          { key: "timeLeft", header: t("mine.timeLeft"), cell: (r) => <DueNote daysLeft={r.daysLeft} late={r.late} outstanding={r.outstanding} /> },
          {
            key: "actions",
            header: t("cycles.actions"),
            cell: (r) => r.may.extend && <Link href={`/cycles/${cycle.id}?extend=${r.id}#extend`} className="text-brand-800 underline">{t("cycles.extendLink")}</Link>,
          },
        ]}
      />
    </div>
  );
}
