import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { CreateDepartmentForm } from "@/components/organisation/department-forms";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { DepartmentKind } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { listDepartmentsForAdmin } from "@/server/organisation/departments";
import { createDepartment } from "@/actions/organisation";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ add?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminOrg.departments" }))("title") };
}

export default async function AdminDepartmentsPage({ params, searchParams }: Props) {
  const [{ locale }, { add }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/departments");
  const departments = await loadOrForbidden(listDepartmentsForAdmin(actor, context));
  const [t, tk] = await Promise.all([getTranslations("adminOrg"), getTranslations("departmentKind")]);

  return (
    <div className="space-y-6">
      <OrgAdminNav current="departments" />
      <header>
        <h1 className="text-2xl font-bold">{t("departments.title")}</h1>
        <p className="mt-1 text-stone-700">{t("departments.intro")}</p>
      </header>

      {add === "department" ? (
        <ClientMessages namespaces={["adminOrg"]}>
          <CreateDepartmentForm action={createDepartment} kinds={Object.values(DepartmentKind).map((kind) => ({ value: kind, label: tk(kind) }))} />
          <p className="mt-2 text-sm">
            <Link href="/admin/departments" className="underline">{t("units.closeForm")}</Link>
          </p>
        </ClientMessages>
      ) : (
        <p>
          <Link href="/admin/departments?add=department" className="inline-block rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("departments.add")}</Link>
        </p>
      )}

      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("departments.title")}</caption>
          <thead>
            <tr className="border-b-2 border-stone-400 text-left">
              <th scope="col" className="p-2">{t("fields.name")}</th>
              <th scope="col" className="p-2">{t("fields.code")}</th>
              <th scope="col" className="p-2">{t("fields.departmentKind")}</th>
              <th scope="col" className="p-2">{t("fields.active")}</th>
              <th scope="col" className="p-2 text-right">{t("departments.duties")}</th>
              <th scope="col" className="p-2 text-right">{t("units.activeUsers")}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((department) => (
              <tr key={department.id} className="border-b border-stone-200">
                <th scope="row" className="p-2 text-left font-normal">
                  <Link href={`/admin/departments/${department.id}`} className="text-brand-800 underline">{localName(department, locale)}</Link>
                </th>
                <td className="p-2">{department.code}</td>
                <td className="p-2">{tk(department.kind)}</td>
                <td className="p-2">{department.active ? t("status.active") : <Badge tone="missing">{t("status.inactive")}</Badge>}</td>
                <td className="p-2 text-right tabular-nums">{department._count.duties}</td>
                <td className="p-2 text-right tabular-nums">{department._count.users}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
