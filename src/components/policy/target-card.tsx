import { getFormatter, getTranslations } from "next-intl/server";
import type { MeasureDetail } from "@/server/policy/queries";
import { describeTargetRule } from "@/shared/policy/target-rules";
import { Badge } from "@/components/ui/badge";
import { localName } from "@/shared/local-name";

type Target = MeasureDetail["targets"][number];

/** One target: its rule in words, when it is due, how it is computed, and the sentence it comes from. */
export async function TargetCard({ target, locale }: { target: Target; locale: string }) {
  const [t, tk, ts, format] = await Promise.all([getTranslations("measure"), getTranslations("targetKind"), getTranslations("targetScope"), getFormatter()]);
  const en = locale === "en";
  const rule = describeTargetRule(
    { kind: target.kind, comparator: target.comparator, threshold: target.threshold?.toString() ?? null, scope: target.scope },
    en ? "en" : "zh-CN",
  );
  const due =
    target.period === "EACH_SCHOOL_YEAR"
      ? t("dueEachSchoolYear")
      : target.dueDate
        ? format.dateTime(target.dueDate, { dateStyle: "long", timeZone: "UTC" })
        : t("dueContinuous");
  const indicator = target.indicator;
  const name = (x: { nameZh: string; nameEn: string }) => (localName(x, locale));
  const headingId = `target-${target.code}`;
  return (
    <article aria-labelledby={headingId} className="h-full rounded border border-stone-300 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="font-semibold">{en ? target.titleEn : target.titleZh}</h3>
        <Badge tone="info">{tk(target.kind)}</Badge>
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("rule")}</dt>
        <dd className="font-semibold tabular-nums">{rule}</dd>
        <dt className="font-medium">{t("due")}</dt>
        <dd>{due}</dd>
        <dt className="font-medium">{t("scope")}</dt>
        <dd>{ts(target.scope)}</dd>
        {indicator && (
          <>
            <dt className="font-medium">{t("indicator")}</dt>
            <dd>{name(indicator)}</dd>
          </>
        )}
        {indicator?.numerator && indicator.denominator && (
          <>
            <dt className="font-medium">{t("computedAs")}</dt>
            <dd>
              {name(indicator.numerator)} ÷ {name(indicator.denominator)}
            </dd>
          </>
        )}
      </dl>
      {(en ? target.evaluationNoteEn : target.evaluationNoteZh) && (
        <p className="mt-2 text-sm text-stone-700">{en ? target.evaluationNoteEn : target.evaluationNoteZh}</p>
      )}
      <figure className="mt-3">
        <figcaption className="text-xs font-medium uppercase tracking-wide text-stone-500">{t("quoteLabel")}</figcaption>
        <blockquote className="mt-1 border-l-4 border-brand-700 pl-3 text-sm" lang="zh-CN">
          {target.sourceQuote}
        </blockquote>
      </figure>
    </article>
  );
}
