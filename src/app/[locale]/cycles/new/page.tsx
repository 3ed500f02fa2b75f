import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CycleDefinitionForm } from "@/components/cycles/cycle-definition-form";
import { ClientMessages } from "@/components/forms/client-messages";
import { Forbidden, orForbidden, requireActor } from "@/components/reporting/page-guard";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/server/auth/authorize";
import { getRequestContext } from "@/server/auth/request-context";
import { createCycle } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reporting.cycleForm" }))("newTitle") };
}

export default async function NewCyclePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, "/cycles/new");
  // the action checks again; this only spares a user a form they could not submit
  if ((await orForbidden(authorize(actor, "cycle:manage", await getRequestContext()))).forbidden) return <Forbidden />;
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
