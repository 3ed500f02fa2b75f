import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { HistoryTable } from "@/components/organisation/history-table";
import { StatusForm } from "@/components/organisation/status-form";
import { RenameUnitForm } from "@/components/organisation/unit-forms";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { getUnitHistory } from "@/server/organisation/units";
import { deactivateUnit, reactivateUnit, renameUnit } from "@/actions/organisation";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ change?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminOrg.unit" }))("title") };
}

// One form at a time (?change=name, ?change=status): the form kit names its fields by input name.
export default async function AdminUnitPage({ params, searchParams }: Props) {
  const [{ locale, id }, { change }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/admin/units/${id}`);
  const unit = await loadOrForbidden(getUnitHistory(actor, context, idFromPath(id)));
  const [t, tk, tt] = await Promise.all([getTranslations("adminOrg"), getTranslations("unitKind"), getTranslations("townshipType")]);
  const en = locale === "en";
  const here = `/admin/units/${unit.id}`;

  return (
    <div className="space-y-6">
      <OrgAdminNav current="units" />
      <p className="text-sm">
        <Link href="/admin/units" className="underline">{t("unit.backToList")}</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">
          {localName(unit, locale)} {!unit.active && <Badge tone="missing">{t("status.inactive")}</Badge>}
        </h1>
        {en && unit.nameEn && <p lang="zh-CN">{unit.nameZh}</p>}
      </header>

      <dl className="grid gap-x-6 gap-y-1 rounded border border-stone-300 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("fields.code")}</dt>
        <dd className="tabular-nums">{unit.code}</dd>
        <dt className="font-medium">{t("fields.statCode")}</dt>
        <dd className="tabular-nums">{unit.statCode ?? t("unit.noStatCode")}</dd>
        <dt className="font-medium">{t("fields.kind")}</dt>
        <dd>{unit.townshipType ? tt(unit.townshipType) : tk(unit.kind)}</dd>
        <dt className="font-medium">{t("fields.nameZh")}</dt>
        <dd lang="zh-CN">{unit.nameZh}</dd>
        <dt className="font-medium">{t("fields.nameEn")}</dt>
        <dd>{unit.nameEn ?? "—"}</dd>
        {unit.parent && (
          <>
            <dt className="font-medium">{t("fields.parent")}</dt>
            <dd>
              <Link href={`/admin/units/${unit.parent.id}`} className="underline">{localName(unit.parent, locale)}</Link>
            </dd>
          </>
        )}
        <dt className="font-medium">{t("fields.isReporting")}</dt>
        <dd>{unit.isReporting ? t("history.yes") : t("history.no")}</dd>
        <dt className="font-medium">{t("fields.active")}</dt>
        <dd>{unit.active ? t("status.active") : t("status.inactive")}</dd>
        <dt className="font-medium">{t("units.activeUsers")}</dt>
        <dd className="tabular-nums">{unit.activeUsers}</dd>
      </dl>

      {change === "name" || change === "status" ? (
        <ClientMessages namespaces={["adminOrg"]}>
          {change === "name" ? (
            <RenameUnitForm
              action={renameUnit}
              unit={{ id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, updatedAt: unit.updatedAt.toISOString(), isTownship: unit.kind === "TOWNSHIP" }}
            />
          ) : unit.kind === "CITY" ? (
            <p>{t("unit.cityStaysActive")}</p>
          ) : (
            <StatusForm kind="unit" id={unit.id} active={unit.active} activeUsers={unit.activeUsers} deactivate={deactivateUnit} reactivate={reactivateUnit} />
          )}
          <p className="mt-2 text-sm">
            <Link href={here} className="underline">{t("unit.closeForm")}</Link>
          </p>
        </ClientMessages>
      ) : (
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href={`${here}?change=name`} className="inline-block rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow">{t("unit.changeName")}</Link>
          </li>
          {unit.kind !== "CITY" && (
            <li>
              <Link href={`${here}?change=status`} className="inline-block rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow">
                {unit.active ? t("status.deactivateTitle") : t("status.reactivateTitle")}
              </Link>
            </li>
          )}
        </ul>
      )}

      {unit.kind !== "TOWNSHIP" && unit.kind !== "CITY" && (
        <section aria-labelledby="townships">
          <h2 id="townships" className="text-lg font-semibold">{t("unit.townships", { count: unit.children.length })}</h2>
          {unit.children.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("unit.noTownships")}</p>
          ) : (
            <ul className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 md:grid-cols-4">
              {unit.children.map((township) => (
                <li key={township.id}>
                  <Link href={`/admin/units/${township.id}`} className="underline" lang="zh-CN">{township.nameZh}</Link>
                  {!township.active && <span className="ml-1 text-sm text-stone-600">({t("status.inactive")})</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <HistoryTable entries={unit.history} kindNamespace="unitKind" />
    </div>
  );
}
