import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { listUnits } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "units" }))("title") };
}

export default async function UnitsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tk, units] = await Promise.all([getTranslations("units"), getTranslations("unitKind"), listUnits()]);
  const reporting = units.filter((u) => u.isReporting);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t("name")}</th>
              <th scope="col" className="p-2">{t("kind")}</th>
              <th scope="col" className="p-2">{t("code")}</th>
              <th scope="col" className="p-2 text-right">{t("townships")}</th>
            </tr>
          </thead>
          <tbody>
            {reporting.map((u) => (
              <tr key={u.code} className="border-b border-stone-200">
                <td className="p-2">
                  <Link href={`/units/${u.code}`} className="text-brand-800 underline">{localName(u, locale)}</Link>
                </td>
                <td className="p-2">{tk(u.kind)}</td>
                <td className="p-2 tabular-nums">{u.statCode ?? <span title={t("noStatCode")}>{u.code}*</span>}</td>
                <td className="p-2 text-right tabular-nums">{u._count.children}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-stone-600">* {t("noStatCode")}</p>
    </div>
  );
}
