import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/i18n/navigation";
import { listCycles } from "@/server/reporting/cycle-queries";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("reporting.cycles.title");

const cycleTone = { PLANNED: "neutral", OPEN: "info", CLOSED: "missing" } as const;

export default async function CyclesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/cycles");
  const cycles = await loadOrForbidden(listCycles(actor, context));
  const [t, format] = await Promise.all([getTranslations("reporting"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <div className="space-y-6">
      <PageHeader title={t("cycles.title")} intro={t("cycles.intro")}>
        <p>
          <Link href="/cycles/new" className="inline-block rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("cycles.new")}</Link>
        </p>
      </PageHeader>
      <ul className="space-y-4">
          {cycles.map((c) => (
            <li key={c.id} className="rounded border border-stone-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/cycles/${c.id}`} className="text-brand-800 underline">{localName(c, locale)}</Link>{" "}
                <Badge tone={cycleTone[c.status]}>{t(`cycles.status.${c.status}`)}</Badge>
              </h2>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t("cycles.period")}</dt>
                <dd>{day(c.periodStart)} – {day(c.periodEnd)}</dd>
                <dt className="font-medium">{t("cycles.opensOn")}</dt>
                <dd>{day(c.opensOn)}</dd>
                <dt className="font-medium">{t("mine.dueOn")}</dt>
                <dd>{day(c.dueOn)}</dd>
                <dt className="font-medium">{t("cycles.reports")}</dt>
                <dd>
                  {c.reportCount === 0
                    ? t("cycles.noReports")
                    : c.byStatus.map((s) => `${t(`status.${s.status}`)} ${s.count}`).join(" · ")}
                </dd>
              </dl>
              {c.may.setUp && (
                <p className="mt-3">
                  <Link href={`/cycles/${c.id}#open`} className="font-medium text-brand-800 underline">{t("cycles.chooseScope")}</Link>
                </p>
              )}
            </li>
          ))}
      </ul>
    </div>
  );
}
