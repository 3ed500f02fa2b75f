import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/badge";
import { ClientMessages } from "@/components/forms/client-messages";
import { ActionForm } from "@/components/reporting/action-form";
import { Forbidden, orForbidden, requireActor } from "@/components/reporting/page-guard";
import { Link } from "@/i18n/navigation";
import { getRequestContext } from "@/server/auth/request-context";
import { listCycles } from "@/server/reporting/queries";
import { getCycleScopeOptions } from "@/server/reporting/scope-options";
import { REPORT_STATUSES } from "@/server/reporting/state-machine";
import { openCycle } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "reporting.cycles" }))("title") };
}

const cycleTone = { PLANNED: "neutral", OPEN: "info", CLOSED: "missing" } as const;

export default async function CyclesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, "/cycles");
  const loaded = await orForbidden(listCycles(actor, await getRequestContext()));
  if (loaded.forbidden) return <Forbidden />;
  const cycles = loaded.data;
  const [t, format, scope] = await Promise.all([getTranslations("reporting"), getFormatter(), getCycleScopeOptions(actor, await getRequestContext())]);
  const en = locale === "en";
  const measureLabel = (m: (typeof scope.measures)[number]) =>
    `${m.kind === "SAFEGUARD" ? t("cycles.safeguardLabel", { label: m.label }) : t("cycles.measureLabel", { number: m.number })} ${(en ? m.titleEn : null) ?? m.titleZh ?? ""}`.trim();
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("cycles.title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("cycles.intro")}</p>
      </header>
      <ClientMessages namespaces={["reporting", "reportingErrors"]}>
        <ul className="space-y-4">
          {cycles.map((c) => (
            <li key={c.id} className="rounded border border-stone-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/cycles/${c.id}`} className="text-brand-800 underline">{en ? c.nameEn : c.nameZh}</Link>{" "}
                <Badge tone={cycleTone[c.status]}>{t(`cycles.status.${c.status}`)}</Badge>
              </h2>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t("cycles.period")}</dt>
                <dd>{day(c.periodStart)} – {day(c.periodEnd)}</dd>
                <dt className="font-medium">{t("cycles.opensOn")}</dt>
                <dd>{day(c.opensOn)}</dd>
                <dt className="font-medium">{t("mine.dueOn")}</dt>
                <dd>{day(c.dueOn)}</dd>
                <dt className="font-medium">{t("cycles.reports")}</dt>
                <dd>
                  {c.reportCount === 0
                    ? t("cycles.noReports")
                    : REPORT_STATUSES.filter((s) => c.byStatus[s])
                        .map((s) => `${t(`status.${s}`)} ${c.byStatus[s]}`)
                        .join(" · ")}
                </dd>
              </dl>
              {c.status !== "CLOSED" && (
                <div className="mt-3">
                  <ActionForm
                    action={openCycle}
                    hidden={{ cycleId: c.id }}
                    submitLabel={c.status === "OPEN" ? t("cycles.reopenCycle") : t("cycles.open")}
                    doneMessage={t("cycles.opened")}
                    intro={c.status === "OPEN" ? t("cycles.openAgainIntro") : t("cycles.openIntro")}
                    tone={c.status === "OPEN" ? "secondary" : "primary"}
                    idPrefix={`cycle-${c.id}-`}
                    fields={
                      c.status === "OPEN"
                        ? []
                        : [
                            { kind: "checkboxes", name: "measureIds", label: t("cycles.scopeMeasures"), hint: t("cycles.scopeHint"), options: scope.measures.map((m) => ({ value: String(m.id), label: measureLabel(m) })) },
                            { kind: "checkboxes", name: "unitIds", label: t("cycles.scopeUnits"), hint: t("cycles.scopeHint"), options: scope.units.map((u) => ({ value: String(u.id), label: en ? (u.nameEn ?? u.nameZh) : u.nameZh })) },
                          ]
                    }
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </ClientMessages>
    </div>
  );
}
