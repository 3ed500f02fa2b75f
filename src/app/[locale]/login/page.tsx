import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { Panel } from "@/components/ui/panel";
import { getPathname, redirect } from "@/i18n/navigation";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getSecurityPolicy } from "@/server/auth/security-policy";
import { LoginForm } from "./login-form";
import { safeCallbackPath } from "./safe-callback";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleMetadata("auth.login.title", { robots: { index: false } });

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  if (actor) {
    return redirect({ href: actor.restriction === "change-password" ? "/account/password" : actor.restriction === "enrol-totp" ? "/account/two-factor" : "/workspace", locale });
  }
  const query = await searchParams;
  const callback = safeCallbackPath(typeof query.callbackUrl === "string" ? query.callbackUrl : null, locale);
  const target = callback ?? getPathname({ href: "/workspace", locale });
  const [t, policy] = await Promise.all([getTranslations("auth.login"), getSecurityPolicy()]);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ClientMessages namespaces={["auth.login"]}>
        <LoginForm target={target} initialError={typeof query.error === "string" ? query.error : null} />
      </ClientMessages>
      <Panel id="login-help" title={t("helpTitle")}>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>{t("helpLockout", { count: policy.lockoutThreshold, minutes: policy.lockoutMinutes })}</li>
          <li>{t("helpTwoFactor")}</li>
          <li>{t("helpForgotten")}</li>
        </ul>
      </Panel>
    </div>
  );
}
