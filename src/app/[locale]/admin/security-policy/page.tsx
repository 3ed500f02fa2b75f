import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { SecurityPolicyForm } from "@/components/users/security-policy-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { isAdministrator, ROLES } from "@/shared/roles";
import { getSecurityPolicyForAdmin } from "@/server/users/queries";
import { POLICY_RANGES } from "@/server/users/policy-ranges";
import { updateSecurityPolicy } from "@/actions/users";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("securityPolicy.title");

export default async function SecurityPolicyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/security-policy");
  const policy = await loadOrForbidden(getSecurityPolicyForAdmin(actor, context));
  const [t, tu, tr, format] = await Promise.all([getTranslations("securityPolicy"), getTranslations("adminUsers"), getTranslations("roles"), getFormatter()]);
  const { updatedAt, ...values } = policy;

  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader back={{ href: "/admin/users", label: tu("title") }} title={t("title")} intro={t("intro")}>
        <p className="text-sm text-stone-600">{t("lastChanged", { time: format.dateTime(updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </PageHeader>
      <ClientMessages namespaces={["securityPolicy"]}>
        <SecurityPolicyForm
          action={updateSecurityPolicy}
          values={values}
          ranges={POLICY_RANGES}
          roles={ROLES.map((role) => ({ role, label: tr(role), fixed: isAdministrator(role) }))}
        />
      </ClientMessages>
    </div>
  );
}
