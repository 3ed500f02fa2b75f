import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { ActionForm } from "@/components/ui/action-form";
import { changedMeasures, DiffTable, DueNote, ItemView, StatusBadge, Timeline } from "@/components/reporting/report-view";
import { ReportExtras } from "@/components/reporting/report-extras";
import { ReviewForm } from "@/components/reporting/review-form";
import { Link } from "@/i18n/navigation";
import { measureHeading } from "@/shared/measure-label";
import { getReportForReview } from "@/server/reporting/review-queries";
import { publishReport, reopenReport, reviewReport } from "@/actions/reporting";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reporting.review" }))("title") };
}

export default async function ReviewReportPage({ params }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/review/${rawId}`);
  const data = await loadOrForbidden(getReportForReview(actor, context, idFromPath(rawId)));
  const [t, format] = await Promise.all([getTranslations("reporting"), getFormatter()]);
  const { report, diff, may } = data;
  const owner = report.unit ?? report.department;
  const ownerName = owner ? localName(owner, locale) : "";
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const entries = diff?.entries ?? [];
  const changedKeys = new Set(entries.map((e) => e.key));
  const changed = changedMeasures(entries, data.measures);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/review" className="text-brand-800 underline">{t("review.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("report.heading", { owner: ownerName, cycle: localName(report.cycle, locale) })}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <StatusBadge status={report.status} />
          {report.isDemo && <Badge tone="missing">{t("report.demo")}</Badge>}
          {report.late && <Badge tone="missing">{t("queue.late")}</Badge>}
          <span>{t("report.dueOn", { date: day(report.dueOn) })}</span>
          <DueNote daysLeft={report.daysLeft} late={report.late} outstanding={report.outstanding} />
          {report.submittedAt && <span className="text-sm text-stone-700">{t("report.submittedAt", { time: when(report.submittedAt) })}</span>}
        </p>
      </header>

      {diff && diff.previousSequence !== null && (
        <DiffTable entries={entries} measures={data.measures} locale={locale} previousSequence={diff.previousSequence} sequence={diff.sequence} />
      )}

      {may.review ? (
        <section aria-labelledby="decide-title" className="space-y-3">
          <h2 id="decide-title" className="text-xl font-semibold">{t("review.decideTitle")}</h2>
          <p className="max-w-3xl text-stone-700">{t("review.decideIntro")}</p>
          <ClientMessages namespaces={["reporting", "reportingErrors"]}>
            <ReviewForm
              action={reviewReport}
              reportId={report.id}
              items={data.measures.map((m) => ({
                measureId: m.measureId,
                heading: measureHeading(m, locale),
                content: <ItemView measure={m} locale={locale} changedKeys={changedKeys} />,
                initial: m.item.reviewStatus === "APPROVED" && !changed.has(m.measureId) ? "APPROVE" : null,
                changed: changed.has(m.measureId),
              }))}
            />
          </ClientMessages>
        </section>
      ) : (
        <>
          {report.status !== "SUBMITTED" && <p className="rounded border border-stone-300 bg-stone-50 p-3">{t("review.notAwaiting", { status: t(`status.${report.status}`) })}</p>}
          {data.measures.map((m) => (
            <section key={m.measureId} aria-labelledby={`measure-${m.measureId}`} className="rounded border border-stone-300 bg-white p-4">
              <h2 id={`measure-${m.measureId}`} className="mb-2 text-lg font-semibold">{measureHeading(m, locale)}</h2>
              <ItemView measure={m} locale={locale} changedKeys={changedKeys} />
            </section>
          ))}
        </>
      )}

      {(may.reopen || may.publish) && (
        <section aria-labelledby="after-title" className="space-y-4">
          <h2 id="after-title" className="text-lg font-semibold">{t("review.afterTitle")}</h2>
          <ClientMessages namespaces={["reporting", "reportingErrors"]}>
            {may.publish && (
              <div className="rounded border border-stone-300 bg-white p-4">
                <h3 className="font-semibold">{t("review.publishTitle")}</h3>
                <ActionForm action={publishReport} hidden={{ reportId: report.id }} submitLabel={t("review.publish")} doneMessage={t("review.published")} intro={t("review.publishIntro")} idPrefix="publish-" />
              </div>
            )}
            {may.reopen && (
              <div className="rounded border border-stone-300 bg-white p-4">
                <h3 className="font-semibold">{report.status === "PUBLISHED" ? t("review.withdrawTitle") : t("review.reopenTitle")}</h3>
                <ActionForm
                  action={reopenReport}
                  hidden={{ reportId: report.id }}
                  fields={[{ kind: "textarea", name: "reason", label: t("review.reopenReason"), hint: t("review.reopenHint"), required: true, maxLength: 1000 }]}
                  submitLabel={report.status === "PUBLISHED" ? t("review.withdraw") : t("review.reopen")}
                  doneMessage={t("review.reopened")}
                  intro={report.status === "PUBLISHED" ? t("review.withdrawIntro") : t("review.reopenIntro")}
                  tone="danger"
                  idPrefix="reopen-"
                />
              </div>
            )}
          </ClientMessages>
        </section>
      )}

      <ReportExtras reportId={report.id} view="reviewer" />
      <Timeline events={data.timeline} measures={data.measures} locale={locale} />
    </div>
  );
}
