import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotPermitted, OrgAdminNav } from "@/components/admin-org/admin-chrome";
import { RenameDepartmentForm } from "@/components/admin-org/department-forms";
import { HistoryTable } from "@/components/admin-org/history-table";
import { loadAuthorized, requireSignedIn } from "@/components/admin-org/page-guard";
import { StatusForm } from "@/components/admin-org/status-form";
import { Badge } from "@/components/badge";
import { ClientMessages } from "@/components/forms/client-messages";
import { Link } from "@/i18n/navigation";
import { getRequestContext } from "@/server/auth/request-context";
import { getDepartmentHistory } from "@/server/organisation/departments";
import { deactivateDepartmentAction, reactivateDepartmentAction, renameDepartmentAction } from "../actions";

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
  const actor = await requireSignedIn(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const context = await getRequestContext();
  const loaded = await loadAuthorized(() => getDepartmentHistory(actor, context, Number(id)));
  if (!loaded.allowed) return <NotPermitted />;
  const department = loaded.data;
  if (!department) notFound();
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
          {en ? department.nameEn : department.nameZh} {!department.active && <Badge tone="missing">{t("status.inactive")}</Badge>}
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
              action={renameDepartmentAction}
              department={{ id: department.id, nameZh: department.nameZh, nameEn: department.nameEn, aliasesZh: department.aliasesZh, updatedAt: department.updatedAt.toISOString() }}
            />
          ) : (
            <StatusForm
              kind="department"
              id={department.id}
              active={department.active}
              activeUsers={department.activeUsers}
              deactivate={deactivateDepartmentAction}
              reactivate={reactivateDepartmentAction}
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
