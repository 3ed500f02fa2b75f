import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { Notice, Panel } from "@/components/ui/panel";
import { getPasswordPage } from "@/server/account/queries";
import { ChangePasswordForm } from "./change-password-form";
import { requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("account.password.title");

export default async function PasswordPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  // An account that must change its password may stay; one that must enrol two-factor goes there.
  const { actor, context } = await requirePageContext(locale, "/account/password", { lifts: "change-password" });
  const [page, t] = await Promise.all([getPasswordPage(actor, context), getTranslations("account.password")]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {page.reason && (
        <Notice tone="warning" title={t("requiredTitle")}>
          <p className="mt-1">{page.reason === "issued-password" ? t("reasonIssued") : t("reasonExpired", { days: page.maxAgeDays ?? 0 })}</p>
        </Notice>
      )}
      <Panel id="password-rules" title={t("rulesTitle")}>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-800">
          <li>{t("ruleLength", { min: page.minLength, max: page.maxLength })}</li>
          <li>{t("ruleCommon")}</li>
          <li>{t("ruleUsername")}</li>
          {page.historyCount !== null ? <li>{t("ruleHistory", { count: page.historyCount })}</li> : <li>{t("ruleCurrent")}</li>}
          {page.maxAgeDays !== null && <li>{t("ruleMaxAge", { days: page.maxAgeDays })}</li>}
          <li>{t("rulePassphrase")}</li>
        </ul>
        <p className="mt-2 text-sm text-stone-600">{t("otherSessions")}</p>
      </Panel>
      <ClientMessages namespaces={["auth.password", "account.*", "account.password"]}>
        <ChangePasswordForm username={page.username} />
      </ClientMessages>
    </div>
  );
}
