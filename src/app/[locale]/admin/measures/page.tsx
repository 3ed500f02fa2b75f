import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { Badge } from "@/components/ui/badge";
import { measureName } from "@/shared/measure-label";
import { Link } from "@/i18n/navigation";
import { listMeasuresForAdmin } from "@/server/policy/measure-text";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminPolicy" }))("title") };
}

export default async function AdminMeasuresPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/measures");
  const measures = await loadOrForbidden(listMeasuresForAdmin(actor, context));
  const [t, format] = await Promise.all([getTranslations("adminPolicy"), getFormatter()]);
  const notEntered = measures.filter((m) => m.textStatus === "NOT_ENTERED").length;

  return (
    <div className="space-y-6">
      <OrgAdminNav current="measures" />
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-stone-700">{t("intro")}</p>
        <p className="mt-1 text-sm">{t("notEnteredCount", { count: notEntered })}</p>
      </header>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t("list.measure")}</th>
              <th scope="col" className="p-2">{t("list.title")}</th>
              <th scope="col" className="p-2">{t("list.status")}</th>
              <th scope="col" className="p-2 text-right">{t("list.revisions")}</th>
              <th scope="col" className="p-2">{t("list.lastRevised")}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => {
              const name = measureName(measure, locale);
              return (
                <tr key={measure.id} className="border-b border-stone-200">
                  <th scope="row" className="whitespace-nowrap p-2 text-left font-normal">
                    <Link href={`/admin/measures/${measure.id}`} className="text-brand-800 underline">{name.label}</Link>
                  </th>
                  <td className="p-2" lang="zh-CN">{measure.titleZh ?? "—"}</td>
                  <td className="p-2">
                    <Badge tone={measure.textStatus === "NOT_ENTERED" ? "missing" : measure.textStatus === "ENTERED_BY_STAFF" ? "info" : "neutral"}>
                      {t(`status.${measure.textStatus}`)}
                    </Badge>
                  </td>
                  <td className="p-2 text-right tabular-nums">{measure.revisionCount}</td>
                  <td className="p-2 tabular-nums">{measure.lastRevisedAt ? format.dateTime(measure.lastRevisedAt, { dateStyle: "medium" }) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
