import { getTranslations, setRequestLocale } from "next-intl/server";
import { RenameDepartmentForm } from "@/components/organisation/department-forms";
import { OrgRecordPage } from "@/components/organisation/record-page";
import { StatusForm } from "@/components/organisation/status-form";
import { getDepartmentHistory } from "@/server/organisation/departments";
import { deactivateDepartment, reactivateDepartment, renameDepartment } from "@/actions/organisation";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ change?: string }> };

export const generateMetadata = titleMetadata("adminOrg.department.title");

export default async function AdminDepartmentPage({ params, searchParams }: Props) {
  const [{ locale, id }, { change }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/admin/departments/${id}`);
  const department = await loadOrForbidden(getDepartmentHistory(actor, context, idFromPath(id)));
  const [t, tk] = await Promise.all([getTranslations("adminOrg"), getTranslations("departmentKind")]);

  const form =
    change === "name" ? (
      <RenameDepartmentForm
        action={renameDepartment}
        department={{ id: department.id, nameZh: department.nameZh, nameEn: department.nameEn, aliasesZh: department.aliasesZh, updatedAt: department.updatedAt.toISOString() }}
      />
    ) : change === "status" ? (
      <StatusForm kind="department" id={department.id} active={department.active} activeUsers={department.activeUsers} deactivate={deactivateDepartment} reactivate={reactivateDepartment} />
    ) : null;

  return (
    <OrgRecordPage
      kind="department"
      record={department}
      facts={[
        { label: t("fields.code"), value: department.code },
        { label: t("fields.departmentKind"), value: tk(department.kind) },
        { label: t("fields.nameZh"), value: department.nameZh, lang: "zh-CN" },
        { label: t("fields.nameEn"), value: department.nameEn },
        { label: t("fields.aliasesZh"), value: department.aliasesZh.length ? department.aliasesZh.join("、") : "—", lang: "zh-CN" },
        { label: t("fields.active"), value: department.active ? t("status.active") : t("status.inactive") },
        { label: t("departments.duties"), value: department.duties, numeric: true },
        { label: t("units.activeUsers"), value: department.activeUsers, numeric: true },
      ]}
      form={form}
      offers={[
        { change: "name", label: t("department.changeName") },
        { change: "status", label: department.active ? t("status.deactivateTitle") : t("status.reactivateTitle") },
      ]}
      history={department.history}
    />
  );
}
