import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { measureHref, measureName } from "@/shared/measure-label";
import { Link } from "@/i18n/navigation";
import { getUnit } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const unit = await getUnit(code);
  return unit ? { title: localName(unit, locale) } : {};
}

export default async function UnitPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const unit = await getUnit(code);
  if (!unit) notFound();
  const [t, tk, tt] = await Promise.all([getTranslations("units"), getTranslations("unitKind"), getTranslations("townshipType")]);
  const en = locale === "en";
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/units", label: t("title") }} title={localName(unit, locale)}>
        {en && unit.nameEn && <p lang="zh-CN">{unit.nameZh}</p>}
        {!unit.active && <p className="rounded border border-amber-300 bg-amber-50 p-2">{t("deactivated")}</p>}
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("kind")}</dt>
          <dd>{unit.townshipType ? tt(unit.townshipType) : tk(unit.kind)}</dd>
          <dt className="font-medium">{t("code")}</dt>
          <dd className="tabular-nums">{unit.statCode ?? `${unit.code} (${t("noStatCode")})`}</dd>
          {unit.parent && (
            <>
              <dt className="font-medium">{t("parent")}</dt>
              <dd>{unit.parent.kind === "CITY" ? localName(unit.parent, locale) : <Link href={`/units/${unit.parent.code}`} className="underline">{localName(unit.parent, locale)}</Link>}</dd>
            </>
          )}
        </dl>
      </PageHeader>

      {unit.kind !== "TOWNSHIP" && (
        <Section
          id="townships"
          title={
            <>
              {t("townships")} <span className="text-sm font-normal text-stone-600">({t("townshipCount", { count: unit.children.length })})</span>
            </>
          }
        >
          {unit.children.length === 0 ? (
            <p className="text-stone-600">{t("noTownships")}</p>
          ) : (
            <ul className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 md:grid-cols-4">
              {unit.children.map((township) => (
                <li key={township.code}>
                  <Link href={`/units/${township.code}`} className="underline" lang="zh-CN">{township.nameZh}</Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}

      {unit.isReporting && (
        <Section id="duties" title={t("duties")}>
          <ul className="divide-y divide-stone-200 border-y border-stone-200 bg-white">
            {unit.duties.map((duty) => {
              const m = measureName(duty.measure, locale);
              return (
                <li key={duty.code} className="flex flex-wrap items-baseline gap-2 p-2">
                  <Link href={measureHref(duty.measure)} className="font-medium text-brand-800 underline">{m.label}</Link>
                  <span>{en ? duty.summaryEn : duty.summaryZh}</span>
                  <Badge tone={duty.assignee === "ALL_REPORTING_UNITS" ? "neutral" : "info"}>
                    {duty.assignee === "ALL_REPORTING_UNITS" ? t("dutyForAll") : t("dutyNamed")}
                  </Badge>
                </li>
              );
            })}
          </ul>
        </Section>
      )}
    </div>
  );
}
