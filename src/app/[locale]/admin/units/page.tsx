import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { CreateTownshipForm, CreateZoneForm } from "@/components/organisation/unit-forms";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { listCountyLevelUnits, listUnitsForAdmin } from "@/server/organisation/units";
import { createUnit } from "@/actions/organisation";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ add?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminOrg.units" }))("title") };
}

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
      <header>
        <h1 className="text-2xl font-bold">{t("units.title")}</h1>
        <p className="mt-1 text-stone-700">{t("units.intro")}</p>
      </header>

      {add === "zone" || add === "township" ? (
        <ClientMessages namespaces={["adminOrg"]}>
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

      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("units.title")}</caption>
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t("fields.name")}</th>
              <th scope="col" className="p-2">{t("fields.code")}</th>
              <th scope="col" className="p-2">{t("fields.kind")}</th>
              <th scope="col" className="p-2">{t("fields.isReporting")}</th>
              <th scope="col" className="p-2">{t("fields.active")}</th>
              <th scope="col" className="p-2 text-right">{t("units.townships")}</th>
              <th scope="col" className="p-2 text-right">{t("units.activeUsers")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id} className="border-b border-stone-200">
                <th scope="row" className="p-2 text-left font-normal">
                  <Link href={`/admin/units/${unit.id}`} className="text-brand-800 underline">{localName(unit, locale)}</Link>
                </th>
                <td className="p-2 tabular-nums">{unit.code}</td>
                <td className="p-2">{tk(unit.kind)}</td>
                <td className="p-2">{unit.isReporting ? t("history.yes") : t("history.no")}</td>
                <td className="p-2">{unit.active ? t("status.active") : <Badge tone="missing">{t("status.inactive")}</Badge>}</td>
                <td className="p-2 text-right tabular-nums">{unit._count.children}</td>
                <td className="p-2 text-right tabular-nums">{unit._count.users}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
