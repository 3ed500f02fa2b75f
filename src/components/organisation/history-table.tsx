import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import type { Messages } from "@/i18n/message-files";
import type { HistoryEntry } from "@/server/organisation/shared";

/** A unit's or department's revisions, newest first: when, who, what changed (before → after), why. */
export async function HistoryTable({ entries, kindNamespace }: { entries: HistoryEntry[]; kindNamespace: "unitKind" | "departmentKind" }) {
  const [t, format, tKind, tTownship] = await Promise.all([
    getTranslations("adminOrg"),
    getFormatter(),
    getTranslations(kindNamespace),
    getTranslations("townshipType"),
  ]);
  // field names and enum values come from the revision record: one without a label is shown as it is
  const fieldLabel = (field: string) => {
    const key = `fields.${field}` as `fields.${keyof Messages["adminOrg"]["fields"]}`;
    return t.has(key) ? t(key) : field;
  };
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (field === "active" && typeof value === "boolean") return value ? t("status.active") : t("status.inactive");
    if (typeof value === "boolean") return value ? t("history.yes") : t("history.no");
    if (Array.isArray(value)) return value.length ? value.map(String).join("、") : "—";
    // enum names (kind, townshipType) are shown through the public pages' own translations
    const text = String(value);
    const kind = text as keyof Messages["unitKind" | "departmentKind"];
    const townshipType = text as keyof Messages["townshipType"];
    if (field === "kind" && tKind.has(kind)) return tKind(kind);
    if (field === "townshipType" && tTownship.has(townshipType)) return tTownship(townshipType);
    return text;
  };
  return (
    <Section id="history" title={t("history.title")}>
      <DataTable
        labelledBy="history"
        rows={entries}
        rowKey={(entry) => entry.id}
        empty={t("history.empty")}
        columns={[
          { key: "at", header: t("history.at"), kind: "nowrap", className: "tabular-nums", cell: (entry) => format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" }) },
          { key: "by", header: t("history.by"), cell: (entry) => (entry.actor ? `${entry.actor.displayName} (${entry.actor.username})` : t("history.system")) },
          {
            key: "changes",
            header: t("history.changes"),
            cell: (entry) => (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                {Object.entries(entry.changes).map(([field, change]) => (
                  <div key={field} className="contents">
                    <dt className="font-medium">{fieldLabel(field)}</dt>
                    <dd>{t("history.change", { before: show(field, change.before), after: show(field, change.after) })}</dd>
                  </div>
                ))}
              </dl>
            ),
          },
          { key: "reason", header: t("history.reason"), cell: (entry) => entry.reason ?? <span className="text-stone-600">{t("history.noReason")}</span> },
        ]}
      />
    </Section>
  );
}
