import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getUrgeState } from "@/server/reminders/queries";
import { UrgeFormFields } from "./urge-form-fields";

/**
 * The bureau's urging form for one report, for the review page. Renders nothing for an actor
 * who may not urge (permission report:urge) or for a report that needs no urging (submitted,
 * approved, published). `headingLevel` fits it into the page's outline (default h2).
 */
export async function UrgeForm({ reportId, headingLevel = 2 }: { reportId: number; headingLevel?: 2 | 3 }) {
  const actor = await getCurrentActor();
  const state = await getUrgeState(actor, reportId);
  if (!state) return null;
  const t = await getTranslations("reminders");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`urge-${reportId}`} className="rounded border border-stone-300 bg-white p-4">
      <Heading id={`urge-${reportId}`} className="text-lg font-semibold">{t("urge.title")}</Heading>
      <p className="mt-1 text-sm text-stone-700">{t("urge.intro")}</p>
      {state.noEmailAddress.length > 0 && (
        <div className="mt-2 text-sm text-stone-700">
          <p>{t("urge.noEmailAddress", { count: state.noEmailAddress.length })}</p>
          <ul className="list-disc pl-5">
            {state.noEmailAddress.map((u) => (
              <li key={u.username}>
                {u.displayName} (<span className="font-mono">{u.username}</span>)
              </li>
            ))}
          </ul>
        </div>
      )}
      <ClientMessages namespaces={["reminders.urge", "reminders.levels"]}>
        <UrgeFormFields reportId={reportId} highest={state.highest} next={state.next} choices={state.choices} />
      </ClientMessages>
    </section>
  );
}
