import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateUserForm } from "@/components/users/create-user-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { isAdministrator, ROLES } from "@/shared/roles";
import { listScopeOptions } from "@/server/users/queries";
import { createUser } from "@/actions/users";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("adminUsers.new.title");

// Administrator roles are not offered: they are given only through the security administrator's role assignment.
const BUSINESS_ROLES = ROLES.filter((role) => !isAdministrator(role));

export default async function NewUserPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/users/new");
  const options = await loadOrForbidden(listScopeOptions(actor, context, "user:create"));
  const t = await getTranslations("adminUsers");
  const option = (p: { id: number; nameZh: string; nameEn: string | null }) => ({ value: String(p.id), label: localName(p, locale) });

  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader back={{ href: "/admin/users", label: t("backToList") }} title={t("new.title")} intro={t("new.intro")} />
      <ClientMessages namespaces={["adminUsers.*", "adminUsers.fields", "adminUsers.new", "adminUsers.issued", "roles"]}>
        <CreateUserForm action={createUser} roles={BUSINESS_ROLES} units={options.units.map(option)} departments={options.departments.map(option)} />
      </ClientMessages>
    </div>
  );
}
