import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/i18n/navigation";
import { listReviewQueue } from "@/server/reporting/review-queries";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reporting.queue" }))("title") };
}

export default async function ReviewQueuePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/review");
  const queue = await loadOrForbidden(listReviewQueue(actor, context));
  const [t, format] = await Promise.all([getTranslations("reporting"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const lateCount = queue.filter((r) => r.late).length;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("queue.title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("queue.intro")}</p>
        <p>{t("queue.count", { count: queue.length, late: lateCount })}</p>
      </header>
      {queue.length === 0 ? (
        <p className="text-stone-700">{t("queue.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("queue.caption")}</caption>
            <thead>
              <tr className="border-b-2 border-stone-400 text-left">
                <th scope="col" className="p-2">{t("queue.owner")}</th>
                <th scope="col" className="p-2">{t("mine.cycle")}</th>
                <th scope="col" className="p-2">{t("mine.submittedAt")}</th>
                <th scope="col" className="p-2">{t("mine.dueOn")}</th>
                <th scope="col" className="p-2">{t("queue.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((r) => (
                <tr key={r.id} className={`border-b border-stone-200 align-top ${r.late ? "bg-red-50" : ""}`}>
                  <th scope="row" className="p-2 text-left font-normal">
                    <Link href={`/review/${r.id}`} className="font-medium text-brand-800 underline">{localName(r.unit ?? r.department, locale)}</Link>
                  </th>
                  <td className="p-2">{localName(r.cycle, locale)}</td>
                  <td className="p-2 whitespace-nowrap">{r.submittedAt ? when(r.submittedAt) : "—"}</td>
                  <td className="p-2 whitespace-nowrap">{day(r.dueOn)}</td>
                  <td className="p-2">
                    <span className="flex flex-wrap gap-2">
                      {r.late && <Badge tone="missing">{t("queue.late")}</Badge>}
                      {r.resubmission && <Badge tone="info">{t("queue.resubmitted", { count: r.submissions })}</Badge>}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
