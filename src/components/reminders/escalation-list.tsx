import { getFormatter, getTranslations } from "next-intl/server";
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
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`escalations-${reportId}`}>
      <Heading id={`escalations-${reportId}`} className="text-lg font-semibold">{t("escalations.title")}</Heading>
      {escalations.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("escalations.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b-2 border-stone-400 text-left">
                <th scope="col" className="p-2">{t("escalations.at")}</th>
                <th scope="col" className="p-2">{t("escalations.level")}</th>
                <th scope="col" className="p-2">{t("escalations.message")}</th>
                <th scope="col" className="p-2">{t("escalations.by")}</th>
              </tr>
            </thead>
            <tbody>
              {escalations.map((e) => (
                <tr key={e.id} className="border-b border-stone-200 align-top">
                  <td className="whitespace-nowrap p-2">{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="p-2">
                    <span className={`rounded px-2 py-0.5 font-medium ${LEVEL_STYLE[e.level]}`}>{t(`levels.${e.level}`)}</span>
                  </td>
                  <td className="whitespace-pre-line p-2">{e.message}</td>
                  <td className="p-2">{e.byName ?? t("escalations.system")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
