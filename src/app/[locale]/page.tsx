import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { measureHref, measureName } from "@/shared/measure-label";
import { Unavailable } from "@/components/ui/unavailable";
import { Link } from "@/i18n/navigation";
import { getOpinionOverview, type OpinionOverview } from "@/server/policy/queries";
import { titleMetadata } from "@/components/ui/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("home.title");

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tm, format, overview] = await Promise.all([
    getTranslations("home"),
    getTranslations("measure"),
    getFormatter(),
    getOpinionOverview(),
  ]);
  if (!overview) return <Unavailable />;
  const en = locale === "en";
  const measures = overview.measures.filter((m) => m.kind === "MEASURE");
  const safeguards = overview.measures.filter((m) => m.kind === "SAFEGUARD");
  const chapters = overview.sections.filter((s) => s.level === 1);

  return (
    <div className="space-y-8">
      <section aria-labelledby="document-title" className="rounded border border-stone-300 bg-white p-5">
        <h1 id="document-title" className="text-2xl font-bold leading-snug">
          {en ? overview.titleEn : overview.titleZh}
        </h1>
        {en && <p className="mt-1 text-stone-700" lang="zh-CN">{overview.titleZh}</p>}
        <p className="mt-2 text-sm text-stone-600">{en ? overview.titleNoteEn : overview.titleNoteZh}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("issuedBy")}</dt>
          <dd lang="zh-CN">{overview.issuer}</dd>
          <dt className="font-medium">{t("issuedOn")}</dt>
          <dd>{overview.issuedOn ? format.dateTime(overview.issuedOn, { dateStyle: "long", timeZone: "UTC" }) : "—"}</dd>
          {overview.publicationNote && (
            <>
              <dt className="font-medium">{t("publication")}</dt>
              <dd lang="zh-CN">{overview.publicationNote}</dd>
            </>
          )}
        </dl>
        <p className="mt-3 text-sm">
          {t("stats", { measures: measures.length, safeguards: safeguards.length, departments: overview.counts.departments, targets: overview.counts.targets })}
        </p>
      </section>

      <section aria-labelledby="contents">
        <h2 id="contents" className="mb-3 text-xl font-semibold">{t("contents")}</h2>
        <ol className="space-y-6">
          {chapters.map((chapter) => (
            <li key={chapter.id} className="rounded border border-stone-300 bg-white p-4">
              <h3 className="text-lg font-semibold">
                {chapter.label}
                {chapter.title ?? <MissingHeading text={t("chapterMissing")} />}
              </h3>
              <ChapterBody chapter={chapter} overview={overview} locale={locale} t={t} tm={tm} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"home">>>;
type TM = Awaited<ReturnType<typeof getTranslations<"measure">>>;
type Section = OpinionOverview["sections"][number];

function ChapterBody({ chapter, overview, locale, t, tm }: { chapter: Section; overview: OpinionOverview; locale: string; t: T; tm: TM }) {
  const sections = overview.sections.filter((s) => s.parentId === chapter.id);
  const direct = overview.measures.filter((m) => m.sectionId === chapter.id);
  const unplaced = sections.length ? overview.measures.filter((m) => m.sectionId === null) : [];
  return (
    <div className="mt-3 space-y-4">
      {unplaced.length > 0 && (
        <div>
          <h4 className="font-medium text-stone-700">{t("unplacedMeasures")}</h4>
          <MeasureList measures={unplaced} locale={locale} t={t} tm={tm} />
        </div>
      )}
      {sections.map((section) => {
        const inSection = overview.measures.filter((m) => m.sectionId === section.id);
        return (
          <div key={section.id}>
            <h4 className="font-medium">
              {section.label}
              {section.title ?? <MissingHeading text={t("sectionMissing")} />}
            </h4>
            {inSection.length > 0 && <MeasureList measures={inSection} locale={locale} t={t} tm={tm} />}
          </div>
        );
      })}
      {direct.length > 0 && <MeasureList measures={direct} locale={locale} t={t} tm={tm} />}
    </div>
  );
}

function MissingHeading({ text }: { text: string }) {
  return <span className="ml-2 align-middle"><Badge tone="missing">{text}</Badge></span>;
}

function MeasureList({ measures, locale, t, tm }: { measures: OpinionOverview["measures"]; locale: string; t: T; tm: TM }) {
  return (
    <ul className="mt-2 divide-y divide-stone-200 border-y border-stone-200">
      {measures.map((m) => {
        const name = measureName(m, locale);
        return (
          <li key={m.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
            <Link href={measureHref(m)} className="font-medium text-brand-800 underline-offset-2 hover:underline">
              {name.label}
              {name.title ? ` ${name.title}` : ""}
            </Link>
            {m.textStatus === "NOT_ENTERED" ? (
              <Badge tone="missing">{tm("notEnteredTitle")}</Badge>
            ) : (
              <span className="text-sm text-stone-600">
                {t("dutiesCount", { count: m._count.duties })} · {t("targetsCount", { count: m._count.targets })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
