import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import type { HistoryEntry } from "@/server/organisation/shared";
import { localName } from "@/shared/local-name";
import { OrgAdminNav } from "./admin-chrome";
import { HistoryTable } from "./history-table";

export type Fact = { label: string; value: ReactNode; numeric?: boolean; lang?: string };
type Change = "name" | "status";

/** What the rename and status forms show, and the errors their actions may answer with. */
const FORM_MESSAGES = ["adminOrg.*", "adminOrg.fields", "adminOrg.hints", "adminOrg.rename", "adminOrg.status"];

/**
 * The admin page of one unit or department: its facts, one change form at a time (?change=name,
 * ?change=status: the form kit names its fields by input name) or the links that open one,
 * whatever else the page adds, and its history.
 */
export async function OrgRecordPage({ kind, record, facts, form, offers, history, children }: {
  kind: "unit" | "department";
  record: { id: number; nameZh: string; nameEn: string | null; active: boolean };
  facts: Fact[];
  /** the form the URL asks for, or null to offer the changes instead */
  form: ReactNode;
  offers: { change: Change; label: string }[];
  history: HistoryEntry[];
  children?: ReactNode;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("adminOrg")]);
  const list = `/admin/${kind}s`;
  const here = `${list}/${record.id}`;
  return (
    <div className="space-y-6">
      <OrgAdminNav current={kind === "unit" ? "units" : "departments"} />
      <PageHeader
        back={{ href: list, label: t(`${kind}.backToList`) }}
        title={
          <>
            {localName(record, locale)} {!record.active && <Badge tone="missing">{t("status.inactive")}</Badge>}
          </>
        }
      >
        {locale === "en" && record.nameEn && <p lang="zh-CN">{record.nameZh}</p>}
      </PageHeader>

      <dl className="grid gap-x-6 gap-y-1 rounded border border-stone-300 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="font-medium">{fact.label}</dt>
            <dd className={fact.numeric ? "tabular-nums" : undefined} lang={fact.lang}>{fact.value}</dd>
          </div>
        ))}
      </dl>

      {form ? (
        <ClientMessages namespaces={FORM_MESSAGES}>
          {form}
          <p className="mt-2 text-sm">
            <Link href={here} className="underline">{t("unit.closeForm")}</Link>
          </p>
        </ClientMessages>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {offers.map((offer) => (
            <li key={offer.change}>
              <Link href={`${here}?change=${offer.change}`} className="inline-block rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow">{offer.label}</Link>
            </li>
          ))}
        </ul>
      )}

      {children}
      <HistoryTable entries={history} kindNamespace={kind === "unit" ? "unitKind" : "departmentKind"} />
    </div>
  );
}
