import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActiveStatus, OrgAdminNav } from "@/components/organisation/admin-chrome";
import { CreateDepartmentForm } from "@/components/organisation/department-forms";
import { DataTable } from "@/components/ui/table";
import { ClientMessages } from "@/components/ui/client-messages";
import { DepartmentKind } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { listDepartmentsForAdmin } from "@/server/organisation/departments";
import { createDepartment } from "@/actions/organisation";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ add?: string }> };

export const generateMetadata = titleMetadata("adminOrg.departments.title");

export default async function AdminDepartmentsPage({ params, searchParams }: Props) {
  const [{ locale }, { add }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/departments");
  const departments = await loadOrForbidden(listDepartmentsForAdmin(actor, context));
  const [t, tk] = await Promise.all([getTranslations("adminOrg"), getTranslations("departmentKind")]);

  return (
    <div className="space-y-6">
      <OrgAdminNav current="departments" />
      <PageHeader title={t("departments.title")} intro={t("departments.intro")} />

      {add === "department" ? (
        <ClientMessages namespaces={["adminOrg.*", "adminOrg.fields", "adminOrg.hints", "adminOrg.departments"]}>
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

      <DataTable
        caption={t("departments.title")}
        rows={departments}
        rowKey={(department) => department.id}
        rowHeaders
        columns={[
          { key: "name", header: t("fields.name"), cell: (department) => <Link href={`/admin/departments/${department.id}`} className="text-brand-800 underline">{localName(department, locale)}</Link> },
          { key: "code", header: t("fields.code"), cell: (department) => department.code },
          { key: "kind", header: t("fields.departmentKind"), cell: (department) => tk(department.kind) },
          { key: "active", header: t("fields.active"), cell: (department) => <ActiveStatus active={department.active} /> },
          { key: "duties", header: t("departments.duties"), kind: "number", cell: (department) => department._count.duties },
          { key: "users", header: t("units.activeUsers"), kind: "number", cell: (department) => department._count.users },
        ]}
      />
    </div>
  );
}
