import { getTranslations, setRequestLocale } from "next-intl/server";
import { CycleDefinitionForm } from "@/components/reporting/cycle-definition-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/server/auth/authorize";
import { createCycle } from "@/actions/reporting";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("reporting.cycleForm.newTitle");

export default async function NewCyclePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/cycles/new");
  // the action checks again; this only spares a user a form they could not submit
  await loadOrForbidden(authorize(actor, "cycle:manage", context));
  const t = await getTranslations("reporting");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/cycles" className="text-brand-800 underline">{t("cycles.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("cycleForm.newTitle")}</h1>
        <p className="max-w-3xl text-stone-700">{t("cycleForm.newIntro")}</p>
      </header>
      <ClientMessages namespaces={["reporting", "reportingErrors"]}>
        <CycleDefinitionForm mode="create" action={createCycle} />
      </ClientMessages>
    </div>
  );
}
