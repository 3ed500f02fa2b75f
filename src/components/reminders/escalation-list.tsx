import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { listEscalations } from "@/server/reminders/queries";

const LEVEL_STYLE = {
  REMINDER: "bg-stone-100 text-stone-900",
  URGE: "bg-amber-100 text-amber-900",
  YELLOW_CARD: "bg-yellow-200 text-yellow-950",
  RED_CARD: "bg-red-700 text-white",
} as const;

/**
 * The urging history of one report (oldest first), for the report and review pages. Shown to
 * whoever may read the report (report:read, scoped to the report's unit or department);
 * renders nothing otherwise. `headingLevel` fits it into the page's outline (default h2).
 */
export async function EscalationList({ reportId, headingLevel = 2 }: { reportId: number; headingLevel?: 2 | 3 }) {
  const [actor, context] = await Promise.all([getCurrentActor(), getRequestContext()]);
  const escalations = await listEscalations(actor, context, reportId);
  if (!escalations) return null;
  const [t, format] = await Promise.all([getTranslations("reminders"), getFormatter()]);
  const id = `escalations-${reportId}`;
  return (
    <Section id={id} title={t("escalations.title")} level={headingLevel}>
      <DataTable
        labelledBy={id}
        rows={escalations}
        rowKey={(e) => e.id}
        empty={t("escalations.empty")}
        columns={[
          { key: "at", header: t("escalations.at"), kind: "nowrap", cell: (e) => format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" }) },
          { key: "level", header: t("escalations.level"), cell: (e) => <span className={`rounded px-2 py-0.5 font-medium ${LEVEL_STYLE[e.level]}`}>{t(`levels.${e.level}`)}</span> },
          { key: "message", header: t("escalations.message"), className: "whitespace-pre-line", cell: (e) => e.message },
          { key: "by", header: t("escalations.by"), cell: (e) => e.byName ?? t("escalations.system") },
        ]}
      />
    </Section>
  );
}
