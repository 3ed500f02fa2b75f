import { getTranslations, setRequestLocale } from "next-intl/server";
import { CycleDefinitionForm } from "@/components/reporting/cycle-definition-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { authorize } from "@/server/auth/authorize";
import { createCycle } from "@/actions/reporting";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

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
      <PageHeader back={{ href: "/cycles", label: t("cycles.back") }} title={t("cycleForm.newTitle")} intro={t("cycleForm.newIntro")} />
      <ClientMessages namespaces={["reporting.cycleForm", "reportingErrors"]}>
        <CycleDefinitionForm mode="create" action={createCycle} />
      </ClientMessages>
    </div>
  );
}
