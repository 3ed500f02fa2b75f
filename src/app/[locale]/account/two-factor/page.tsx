import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { getTwoFactorPage } from "@/server/account/queries";
import { EnrolPanel, RegenerateRecoveryCodesForm, StartTotpForm } from "./two-factor-forms";
import { requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { Notice, Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("account.totp.title");

export default async function TwoFactorPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  // A password that must be changed comes first; only then two-factor enrolment.
  const { actor, context } = await requirePageContext(locale, "/account/two-factor", { lifts: "enrol-totp" });
  const [page, t, format] = await Promise.all([getTwoFactorPage(actor, context), getTranslations("account.totp"), getFormatter()]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      {page.required && page.state !== "enrolled" && (
        <Notice tone="warning" title={t("requiredTitle")}>
          <p className="mt-1">{t("requiredBody")}</p>
        </Notice>
      )}

      <ClientMessages namespaces={["account.*", "account.totp"]}>
        {page.state === "enrolled" && (
          <>
            <Panel id="totp-status" title={t("statusTitle")}>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                <dt className="font-medium">{t("status")}</dt>
                <dd>{page.enabledAt ? t("statusOnSince", { date: format.dateTime(page.enabledAt, { dateStyle: "long", timeStyle: "short" }) }) : t("statusOn")}</dd>
                <dt className="font-medium">{t("recoveryCodesLeftLabel")}</dt>
                <dd>{t("recoveryCodesLeft", { count: page.recoveryCodesLeft })}</dd>
              </dl>
              <p className="mt-3 text-sm text-stone-600">{t("lostDevice")}</p>
            </Panel>
            <Panel id="totp-regenerate" title={t("regenerateTitle")}>
              <p className="mt-1 text-stone-700">{t("regenerateIntro")}</p>
              <div className="mt-3">
                <RegenerateRecoveryCodesForm />
              </div>
            </Panel>
            <p>
              <Link href="/workspace" className="text-brand-800 underline">{t("toWorkspace")}</Link>
            </p>
          </>
        )}

        {page.state === "off" && (
          <Panel id="totp-start" title={t("startTitle")}>
            <p className="mt-1 text-stone-700">{t("startIntro")}</p>
            <div className="mt-3">
              <StartTotpForm label={t("start")} />
            </div>
          </Panel>
        )}

        {page.state === "pending" && page.pending && (
          <>
            <EnrolPanel qrSvg={page.pending.qrSvg} secret={page.pending.secret} uri={page.pending.uri} username={page.username} />
            <section aria-labelledby="totp-restart" className="text-sm text-stone-700">
              <h2 id="totp-restart" className="font-semibold">{t("restartTitle")}</h2>
              <p className="mt-1">{t("restartIntro")}</p>
              <div className="mt-2">
                <StartTotpForm label={t("restart")} tone="secondary" />
              </div>
            </section>
          </>
        )}
      </ClientMessages>
    </div>
  );
}
