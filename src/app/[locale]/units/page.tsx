import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { listUnits } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("units.title");

export default async function UnitsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tk, units] = await Promise.all([getTranslations("units"), getTranslations("unitKind"), listUnits()]);
  const reporting = units.filter((u) => u.isReporting);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <DataTable
        caption={t("title")}
        rows={reporting}
        rowKey={(u) => u.code}
        columns={[
          { key: "name", header: t("name"), cell: (u) => <Link href={`/units/${u.code}`} className="text-brand-800 underline">{localName(u, locale)}</Link> },
          { key: "kind", header: t("kind"), cell: (u) => tk(u.kind) },
          { key: "code", header: t("code"), kind: "number", className: "text-left", cell: (u) => u.statCode ?? <span title={t("noStatCode")}>{u.code}*</span> },
          { key: "townships", header: t("townships"), kind: "number", cell: (u) => u._count.children },
        ]}
      />
      <p className="text-sm text-stone-600">* {t("noStatCode")}</p>
    </div>
  );
}
