import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { getTwoFactorPage } from "@/server/account/queries";
import { EnrolPanel, RegenerateRecoveryCodesForm, StartTotpForm } from "./two-factor-forms";
import { requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";

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
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("intro")}</p>
      {page.required && page.state !== "enrolled" && (
        <div className="border-l-4 border-amber-600 bg-amber-50 p-4">
          <h2 className="font-semibold">{t("requiredTitle")}</h2>
          <p className="mt-1">{t("requiredBody")}</p>
        </div>
      )}

      <ClientMessages namespaces={["account.*", "account.totp"]}>
        {page.state === "enrolled" && (
          <>
            <section aria-labelledby="totp-status" className="rounded border border-stone-300 bg-white p-4">
              <h2 id="totp-status" className="text-lg font-semibold">{t("statusTitle")}</h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                <dt className="font-medium">{t("status")}</dt>
                <dd>{page.enabledAt ? t("statusOnSince", { date: format.dateTime(page.enabledAt, { dateStyle: "long", timeStyle: "short" }) }) : t("statusOn")}</dd>
                <dt className="font-medium">{t("recoveryCodesLeftLabel")}</dt>
                <dd>{t("recoveryCodesLeft", { count: page.recoveryCodesLeft })}</dd>
              </dl>
              <p className="mt-3 text-sm text-stone-600">{t("lostDevice")}</p>
            </section>
            <section aria-labelledby="totp-regenerate" className="rounded border border-stone-300 bg-white p-4">
              <h2 id="totp-regenerate" className="text-lg font-semibold">{t("regenerateTitle")}</h2>
              <p className="mt-1 text-stone-700">{t("regenerateIntro")}</p>
              <div className="mt-3">
                <RegenerateRecoveryCodesForm />
              </div>
            </section>
            <p>
              <Link href="/workspace" className="text-brand-800 underline">{t("toWorkspace")}</Link>
            </p>
          </>
        )}

        {page.state === "off" && (
          <section aria-labelledby="totp-start" className="rounded border border-stone-300 bg-white p-4">
            <h2 id="totp-start" className="text-lg font-semibold">{t("startTitle")}</h2>
            <p className="mt-1 text-stone-700">{t("startIntro")}</p>
            <div className="mt-3">
              <StartTotpForm label={t("start")} />
            </div>
          </section>
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
