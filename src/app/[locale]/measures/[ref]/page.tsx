import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel, Section } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { HighlightedText } from "@/components/policy/highlighted-text";
import { measureHref, measureName } from "@/shared/measure-label";
import { TargetCard } from "@/components/policy/target-card";
import { Link } from "@/i18n/navigation";
import { getAdjacentMeasures, getMeasure, type MeasureDetail } from "@/server/policy/queries";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, ref } = await params;
  const measure = await getMeasure(ref);
  if (!measure) return {};
  const name = measureName(measure, locale);
  return { title: [name.label, name.title].filter(Boolean).join(" ") };
}

export default async function MeasurePage({ params }: Props) {
  const { locale, ref } = await params;
  setRequestLocale(locale);
  const measure = await getMeasure(ref);
  if (!measure) notFound();
  const [t, format, adjacent] = await Promise.all([getTranslations("measure"), getFormatter(), getAdjacentMeasures(measure)]);
  const en = locale === "en";
  const name = measureName(measure, locale);
  const section = measure.section;

  return (
    <article className="space-y-8">
      <PageHeader back={{ href: "/", label: t("backToOverview") }} title={[name.label, name.title].filter(Boolean).join(" ")}>
        {en && measure.titleZh && <p className="text-stone-700" lang="zh-CN">{measure.titleZh}</p>}
        {section && (
          <p className="text-sm text-stone-600">
            {t("section")}: {section.parent ? `${section.parent.label}${section.parent.title ?? ""} ` : ""}
            {section.label}
            {section.title ?? ""}
            {measure.sectionInferred && <span> ({t("sectionInferred")})</span>}
          </p>
        )}
      </PageHeader>

      {measure.textStatus === "NOT_ENTERED" ? (
        <section aria-labelledby="not-entered" className="rounded border border-amber-300 bg-amber-50 p-5">
          <h2 id="not-entered" className="text-lg font-semibold">{t("notEnteredTitle")}</h2>
          <p className="mt-2">{t("notEnteredBody", { number: measure.number })}</p>
        </section>
      ) : (
        <Panel id="full-text" title={measure.textStatus === "ENTERED_BY_STAFF" ? t("enteredText") : t("fullText")}>
          <p className="mt-3 whitespace-pre-line leading-8" lang="zh-CN">
            {measure.paragraph && measure.sourceStart !== null ? (
              <HighlightedText
                text={measure.paragraph}
                ranges={measure.targets.map((target) => ({ start: target.sourceStart - measure.sourceStart!, end: target.sourceEnd - measure.sourceStart! }))}
              />
            ) : (
              measure.text
            )}
          </p>
        </Panel>
      )}

      {measure.revisions.length > 0 && (
        <Section id="revisions" title={t("revisions")}>
          <ul className="list-disc pl-6">
            {measure.revisions.map((revision) => (
              <li key={revision.id}>{t("revisedOn", { date: format.dateTime(revision.revisedAt, { dateStyle: "long" }), reason: revision.reason })}</li>
            ))}
          </ul>
        </Section>
      )}

      {measure.textStatus !== "NOT_ENTERED" && (
        <>
          <DutiesTable measure={measure} locale={locale} t={t} />
          <Section id="targets" title={t("targets")}>
            {measure.targets.length === 0 ? (
              <p className="text-stone-600">{t("targetsEmpty")}</p>
            ) : (
              <ul className="grid gap-4 md:grid-cols-2">
                {measure.targets.map((target) => (
                  <li key={target.id}>
                    <TargetCard target={target} locale={locale} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}

      <nav aria-label={`${t("previous")} / ${t("next")}`} className="flex justify-between border-t border-stone-300 pt-4 text-sm">
        {adjacent.previous ? (
          <Link href={measureHref(adjacent.previous)} rel="prev" className="underline">
            ← {measureName(adjacent.previous, locale).label}
          </Link>
        ) : <span />}
        {adjacent.next ? (
          <Link href={measureHref(adjacent.next)} rel="next" className="underline">
            {measureName(adjacent.next, locale).label} →
          </Link>
        ) : <span />}
      </nav>
    </article>
  );
}

type TM = Awaited<ReturnType<typeof getTranslations<"measure">>>;

function DutiesTable({ measure, locale, t }: { measure: MeasureDetail; locale: string; t: TM }) {
  const en = locale === "en";
  return (
    <Section id="duties" title={t("duties")}>
      <DataTable
        labelledBy="duties"
        rows={measure.duties}
        rowKey={(duty) => duty.id}
        empty={t("dutiesEmpty")}
        columns={[
          { key: "assignee", header: t("assignee"), cell: (duty) => <Assignee duty={duty} locale={locale} t={t} /> },
          { key: "role", header: t("role"), cell: (duty) => <Badge tone={duty.role === "LEAD" ? "lead" : "neutral"}>{duty.role === "LEAD" ? t("lead") : t("cooperating")}</Badge> },
          { key: "text", header: t("dutyText"), cell: (duty) => (en ? duty.summaryEn : duty.summaryZh) },
          { key: "source", header: t("source"), cell: (duty) => <q lang="zh-CN" className="text-stone-700">{duty.sourceQuote}</q> },
        ]}
      />
    </Section>
  );
}

/** Who carries a duty: a department, every reporting unit, or the units it names. */
function Assignee({ duty, locale, t }: { duty: MeasureDetail["duties"][number]; locale: string; t: TM }) {
  if (duty.department) {
    return <Link href={`/departments/${duty.department.code}`} className="text-brand-800 underline">{localName(duty.department, locale)}</Link>;
  }
  if (duty.assignee === "ALL_REPORTING_UNITS") return <Link href="/units" className="text-brand-800 underline">{t("allReportingUnits")}</Link>;
  return (
    <ul>
      {duty.units.map(({ unit }) => (
        <li key={unit.code}>
          <Link href={`/units/${unit.code}`} className="text-brand-800 underline">{localName(unit, locale)}</Link>
        </li>
      ))}
    </ul>
  );
}
