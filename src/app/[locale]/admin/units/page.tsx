import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActiveStatus, OrgAdminNav } from "@/components/organisation/admin-chrome";
import { CreateTownshipForm, CreateZoneForm } from "@/components/organisation/unit-forms";
import { DataTable } from "@/components/ui/table";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { listCountyLevelUnits, listUnitsForAdmin } from "@/server/organisation/units";
import { createUnit } from "@/actions/organisation";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ add?: string }> };

export const generateMetadata = titleMetadata("adminOrg.units.title");

// One form at a time (?add=zone, ?add=township): the form kit names its fields by input name.
export default async function AdminUnitsPage({ params, searchParams }: Props) {
  const [{ locale }, { add }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/units");
  const [units, counties] = await loadOrForbidden(Promise.all([listUnitsForAdmin(actor, context), listCountyLevelUnits(actor, context)]));
  const [t, tk] = await Promise.all([getTranslations("adminOrg"), getTranslations("unitKind")]);

  return (
    <div className="space-y-6">
      <OrgAdminNav current="units" />
      <PageHeader title={t("units.title")} intro={t("units.intro")} />

      {add === "zone" || add === "township" ? (
        <ClientMessages namespaces={["adminOrg.*", "adminOrg.fields", "adminOrg.hints", "adminOrg.units"]}>
          {add === "zone" ? (
            <CreateZoneForm action={createUnit} />
          ) : (
            <CreateTownshipForm action={createUnit} counties={counties.map((c) => ({ id: c.id, label: `${localName(c, locale)} (${c.code})` }))} />
          )}
          <p className="mt-2 text-sm">
            <Link href="/admin/units" className="underline">{t("units.closeForm")}</Link>
          </p>
        </ClientMessages>
      ) : (
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href="/admin/units?add=zone" className="inline-block rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("units.addZone")}</Link>
          </li>
          <li>
            <Link href="/admin/units?add=township" className="inline-block rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("units.addTownship")}</Link>
          </li>
        </ul>
      )}

      <DataTable
        caption={t("units.title")}
        rows={units}
        rowKey={(unit) => unit.id}
        rowHeaders
        columns={[
          { key: "name", header: t("fields.name"), cell: (unit) => <Link href={`/admin/units/${unit.id}`} className="text-brand-800 underline">{localName(unit, locale)}</Link> },
          { key: "code", header: t("fields.code"), className: "tabular-nums", cell: (unit) => unit.code },
          { key: "kind", header: t("fields.kind"), cell: (unit) => tk(unit.kind) },
          { key: "isReporting", header: t("fields.isReporting"), cell: (unit) => (unit.isReporting ? t("history.yes") : t("history.no")) },
          { key: "active", header: t("fields.active"), cell: (unit) => <ActiveStatus active={unit.active} /> },
          { key: "townships", header: t("units.townships"), kind: "number", cell: (unit) => unit._count.children },
          { key: "users", header: t("units.activeUsers"), kind: "number", cell: (unit) => unit._count.users },
        ]}
      />
    </div>
  );
}
