import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { getEmailPage } from "@/server/account/email";
import { EmailForm } from "./email-form";
import { requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("account.email.title");

export default async function EmailPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/account/email");
  const [user, t] = await Promise.all([getEmailPage(actor, context), getTranslations("account.email")]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p>
        <span className="font-medium">{t("current")}:</span> {user.email ?? t("none")}
      </p>
      <ClientMessages namespaces={["account.*", "account.email"]}>
        <EmailForm email={user.email} />
      </ClientMessages>
    </div>
  );
}
