import { getTranslations } from "next-intl/server";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { EvidenceUpload } from "@/components/evidence/evidence-upload";
import { EscalationList } from "@/components/reminders/escalation-list";
import { UrgeForm } from "@/components/reminders/urge-form";
import { Link } from "@/i18n/navigation";

// What surrounds a report besides its figures: evidence files, the offline Excel route, and
// the urging history. Each piece checks the viewer's rights itself and renders nothing when
// they have none, so both the filer's and the reviewer's page can include all of it.
export async function ReportExtras({ reportId, view }: { reportId: number; view: "filer" | "reviewer" }) {
  const t = await getTranslations("reportingExcel");
  return (
    <div className="space-y-6">
      <EvidenceList reportId={reportId} />
      <EvidenceUpload reportId={reportId} />
      {view === "filer" && (
        <p>
          <Link href={`/reports/${reportId}/excel`} className="underline">{t("title")}</Link>
        </p>
      )}
      <EscalationList reportId={reportId} />
      {view === "reviewer" && <UrgeForm reportId={reportId} />}
    </div>
  );
}
