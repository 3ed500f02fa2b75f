import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrgRecordPage } from "@/components/organisation/record-page";
import { StatusForm } from "@/components/organisation/status-form";
import { RenameUnitForm } from "@/components/organisation/unit-forms";
import { Section } from "@/components/ui/panel";
import { Link } from "@/i18n/navigation";
import { getUnitHistory } from "@/server/organisation/units";
import { deactivateUnit, reactivateUnit, renameUnit } from "@/actions/organisation";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ change?: string }> };

export const generateMetadata = titleMetadata("adminOrg.unit.title");

export default async function AdminUnitPage({ params, searchParams }: Props) {
  const [{ locale, id }, { change }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/admin/units/${id}`);
  const unit = await loadOrForbidden(getUnitHistory(actor, context, idFromPath(id)));
  const [t, tk, tt] = await Promise.all([getTranslations("adminOrg"), getTranslations("unitKind"), getTranslations("townshipType")]);
  const isCity = unit.kind === "CITY";

  const form =
    change === "name" ? (
      <RenameUnitForm action={renameUnit} unit={{ id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, updatedAt: unit.updatedAt.toISOString(), isTownship: unit.kind === "TOWNSHIP" }} />
    ) : change === "status" ? (
      isCity ? <p>{t("unit.cityStaysActive")}</p> : <StatusForm kind="unit" id={unit.id} active={unit.active} activeUsers={unit.activeUsers} deactivate={deactivateUnit} reactivate={reactivateUnit} />
    ) : null;

  return (
    <OrgRecordPage
      kind="unit"
      record={unit}
      facts={[
        { label: t("fields.code"), value: unit.code, numeric: true },
        { label: t("fields.statCode"), value: unit.statCode ?? t("unit.noStatCode"), numeric: true },
        { label: t("fields.kind"), value: unit.townshipType ? tt(unit.townshipType) : tk(unit.kind) },
        { label: t("fields.nameZh"), value: unit.nameZh, lang: "zh-CN" },
        { label: t("fields.nameEn"), value: unit.nameEn ?? "—" },
        ...(unit.parent ? [{ label: t("fields.parent"), value: <Link href={`/admin/units/${unit.parent.id}`} className="underline">{localName(unit.parent, locale)}</Link> }] : []),
        { label: t("fields.isReporting"), value: unit.isReporting ? t("history.yes") : t("history.no") },
        { label: t("fields.active"), value: unit.active ? t("status.active") : t("status.inactive") },
        { label: t("units.activeUsers"), value: unit.activeUsers, numeric: true },
      ]}
      form={form}
      offers={[
        { change: "name", label: t("unit.changeName") },
        ...(isCity ? [] : [{ change: "status" as const, label: unit.active ? t("status.deactivateTitle") : t("status.reactivateTitle") }]),
      ]}
      history={unit.history}
    >
      {unit.kind !== "TOWNSHIP" && !isCity && (
        <Section id="townships" title={t("unit.townships", { count: unit.children.length })}>
          {unit.children.length === 0 ? (
            <p className="text-stone-600">{t("unit.noTownships")}</p>
          ) : (
            <ul className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 md:grid-cols-4">
              {unit.children.map((township) => (
                <li key={township.id}>
                  <Link href={`/admin/units/${township.id}`} className="underline" lang="zh-CN">{township.nameZh}</Link>
                  {!township.active && <span className="ml-1 text-sm text-stone-600">({t("status.inactive")})</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
    </OrgRecordPage>
  );
}
