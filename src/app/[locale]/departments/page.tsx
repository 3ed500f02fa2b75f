import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { listDepartments } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("departments.title");

export default async function DepartmentsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tk, departments] = await Promise.all([getTranslations("departments"), getTranslations("departmentKind"), listDepartments()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <DataTable
        caption={t("title")}
        rows={departments}
        rowKey={(d) => d.code}
        columns={[
          { key: "name", header: t("name"), cell: (d) => <Link href={`/departments/${d.code}`} className="text-brand-800 underline">{localName(d, locale)}</Link> },
          { key: "kind", header: t("kind"), cell: (d) => tk(d.kind) },
          { key: "duties", header: t("duties"), kind: "number", cell: (d) => d.duties.length },
          { key: "leads", header: t("leads"), kind: "number", cell: (d) => d.duties.filter((duty) => duty.role === "LEAD").length },
        ]}
      />
    </div>
  );
}
