import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { getPathname, redirect } from "@/i18n/navigation";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getSecurityPolicy } from "@/server/auth/security-policy";
import { LoginForm } from "./login-form";
import { safeCallbackPath } from "./safe-callback";
import { titleMetadata } from "@/components/ui/page-metadata";

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
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("intro")}</p>
      <ClientMessages namespaces={["auth.login"]}>
        <LoginForm target={target} initialError={typeof query.error === "string" ? query.error : null} />
      </ClientMessages>
      <section aria-labelledby="login-help" className="rounded border border-stone-300 bg-white p-4 text-sm text-stone-700">
        <h2 id="login-help" className="font-semibold text-stone-900">{t("helpTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("helpLockout", { count: policy.lockoutThreshold, minutes: policy.lockoutMinutes })}</li>
          <li>{t("helpTwoFactor")}</li>
          <li>{t("helpForgotten")}</li>
        </ul>
      </section>
    </div>
  );
}
