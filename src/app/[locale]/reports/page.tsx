import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { DueNote, StatusBadge } from "@/components/reporting/report-view";
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

  const table = (rows: ReportSummary[], caption: string, id: string) => (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <caption id={id} className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-stone-400 text-left">
            <th scope="col" className="p-2">{t("mine.cycle")}</th>
            <th scope="col" className="p-2">{t("mine.status")}</th>
            <th scope="col" className="p-2">{t("mine.dueOn")}</th>
            <th scope="col" className="p-2">{t("mine.timeLeft")}</th>
            <th scope="col" className="p-2">{t("mine.submittedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-stone-200 align-top">
              <th scope="row" className="p-2 text-left font-normal">
                <Link href={`/reports/${r.id}`} className="font-medium text-brand-800 underline">{localName(r.cycle, locale)}</Link>
                {r.outstanding && <span className="ml-2 text-xs text-stone-600">{t("mine.open")}</span>}
              </th>
              <td className="p-2"><StatusBadge status={r.status} /></td>
              <td className="p-2 whitespace-nowrap">{day(r.dueOn)}</td>
              <td className="p-2"><DueNote daysLeft={r.daysLeft} late={r.late} outstanding={r.outstanding} /></td>
              <td className="p-2 whitespace-nowrap">{r.submittedAt ? when(r.submittedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
        {current.length === 0 ? <p className="mt-2 text-stone-700">{t("mine.noCurrent")}</p> : table(current, t("mine.current"), "current-caption")}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title" className="text-lg font-semibold">{t("mine.past")}</h2>
        {past.length === 0 ? <p className="mt-2 text-stone-700">{t("mine.noPast")}</p> : table(past, t("mine.past"), "past-caption")}
      </section>
    </div>
  );
}
