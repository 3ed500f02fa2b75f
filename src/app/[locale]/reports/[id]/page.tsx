import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { SuccessNotice } from "@/components/ui/form-kit";
import type { FormMeasure, ItemState, ValueState } from "@/components/reporting/form-types";
import { figureKey } from "@/components/reporting/ratio";
import { ReportForm } from "@/components/reporting/report-form";
import { ReportExtras } from "@/components/reporting/report-extras";
import { DueNote, indicatorName, ItemView, StatusBadge, Timeline, unitOfMeasure } from "@/components/reporting/report-view";
import { Link } from "@/i18n/navigation";
import { measureHeading } from "@/shared/measure-label";
import { getReportForEdit } from "@/server/reporting/queries";
import { itemFormState } from "@/shared/reporting/report-fields";
import type { IndicatorRule } from "@/shared/reporting/validation";
import { saveDraft, submitReport } from "@/actions/reporting";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reporting.report" }))("title") };
}

export default async function ReportPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/reports/${rawId}`);
  const data = await loadOrForbidden(getReportForEdit(actor, context, idFromPath(rawId)));
  const [t, tAll, format, query] = await Promise.all([getTranslations("reporting"), getTranslations(), getFormatter(), searchParams]);
  const en = locale === "en";
  const { report, may, filer } = data;
  const owner = report.unit ?? report.department;
  const ownerName = owner ? localName(owner, locale) : "";
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const returnedCount = data.measures.filter((m) => m.item.reviewStatus === "RETURNED" && m.item.returnReason).length;

  const header = (
    <header className="space-y-2">
      <p className="text-sm">
        <Link href={filer ? "/reports" : "/review"} className="text-brand-800 underline">{filer ? t("report.back") : t("review.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("report.heading", { owner: ownerName, cycle: localName(report.cycle, locale) })}</h1>
      <p className="flex flex-wrap items-center gap-3">
        <StatusBadge status={report.status} />
        {report.isDemo && <Badge tone="missing">{t("report.demo")}</Badge>}
        <span>{t("report.dueOn", { date: day(report.dueOn) })}</span>
        <DueNote daysLeft={report.daysLeft} late={report.late} outstanding={report.outstanding} />
        {report.submittedAt && <span className="text-sm text-stone-700">{t("report.submittedAt", { time: when(report.submittedAt) })}</span>}
      </p>
    </header>
  );

  if (!may.edit) {
    return (
      <div className="space-y-8">
        {header}
        {query.submitted === "1" && report.status === "SUBMITTED" && <SuccessNotice>{t("report.submittedNotice")}</SuccessNotice>}
        <section aria-labelledby="locked-title" className="rounded border-2 border-stone-500 bg-stone-50 p-4">
          <h2 id="locked-title" className="font-semibold">{t("report.lockedTitle")}</h2>
          {data.lockedReason && <p className="mt-1">{tAll(data.lockedReason)}</p>}
        </section>
        {data.measures.map((m) => (
          <section key={m.measureId} aria-labelledby={`measure-${m.measureId}`} className="rounded border border-stone-300 bg-white p-4">
            <h2 id={`measure-${m.measureId}`} className="mb-2 text-lg font-semibold">{measureHeading(m, locale)}</h2>
            <ItemView measure={m} locale={locale} />
          </section>
        ))}
        <ReportExtras reportId={report.id} view="filer" />
        <Timeline events={data.timeline} measures={data.measures} locale={locale} />
      </div>
    );
  }

  const townshipIds = data.townships.map((tw) => tw.id);
  const unitId = report.unit?.id ?? 0;
  const measures: FormMeasure[] = data.measures.map((m) => ({
    measureId: m.measureId,
    heading: measureHeading(m, locale),
    reviewStatus: m.item.reviewStatus,
    returnReason: m.item.returnReason,
    indicators: m.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: indicatorName(i, locale),
      valueType: i.valueType,
      unitOfMeasure: unitOfMeasure(i, locale),
      scope: i.scope,
      numeratorId: i.numeratorId,
      denominatorId: i.denominatorId,
    })),
  }));
  const items: Record<number, ItemState> = Object.fromEntries(data.measures.map((m) => [m.measureId, itemFormState(m.item)]));
  const values: Record<string, ValueState> = {};
  for (const m of data.measures) {
    for (const i of m.indicators) {
      for (const v of i.values) {
        values[figureKey(i.id, v.subjectUnitId)] = { value: v.numericValue ?? (v.booleanValue === null ? "" : String(v.booleanValue)), comment: v.comment ?? "" };
      }
    }
  }
  // Warnings only need each figure's type, subjects and last approved value; whether a ratio is
  // a share (an error, not a warning) is the server's to decide on save.
  const rules: IndicatorRule[] = data.measures.flatMap((m) =>
    m.indicators.map((i) => ({
      id: i.id,
      measureId: m.measureId,
      valueType: i.valueType,
      numeratorId: i.numeratorId,
      denominatorId: i.denominatorId,
      isShare: false,
      subjects: i.valueType !== "RATIO" && i.scope === "TOWNSHIP" ? townshipIds : [unitId],
    })),
  );
  const loginHref = `${en ? "/en" : ""}/login?callbackUrl=${encodeURIComponent(`/reports/${report.id}`)}`;

  return (
    <div className="space-y-8">
      {header}
      <section aria-labelledby="how-title" className="max-w-3xl space-y-1 text-stone-700">
        <h2 id="how-title" className="sr-only">{t("report.howTitle")}</h2>
        <p>{t("report.how")}</p>
        {report.status === "RETURNED" && returnedCount > 0 && <p className="font-semibold text-red-900">{t("report.returnedNote", { count: returnedCount })}</p>}
      </section>
      <ClientMessages namespaces={["reporting.form", "reporting.progress", "reportingErrors"]}>
        <ReportForm
          saveDraft={saveDraft}
          submitReport={submitReport}
          reportId={report.id}
          version={report.version}
          status={report.status}
          measures={measures}
          unit={{ id: unitId, name: ownerName }}
          townships={data.townships.map((tw) => ({ id: tw.id, name: tw.nameZh }))}
          items={items}
          values={values}
          previous={data.previousApproved}
          rules={rules}
          loginHref={loginHref}
        />
      </ClientMessages>
      <ReportExtras reportId={report.id} view="filer" />
      <Timeline events={data.timeline} measures={data.measures} locale={locale} />
    </div>
  );
}
