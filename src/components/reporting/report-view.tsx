import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import type { getReportForEdit, ReviewEventView } from "@/server/reporting/queries";
import type { DiffEntry } from "@/server/reporting/snapshot";
import { measureHeading } from "@/shared/measure-label";
import { formatRatio, ratioOf } from "./ratio";
import { localName } from "@/shared/local-name";
import { fieldApplies, ITEM_FIELD_KEYS, optionMessageKey, reportItemField, type ItemFieldKey } from "@/shared/reporting/report-fields";

// Read-only pieces shared by the filer's locked report, the reviewer's page and the lists:
// rendered on the server, no JavaScript.

export type ReportData = NonNullable<Awaited<ReturnType<typeof getReportForEdit>>>;
export type MeasureData = ReportData["measures"][number];
export type IndicatorData = MeasureData["indicators"][number];

type T = Awaited<ReturnType<typeof getTranslations<"reporting">>>;

export const indicatorName = (i: { nameZh: string; nameEn: string | null }, locale: string) => localName(i, locale);
export const unitOfMeasure = (i: { unitOfMeasureZh: string | null; unitOfMeasureEn: string | null }, locale: string) =>
  locale === "en" ? (i.unitOfMeasureEn ?? i.unitOfMeasureZh) : i.unitOfMeasureZh;

export function figureText(v: { numericValue: string | null; booleanValue: boolean | null }, t: T): string {
  if (v.numericValue !== null) return v.numericValue;
  if (v.booleanValue !== null) return v.booleanValue ? t("form.yes") : t("form.no");
  return "—";
}

const statusTone = { NOT_STARTED: "missing", DRAFT: "neutral", SUBMITTED: "info", RETURNED: "missing", APPROVED: "lead", PUBLISHED: "lead" } as const;

export async function StatusBadge({ status }: { status: keyof typeof statusTone }) {
  const t = await getTranslations("reporting.status");
  return <Badge tone={statusTone[status]}>{t(status)}</Badge>;
}

/** "12 days left", "due today", "3 days late" — or nothing once the report is in. */
export async function DueNote({ daysLeft, late, outstanding }: { daysLeft: number; late: boolean; outstanding: boolean }) {
  const t = await getTranslations("reporting.due");
  if (!outstanding) return late ? <span className="text-sm text-amber-900">{t("submittedLate")}</span> : null;
  if (daysLeft < 0) return <span className="font-semibold text-red-800">{t("late", { count: -daysLeft })}</span>;
  if (daysLeft === 0) return <span className="font-semibold text-amber-900">{t("today")}</span>;
  return <span className={daysLeft <= 7 ? "font-semibold text-amber-900" : "text-stone-700"}>{t("left", { count: daysLeft })}</span>;
}

/** One item as submitted: progress, narrative, figures, computed ratios, township table. */
export async function ItemView({ measure, locale, changedKeys }: { measure: MeasureData; locale: string; changedKeys?: Set<string> }) {
  const [t, tAll] = await Promise.all([getTranslations("reporting"), getTranslations()]);
  const { item } = measure;
  const unitFigures = measure.indicators.filter((i) => i.scope === "UNIT" && i.valueType !== "RATIO");
  const ratios = measure.indicators.filter((i) => i.valueType === "RATIO");
  const townshipFigures = measure.indicators.filter((i) => i.scope === "TOWNSHIP" && i.valueType !== "RATIO");
  const byId = new Map(measure.indicators.map((i) => [i.id, i]));
  const firstValue = (id: number | null) => (id === null ? null : (byId.get(id)?.values[0]?.numericValue ?? null));
  const changed = (key: string) => changedKeys?.has(key) ?? false;
  const mark = "bg-sky-50 outline outline-2 outline-sky-600";
  const townships = townshipFigures[0]?.values ?? [];
  // the key a changed figure has in the diff: its indicator and the unit it is about
  const valueKey = (indicator: IndicatorData) => (indicator.values[0] ? `value.${indicator.id}.${indicator.values[0].subjectUnitId}` : "");
  const figureRows = [
    ...unitFigures.map((indicator) => ({ kind: "figure" as const, indicator })),
    ...ratios.map((indicator) => ({ kind: "ratio" as const, indicator })),
  ];

  return (
    <div className="space-y-3">
      {item.reviewStatus === "RETURNED" && item.returnReason && (
        <div className="border-l-4 border-red-700 bg-red-50 p-3">
          <p className="font-semibold text-red-900">{t("form.returnedAtItem")}</p>
          <p className="mt-1 whitespace-pre-line">{item.returnReason}</p>
        </div>
      )}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
        {ITEM_FIELD_KEYS.filter((key) => fieldApplies(key, item)).map((key) => {
          const field = reportItemField(key);
          const value = item[key];
          const marked = changed(`item.${measure.measureId}.${key}`) ? mark : "";
          return (
            <Fragment key={key}>
              <dt className="font-medium">{tAll(field.labelKey)}</dt>
              {field.kind === "choice" ? (
                <dd className={marked}>{tAll(optionMessageKey(field, String(value)))}</dd>
              ) : (
                <dd className={`whitespace-pre-line ${marked}`}>{value || (field.emptyViewKey ? <span className="text-stone-600">{tAll(field.emptyViewKey)}</span> : "—")}</dd>
              )}
            </Fragment>
          );
        })}
      </dl>
      {figureRows.length > 0 && (
        <DataTable
          caption={t("form.figures")}
          showCaption
          rows={figureRows}
          rowKey={(row) => `${row.kind}-${row.indicator.id}`}
          rowHeaders
          rowClassName={(row) => (row.kind === "ratio" ? "bg-stone-50" : undefined)}
          columns={[
            {
              key: "indicator",
              header: t("view.indicator"),
              cell: (row) =>
                row.kind === "ratio" ? (
                  <>
                    {indicatorName(row.indicator, locale)} <span className="text-xs text-stone-600">({t("view.computed")})</span>
                  </>
                ) : (
                  indicatorName(row.indicator, locale)
                ),
            },
            {
              key: "value",
              header: t("view.value"),
              kind: "number",
              className: "font-mono",
              cellClassName: (row) => (row.kind === "ratio" ? "font-semibold" : changed(valueKey(row.indicator)) ? mark : undefined),
              cell: (row) => {
                if (row.kind === "ratio") return formatRatio(ratioOf(firstValue(row.indicator.numeratorId), firstValue(row.indicator.denominatorId)), locale);
                const v = row.indicator.values[0];
                return `${v ? figureText(v, t) : "—"} ${v?.numericValue !== null && v?.numericValue !== undefined ? unitOfMeasure(row.indicator, locale) : ""}`;
              },
            },
            {
              key: "comment",
              header: t("form.comment"),
              className: "whitespace-pre-line",
              cellClassName: (row) => (row.kind === "figure" && changed(`${valueKey(row.indicator)}.comment`) ? mark : undefined),
              cell: (row) => (row.kind === "figure" ? (row.indicator.values[0]?.comment ?? "") : null),
            },
          ]}
        />
      )}
      {townshipFigures.length > 0 && townships.length > 0 && (
        <DataTable
          caption={t("form.townshipTable")}
          showCaption
          rows={townships.map((township, row) => ({ township, row }))}
          rowKey={({ township }) => township.subjectUnitId}
          rowHeaders
          columns={[
            { key: "township", header: t("form.township"), cell: ({ township }) => township.subjectNameZh },
            ...townshipFigures.map((i) => ({
              key: String(i.id),
              header: indicatorName(i, locale),
              cellClassName: ({ row }: { row: number }) => (changed(i.values[row] ? `value.${i.id}.${i.values[row].subjectUnitId}` : "") ? mark : undefined),
              cell: ({ row }: { row: number }) => {
                const v = i.values[row];
                return (
                  <>
                    {v ? figureText(v, t) : "—"}
                    {v?.comment && <span className="block text-xs text-stone-700">{v.comment}</span>}
                  </>
                );
              },
            })),
          ]}
        />
      )}
    </div>
  );
}

/** Who did what, when and why: every transition of the report, oldest first. */
export async function Timeline({ events, measures, locale }: { events: ReviewEventView[]; measures: MeasureData[]; locale: string }) {
  const [t, format] = await Promise.all([getTranslations("reporting"), getFormatter()]);
  const headingOf = new Map(measures.map((m) => [String(m.measureId), measureHeading(m, locale)]));
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="text-lg font-semibold">{t("timeline.title")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("timeline.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-stone-300 pl-4">
          {events.map((e) => (
            <li key={e.id}>
              <p>
                <time dateTime={e.at} className="font-mono text-sm text-stone-700">{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</time>{" "}
                <span className="font-semibold">{t(`timeline.action.${e.action}`)}</span>
                {e.fromStatus && e.fromStatus !== e.toStatus && (
                  <span className="text-sm text-stone-700"> ({t(`status.${e.fromStatus}`)} → {t(`status.${e.toStatus}`)})</span>
                )}
                {" · "}
                <span>{e.actor ? `${e.actor.displayName} (${e.actor.username})` : t("timeline.system")}</span>
              </p>
              {e.reason && <p className="mt-1 whitespace-pre-line text-stone-800">{t("timeline.reason", { reason: e.reason })}</p>}
              {e.itemReasons && Object.keys(e.itemReasons).length > 0 && (
                <ul className="mt-1 list-disc pl-6 text-stone-800">
                  {Object.entries(e.itemReasons).map(([measureId, reason]) => (
                    <li key={measureId}>
                      <span className="font-medium">{headingOf.get(measureId) ?? measureId}:</span> {reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The changes between the last two submissions, field by field. */
export async function DiffTable({ entries, measures, locale, previousSequence, sequence }: { entries: DiffEntry[]; measures: MeasureData[]; locale: string; previousSequence: number; sequence: number }) {
  const [t, tAll] = await Promise.all([getTranslations("reporting"), getTranslations()]);
  const headingOf = new Map(measures.map((m) => [m.measureId, measureHeading(m, locale)]));
  const indicators = new Map(measures.flatMap((m) => m.indicators.map((i) => [i.id, { indicator: i, measureId: m.measureId }] as const)));
  const subjectName = (indicatorId: number, subjectUnitId: number) => indicators.get(indicatorId)?.indicator.values.find((v) => v.subjectUnitId === subjectUnitId)?.subjectNameZh ?? "";
  const itemField = (entry: DiffEntry) => (entry.kind === "item" ? reportItemField(entry.field as ItemFieldKey) : null);
  const fieldName = (entry: DiffEntry) => {
    const field = itemField(entry);
    return field ? tAll(field.labelKey) : t(`diff.field.${entry.field as "value" | "comment"}`);
  };
  const show = (entry: DiffEntry, value: string | null) => {
    if (value === null || value === "") return "—";
    const field = itemField(entry);
    // an answer a later version no longer offers is shown as it was stored
    if (field?.kind === "choice") return tAll.has(optionMessageKey(field, value)) ? tAll(optionMessageKey(field, value)) : value;
    if (entry.field === "value" && (value === "true" || value === "false")) return value === "true" ? t("form.yes") : t("form.no");
    return value;
  };
  const whereOf = (entry: DiffEntry) => {
    const found = entry.indicatorId !== null ? indicators.get(entry.indicatorId) : undefined;
    const measureId = entry.measureId ?? found?.measureId ?? null;
    return [
      measureId !== null ? headingOf.get(measureId) : null,
      found ? indicatorName(found.indicator, locale) : null,
      found && found.indicator.scope === "TOWNSHIP" && entry.subjectUnitId !== null ? subjectName(found.indicator.id, entry.subjectUnitId) : null,
      fieldName(entry),
    ]
      .filter(Boolean)
      .join(" · ");
  };
  return (
    <section aria-labelledby="diff-title" className="rounded border-2 border-sky-700 bg-white p-4">
      <h2 id="diff-title" className="text-lg font-semibold">{t("diff.title", { previous: previousSequence, current: sequence })}</h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("diff.none")}</p>
      ) : (
        <div className="mt-3">
          <DataTable
            labelledBy="diff-title"
            rows={entries}
            rowKey={(entry) => entry.key}
            rowHeaders
            columns={[
              { key: "where", header: t("diff.where"), cell: (entry) => whereOf(entry) },
              { key: "before", header: t("diff.before"), className: "whitespace-pre-line", cell: (entry) => <del className="text-red-900">{show(entry, entry.before)}</del> },
              { key: "after", header: t("diff.after"), className: "whitespace-pre-line", cell: (entry) => <ins className="text-green-900 no-underline">{show(entry, entry.after)}</ins> },
            ]}
          />
        </div>
      )}
    </section>
  );
}

/** Which measures a diff touches, for the "changed" flag on each reviewed item. */
export function changedMeasures(entries: DiffEntry[], measures: MeasureData[]): Set<number> {
  const measureOf = new Map(measures.flatMap((m) => m.indicators.map((i) => [i.id, m.measureId] as const)));
  const out = new Set<number>();
  for (const e of entries) {
    const m = e.measureId ?? (e.indicatorId !== null ? measureOf.get(e.indicatorId) : undefined);
    if (m !== undefined) out.add(m);
  }
  return out;
}
