import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { DueNote, StatusBadge } from "@/components/reporting/report-view";
import { DataTable } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { listMyReports, type ReportSummary } from "@/server/reporting/queries";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reporting.mine" }))("title") };
}

export default async function MyReportsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/reports");
  const { current, past } = await loadOrForbidden(listMyReports(actor, context));
  const [t, format] = await Promise.all([getTranslations("reporting"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  const table = (rows: ReportSummary[], caption: string) => (
    <div className="mt-3">
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(r) => r.id}
        rowHeaders
        columns={[
          {
            key: "cycle",
            header: t("mine.cycle"),
            cell: (r) => (
              <>
                <Link href={`/reports/${r.id}`} className="font-medium text-brand-800 underline">{localName(r.cycle, locale)}</Link>
                {r.outstanding && <span className="ml-2 text-xs text-stone-600">{t("mine.open")}</span>}
              </>
            ),
          },
          { key: "status", header: t("mine.status"), cell: (r) => <StatusBadge status={r.status} /> },
          { key: "dueOn", header: t("mine.dueOn"), kind: "nowrap", cell: (r) => day(r.dueOn) },
          { key: "timeLeft", header: t("mine.timeLeft"), cell: (r) => <DueNote daysLeft={r.daysLeft} late={r.late} outstanding={r.outstanding} /> },
          { key: "submittedAt", header: t("mine.submittedAt"), kind: "nowrap", cell: (r) => (r.submittedAt ? when(r.submittedAt) : "—") },
        ]}
      />
    </div>
  );

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("mine.title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("mine.intro")}</p>
      </header>
      <section aria-labelledby="current-title">
        <h2 id="current-title" className="text-lg font-semibold">{t("mine.current")}</h2>
        {current.length === 0 ? <p className="mt-2 text-stone-700">{t("mine.noCurrent")}</p> : table(current, t("mine.current"))}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title" className="text-lg font-semibold">{t("mine.past")}</h2>
        {past.length === 0 ? <p className="mt-2 text-stone-700">{t("mine.noPast")}</p> : table(past, t("mine.past"))}
      </section>
    </div>
  );
}
