import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { requireActor } from "@/components/reporting/page-guard";
import { getEmailPage } from "@/server/account/email";
import { getRequestContext } from "@/server/auth/request-context";
import { EmailForm } from "./email-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "account.email" }))("title") };
}

export default async function EmailPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, "/account/email");
  const [user, t] = await Promise.all([getEmailPage(actor, await getRequestContext()), getTranslations("account.email")]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("intro")}</p>
      <p>
        <span className="font-medium">{t("current")}:</span> {user.email ?? t("none")}
      </p>
      <ClientMessages namespaces={["auth", "account"]}>
        <EmailForm email={user.email} />
      </ClientMessages>
    </div>
  );
}
