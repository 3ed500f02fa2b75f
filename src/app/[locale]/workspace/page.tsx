import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getWorkspace } from "@/server/workspace/get-workspace";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { Panel, Section } from "@/components/ui/panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("workspace.title");

export default async function WorkspacePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const workspace = await getWorkspace();
  if (workspace.kind === "signed-out") return redirect({ href: "/login?callbackUrl=/workspace", locale });
  if (workspace.kind === "restricted") return redirect({ href: workspace.redirectTo, locale });
  const [t, tr] = await Promise.all([getTranslations("workspace"), getTranslations("roles")]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Panel id="me" title={t("signedInAs", { name: workspace.displayName })}>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium">{t("username")}</dt>
          <dd>{workspace.username}</dd>
          <dt className="font-medium">{t("role")}</dt>
          <dd>{tr(workspace.role)}</dd>
          {workspace.scope && (
            <>
              <dt className="font-medium">{t("scope")}</dt>
              <dd>{localName(workspace.scope, locale)}</dd>
            </>
          )}
        </dl>
      </Panel>
      <Section id="tasks" title={t("tasks")}>
        {workspace.links.length === 0 ? (
          <p className="text-stone-700">{t("noTasks")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {workspace.links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="block rounded border border-stone-300 bg-white p-4 text-brand-800 underline hover:bg-stone-100">
                  {t(`links.${link.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="account" title={t("account")}>
        <ul className="list-disc pl-6">
          <li><Link href="/account/password" className="underline">{t("changePassword")}</Link></li>
          <li><Link href="/account/two-factor" className="underline">{t("twoFactor")}</Link></li>
          <li><Link href="/account/email" className="underline">{t("email")}</Link></li>
        </ul>
      </Section>
      <details className="text-sm text-stone-700">
        <summary>{t("permissions")}</summary>
        <ul className="mt-2 list-disc pl-6 font-mono">
          {workspace.permissions.map((p) => <li key={p}>{p}</li>)}
        </ul>
      </details>
    </div>
  );
}
