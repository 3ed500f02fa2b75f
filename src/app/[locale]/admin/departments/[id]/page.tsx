import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrgAdminNav } from "@/components/organisation/admin-chrome";
import { RenameDepartmentForm } from "@/components/organisation/department-forms";
import { HistoryTable } from "@/components/organisation/history-table";
import { StatusForm } from "@/components/organisation/status-form";
import { Badge } from "@/components/ui/badge";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { getDepartmentHistory } from "@/server/organisation/departments";
import { deactivateDepartment, reactivateDepartment, renameDepartment } from "@/actions/organisation";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ change?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminOrg.department" }))("title") };
}

// One form at a time (?change=name, ?change=status): the form kit names its fields by input name.
export default async function AdminDepartmentPage({ params, searchParams }: Props) {
  const [{ locale, id }, { change }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/admin/departments/${id}`);
  const department = await loadOrForbidden(getDepartmentHistory(actor, context, idFromPath(id)));
  const [t, tk] = await Promise.all([getTranslations("adminOrg"), getTranslations("departmentKind")]);
  const en = locale === "en";
  const here = `/admin/departments/${department.id}`;

  return (
    <div className="space-y-6">
      <OrgAdminNav current="departments" />
      <p className="text-sm">
        <Link href="/admin/departments" className="underline">{t("department.backToList")}</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">
          {localName(department, locale)} {!department.active && <Badge tone="missing">{t("status.inactive")}</Badge>}
        </h1>
        {en && <p lang="zh-CN">{department.nameZh}</p>}
      </header>

      <dl className="grid gap-x-6 gap-y-1 rounded border border-stone-300 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("fields.code")}</dt>
        <dd>{department.code}</dd>
        <dt className="font-medium">{t("fields.departmentKind")}</dt>
        <dd>{tk(department.kind)}</dd>
        <dt className="font-medium">{t("fields.nameZh")}</dt>
        <dd lang="zh-CN">{department.nameZh}</dd>
        <dt className="font-medium">{t("fields.nameEn")}</dt>
        <dd>{department.nameEn}</dd>
        <dt className="font-medium">{t("fields.aliasesZh")}</dt>
        <dd lang="zh-CN">{department.aliasesZh.length ? department.aliasesZh.join("、") : "—"}</dd>
        <dt className="font-medium">{t("fields.active")}</dt>
        <dd>{department.active ? t("status.active") : t("status.inactive")}</dd>
        <dt className="font-medium">{t("departments.duties")}</dt>
        <dd className="tabular-nums">{department.duties}</dd>
        <dt className="font-medium">{t("units.activeUsers")}</dt>
        <dd className="tabular-nums">{department.activeUsers}</dd>
      </dl>

      {change === "name" || change === "status" ? (
        <ClientMessages namespaces={["adminOrg"]}>
          {change === "name" ? (
            <RenameDepartmentForm
              action={renameDepartment}
              department={{ id: department.id, nameZh: department.nameZh, nameEn: department.nameEn, aliasesZh: department.aliasesZh, updatedAt: department.updatedAt.toISOString() }}
            />
          ) : (
            <StatusForm
              kind="department"
              id={department.id}
              active={department.active}
              activeUsers={department.activeUsers}
              deactivate={deactivateDepartment}
              reactivate={reactivateDepartment}
            />
          )}
          <p className="mt-2 text-sm">
            <Link href={here} className="underline">{t("unit.closeForm")}</Link>
          </p>
        </ClientMessages>
      ) : (
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href={`${here}?change=name`} className="inline-block rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow">{t("department.changeName")}</Link>
          </li>
          <li>
            <Link href={`${here}?change=status`} className="inline-block rounded bg-stone-200 px-4 py-2 font-medium text-stone-900 shadow">
              {department.active ? t("status.deactivateTitle") : t("status.reactivateTitle")}
            </Link>
          </li>
        </ul>
      )}

      <HistoryTable entries={department.history} kindNamespace="departmentKind" />
    </div>
  );
}
