import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateUserForm } from "@/components/admin-users/create-user-form";
import { Forbidden, requireActor, unlessForbidden } from "@/components/admin-users/page-guard";
import { ClientMessages } from "@/components/forms/client-messages";
import { Link } from "@/i18n/navigation";
import { getRequestContext } from "@/server/auth/request-context";
import { isAdministrator, ROLES } from "@/server/auth/roles";
import { listScopeOptions } from "@/server/users/queries";
import { createUser } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminUsers" }))("new.title") };
}

// Administrator roles are not offered: they are given only through the security administrator's role assignment.
const BUSINESS_ROLES = ROLES.filter((role) => !isAdministrator(role));

export default async function NewUserPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, "/admin/users/new");
  const options = await unlessForbidden(listScopeOptions(actor, await getRequestContext(), "user:create"));
  if (!options) return <Forbidden />;
  const t = await getTranslations("adminUsers");
  const en = locale === "en";
  const option = (p: { id: number; nameZh: string; nameEn: string | null }) => ({ value: String(p.id), label: en ? (p.nameEn ?? p.nameZh) : p.nameZh });

  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/users" className="text-brand-800 underline">{t("backToList")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("new.title")}</h1>
      <p className="text-stone-700">{t("new.intro")}</p>
      <ClientMessages namespaces={["adminUsers", "roles"]}>
        <CreateUserForm action={createUser} roles={BUSINESS_ROLES} units={options.units.map(option)} departments={options.departments.map(option)} />
      </ClientMessages>
    </div>
  );
}
