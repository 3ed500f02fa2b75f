import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { ExcelImportForm } from "@/components/reporting-excel/excel-import-form";
import { Link } from "@/i18n/navigation";
import { getReportForEdit } from "@/server/reporting/queries";
import { importReportWorkbook } from "@/actions/reporting-excel";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reportingExcel" }))("title") };
}

export default async function ReportExcelPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/reports/${id}/excel`);
  const reportId = idFromPath(id);
  // the same scoped read as the report page: another unit's report is "not found"
  await loadOrForbidden(getReportForEdit(actor, context, reportId));
  const t = await getTranslations("reportingExcel");
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/reports/${reportId}`} className="underline">{t("backToReport")}</Link></p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      <p>
        <a href={`/api/reports/${reportId}/xlsx`} className="inline-block rounded bg-stone-200 px-4 py-2 font-medium underline" download>
          {t("download")}
        </a>
      </p>
      <ClientMessages namespaces={["reportingExcel", "reportingErrors"]}>
        <ExcelImportForm reportId={reportId} action={importReportWorkbook} />
      </ClientMessages>
    </div>
  );
}
