import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { MeasureTextForm } from "@/components/policy/measure-form";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { Section } from "@/components/ui/panel";
import { TextStatusBadge } from "@/components/policy/text-status-badge";
import { measureHref, measureName } from "@/shared/measure-label";
import { Link } from "@/i18n/navigation";
import { getMeasureForAdmin, MEASURE_TEXT_MAX, MEASURE_TITLE_MAX, ORIGINAL_TEXT_REASON } from "@/server/policy/measure-text";
import { reviseMeasure } from "@/actions/policy";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export const generateMetadata = titleMetadata("adminPolicy.edit.title");

export default async function AdminMeasurePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/admin/measures/${id}`);
  const measure = await loadOrForbidden(getMeasureForAdmin(actor, context, idFromPath(id)));
  const [t, format] = await Promise.all([getTranslations("adminPolicy"), getFormatter()]);
  const name = measureName(measure, locale);

  return (
    <div className="space-y-6">
      <OrgAdminNav current="measures" />
      <PageHeader back={{ href: "/admin/measures", label: t("edit.backToList") }} title={[name.label, name.title].filter(Boolean).join(" ")}>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <TextStatusBadge status={measure.textStatus} />
          <Link href={measureHref(measure)} className="underline">{t("edit.publicPage")}</Link>
        </p>
      </PageHeader>

      <ClientMessages namespaces={["adminPolicy.*", "adminPolicy.fields", "adminPolicy.hints", "adminPolicy.form"]}>
        <MeasureTextForm
          action={reviseMeasure}
          measure={{ id: measure.id, titleZh: measure.titleZh, text: measure.text, notEntered: measure.textStatus === "NOT_ENTERED", updatedAt: measure.updatedAt.toISOString() }}
          limits={{ title: MEASURE_TITLE_MAX, text: MEASURE_TEXT_MAX }}
        />
      </ClientMessages>

      <Section id="revisions" title={t("edit.revisions")}>
        {measure.revisions.length === 0 ? (
          <p className="text-stone-600">{t("edit.noRevisions")}</p>
        ) : (
          <ol className="space-y-3">
            {measure.revisions.map((revision) => {
              const original = revision.textStatus === "FROM_SOURCE";
              return (
                <li key={revision.id} className="rounded border border-stone-300 bg-white p-3">
                  <p className="text-sm">
                    <span className="tabular-nums">{format.dateTime(revision.revisedAt, { dateStyle: "medium", timeStyle: "short" })}</span>
                    {" · "}
                    {original ? t("edit.imported") : revision.revisedBy ? `${revision.revisedBy.displayName} (${revision.revisedBy.username})` : "—"}
                    {" · "}
                    <Badge tone={original ? "neutral" : "info"}>{t(`status.${revision.textStatus}`)}</Badge>
                  </p>
                  <p className="mt-1">
                    <span className="font-medium">{t("edit.reason")}</span> {original && revision.reason === ORIGINAL_TEXT_REASON ? t("edit.originalReason") : revision.reason}
                  </p>
                  <details className="mt-1">
                    <summary className="cursor-pointer text-brand-800 underline">{t("edit.showText")}</summary>
                    <p className="mt-2 font-medium" lang="zh-CN">{revision.titleZh ?? "—"}</p>
                    <p className="mt-1 whitespace-pre-line leading-7" lang="zh-CN">{revision.text ?? "—"}</p>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
      </Section>
    </div>
  );
}
