import { ClientMessages } from "@/components/ui/client-messages";
import { getCurrentActor } from "@/server/auth/current-actor";
import { ACCEPT_ATTRIBUTE } from "@/server/evidence/inspect";
import { evidenceEditable } from "@/server/evidence/queries";
import { EvidenceUploadForm } from "./evidence-upload-form";

/**
 * The upload form for one report (or one of its items). Renders nothing for someone who may
 * not add evidence now (not the report's editor, or the report is submitted): the action
 * checks again on every upload.
 */
export async function EvidenceUpload({ reportId, reportItemId }: { reportId: number; reportItemId?: number }) {
  const actor = await getCurrentActor();
  if (!(await evidenceEditable(actor, reportId))) return null;
  return (
    <ClientMessages namespaces={["evidence"]}>
      <EvidenceUploadForm reportId={reportId} reportItemId={reportItemId} accept={ACCEPT_ATTRIBUTE} />
    </ClientMessages>
  );
}
