import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { TextStatusBadge } from "@/components/policy/text-status-badge";
import { DataTable } from "@/components/ui/table";
import { measureName } from "@/shared/measure-label";
import { Link } from "@/i18n/navigation";
import { listMeasuresForAdmin } from "@/server/policy/measure-text";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("adminPolicy.title");

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
      <PageHeader title={t("title")} intro={t("intro")}>
        <p className="text-sm">{t("notEnteredCount", { count: notEntered })}</p>
      </PageHeader>
      <DataTable
        caption={t("title")}
        rows={measures}
        rowKey={(measure) => measure.id}
        rowHeaders
        columns={[
          { key: "measure", header: t("list.measure"), kind: "nowrap", cell: (measure) => <Link href={`/admin/measures/${measure.id}`} className="text-brand-800 underline">{measureName(measure, locale).label}</Link> },
          { key: "title", header: t("list.title"), cell: (measure) => <span lang="zh-CN">{measure.titleZh ?? "—"}</span> },
          { key: "status", header: t("list.status"), cell: (measure) => <TextStatusBadge status={measure.textStatus} /> },
          { key: "revisions", header: t("list.revisions"), kind: "number", cell: (measure) => measure.revisionCount },
          { key: "lastRevised", header: t("list.lastRevised"), className: "tabular-nums", cell: (measure) => (measure.lastRevisedAt ? format.dateTime(measure.lastRevisedAt, { dateStyle: "medium" }) : "—") },
        ]}
      />
    </div>
  );
}
