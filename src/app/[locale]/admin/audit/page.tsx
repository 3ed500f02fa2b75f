import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Notice, Panel, Section } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { AUDIT_EXPORT_CAP } from "@/server/audit/export-csv";
import { AUDIT_OUTCOMES, filterQueryString, formatShanghai, type AuditFilters, type FilterKey } from "@/server/audit/filters";
import { checkAuditChain, listUnitOptions, searchAuditLog, type ChainCheck } from "@/server/audit/queries";
import { ROLES } from "@/shared/roles";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };
type T = Awaited<ReturnType<typeof getTranslations<"audit">>>;
type TRoles = Awaited<ReturnType<typeof getTranslations<"roles">>>;

const PATH = "/admin/audit";

export const generateMetadata = titleMetadata("audit.title");

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/audit");
  const [sp, t, tRoles] = await Promise.all([searchParams, getTranslations("audit"), getTranslations("roles")]);
  const result = await loadOrForbidden(searchAuditLog(actor, context, sp));
  const [units, chain] = await Promise.all([listUnitOptions(), sp.verify === "1" ? checkAuditChain(actor, context) : null]);
  const { rows, query, ignored } = result;

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />

      {ignored.length > 0 && <IgnoredNotice ignored={ignored} t={t} />}

      <Panel id="filters" title={t("filtersTitle")}>
        {/* GET, so the filters live in the URL: shareable, bookmarkable, and the export link carries them. */}
        <form method="get" className="mt-3 grid gap-4 md:grid-cols-3">
          <TextInput name="actor" label={t("actor")} hint={t("actorHint")} value={query.actor} />
          <TextInput name="action" label={t("action")} hint={t("actionHint")} value={query.action} />
          <div>
            <label htmlFor="filter-outcome" className="block font-medium">{t("outcome")}</label>
            <select id="filter-outcome" name="outcome" defaultValue={query.outcome ?? ""} className="mt-1 w-full rounded border border-stone-500 bg-white p-2 focus:outline-none focus:ring-4 focus:ring-amber-400">
              <option value="">{t("outcomeAny")}</option>
              {AUDIT_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>{t(`outcomes.${outcome}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-unit" className="block font-medium">{t("unit")}</label>
            <select id="filter-unit" name="unit" defaultValue={query.unit ?? ""} className="mt-1 w-full rounded border border-stone-500 bg-white p-2 focus:outline-none focus:ring-4 focus:ring-amber-400">
              <option value="">{t("unitAny")}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {"\u00a0\u00a0".repeat(unit.depth)}
                  {localName(unit, locale)}
                </option>
              ))}
            </select>
          </div>
          <TextInput name="from" label={t("from")} hint={t("timeHint")} value={query.from} />
          <TextInput name="to" label={t("to")} hint={t("timeHint")} value={query.to} />
          <div className="flex flex-wrap items-center gap-4 md:col-span-3">
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-4 focus:ring-amber-400">
              {t("apply")}
            </button>
            <Link href={PATH} className="underline focus:outline-none focus:ring-4 focus:ring-amber-400">{t("clear")}</Link>
          </div>
        </form>
      </Panel>

      <Section id="results" title={t("resultsTitle")}>
        <DataTable
          caption={t("resultsCaption")}
          // ten columns overflow narrow windows, and no cell holds a link or button to tab to
          scrollRegionId="audit-results-caption"
          rows={rows}
          rowKey={(row) => row.id}
          empty={t("empty")}
          columns={[
            { key: "at", header: t("colTime"), kind: "nowrap", cell: (row) => <time dateTime={row.at.toISOString()}>{formatShanghai(row.at)}</time> },
            { key: "actor", header: t("colActor"), cell: (row) => row.actorName ?? <span className="text-stone-600">{t("anonymous")}</span> },
            { key: "role", header: t("colRole"), cell: (row) => roleLabel(row.actorRole, tRoles) },
            { key: "action", header: t("colAction"), cell: (row) => <code className="break-all">{row.action}</code> },
            { key: "outcome", header: t("colOutcome"), cell: (row) => <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${OUTCOME_STYLE[row.outcome]}`}>{t(`outcomes.${row.outcome}`)}</span> },
            { key: "target", header: t("colTarget"), cell: (row) => [row.targetType, row.targetId].filter(Boolean).join(" ") },
            { key: "unit", header: t("colUnit"), cell: (row) => (row.unit ? localName(row.unit, locale) : "") },
            { key: "ip", header: t("colIp"), kind: "nowrap", cell: (row) => <code>{row.ip}</code> },
            { key: "request", header: t("colRequest"), cell: (row) => <code className="break-all text-xs">{row.requestId}</code> },
            { key: "changes", header: t("colChanges"), className: "min-w-64", cell: (row) => <Changes changes={row.changes} empty={t("noChanges")} /> },
          ]}
        />
        {(result.olderCursor || result.paged) && (
          <nav aria-label={t("paging")} className="mt-3 flex gap-6 text-sm">
            {result.paged && <Link href={{ pathname: PATH, query }} className="underline">{t("newest")}</Link>}
            {result.olderCursor && (
              <Link href={{ pathname: PATH, query: { ...query, before: result.olderCursor } }} rel="next" className="underline">
                {t("older")} →
              </Link>
            )}
          </nav>
        )}
      </Section>

      <Panel id="export" title={t("exportTitle")}>
        <p className="mt-2 text-stone-700">{t("exportBody", { max: AUDIT_EXPORT_CAP })}</p>
        {/* A route handler, not a page: no locale prefix. */}
        <a href={`/api/audit/export${filterQueryString(query)}`} className="mt-3 inline-block underline focus:outline-none focus:ring-4 focus:ring-amber-400">
          {t("exportLink")}
        </a>
      </Panel>

      <Panel id="verify" title={t("verifyTitle")}>
        <p className="mt-2 text-stone-700">{t("verifyBody")}</p>
        {chain && <ChainResult chain={chain} t={t} />}
        <Link href={{ pathname: PATH, query: { ...query, verify: "1" } }} className="mt-3 inline-block underline focus:outline-none focus:ring-4 focus:ring-amber-400">
          {t("verifyLink")}
        </Link>
      </Panel>
    </div>
  );
}

function TextInput({ name, label, hint, value }: { name: FilterKey; label: string; hint: string; value?: string }) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={value ?? ""}
        aria-describedby={`${id}-hint`}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        className="mt-1 w-full rounded border border-stone-500 p-2 focus:outline-none focus:ring-4 focus:ring-amber-400"
      />
    </div>
  );
}

function IgnoredNotice({ ignored, t }: { ignored: AuditFilters["ignored"]; t: T }) {
  return (
    <Notice tone="warning" role="status" title={t("ignoredTitle")}>
      <ul className="mt-1 list-disc pl-6">
        {ignored.map((key) => (
          <li key={key}>{key === "before" ? t("ignoredBefore") : t("ignoredField", { field: t(key) })}</li>
        ))}
      </ul>
    </Notice>
  );
}

const OUTCOME_STYLE = {
  SUCCESS: "bg-green-100 text-green-900 border-green-300",
  DENIED: "bg-red-100 text-red-900 border-red-300",
  FAILURE: "bg-amber-100 text-amber-900 border-amber-300",
} as const;

const roleLabel = (role: string | null, tRoles: TRoles) => {
  const known = ROLES.find((r) => r === role);
  return known ? tRoles(known) : role;
};

const LIMIT = 80;

function compact(value: unknown): ReactNode {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.length > LIMIT ? <span title={text}>{`${text.slice(0, LIMIT)}…`}</span> : text;
}

const isBeforeAfter = (value: unknown): value is { before: unknown; after: unknown } =>
  value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).sort().join() === "after,before";

/** diffFields' { field: { before, after } } as "field: before → after"; anything else as compact JSON. */
function Changes({ changes, empty }: { changes: unknown; empty: string }) {
  if (changes === null || changes === undefined) return <span className="text-stone-500">{empty}</span>;
  if (typeof changes !== "object" || Array.isArray(changes)) return <code className="break-all">{compact(changes)}</code>;
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="text-stone-500">{empty}</span>;
  return (
    <ul className="space-y-0.5">
      {entries.map(([key, value]) => (
        <li key={key} className="break-all">
          <span className="font-medium">{key}</span>:{" "}
          {isBeforeAfter(value) ? (
            <>
              <del className="text-red-800">{compact(value.before)}</del> → <ins className="text-green-800 no-underline">{compact(value.after)}</ins>
            </>
          ) : (
            compact(value)
          )}
        </li>
      ))}
    </ul>
  );
}

function ChainResult({ chain, t }: { chain: ChainCheck; t: T }) {
  if (chain.ok) {
    return (
      <Notice tone="success" role="status" className="mt-3 font-medium text-green-900">
        {t("verifyOk", { rows: chain.rows })}
      </Notice>
    );
  }
  return (
    <Notice tone="error" role="alert" className="mt-3">
      <p className="font-semibold">{chain.kind === "link" ? t("verifyBrokenLink", { id: chain.firstBrokenId }) : t("verifyBrokenContent", { id: chain.firstBrokenId })}</p>
      <p className="mt-1">{t("verifyBrokenAdvice")}</p>
    </Notice>
  );
}
