import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
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
        <DataTable
          caption={t("queue.caption")}
          rows={queue}
          rowKey={(r) => r.id}
          rowHeaders
          rowClassName={(r) => (r.late ? "bg-red-50" : undefined)}
          columns={[
            {
              key: "owner",
              header: t("queue.owner"),
              cell: (r) => <Link href={`/review/${r.id}`} className="font-medium text-brand-800 underline">{localName(r.unit ?? r.department, locale)}</Link>,
            },
            { key: "cycle", header: t("mine.cycle"), cell: (r) => localName(r.cycle, locale) },
            { key: "submittedAt", header: t("mine.submittedAt"), kind: "nowrap", cell: (r) => (r.submittedAt ? when(r.submittedAt) : "—") },
            { key: "dueOn", header: t("mine.dueOn"), kind: "nowrap", cell: (r) => day(r.dueOn) },
            {
              key: "flags",
              header: t("queue.flags"),
              cell: (r) => (
                <span className="flex flex-wrap gap-2">
                  {r.late && <Badge tone="missing">{t("queue.late")}</Badge>}
                  {r.resubmission && <Badge tone="info">{t("queue.resubmitted", { count: r.submissions })}</Badge>}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
