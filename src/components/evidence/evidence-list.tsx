import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { DataTable } from "@/components/ui/table";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { listEvidence } from "@/server/evidence/queries";
import { EvidenceRowActions } from "./evidence-row-actions";

/**
 * The evidence files of a report (or of one measure's item in it) for whoever may read the
 * report; renders nothing for anyone else. Editors of an unlocked report also get the
 * visibility and delete buttons.
 */
export async function EvidenceList({ reportId, measureId }: { reportId: number; measureId?: number }) {
  const [actor, context, locale, t] = await Promise.all([getCurrentActor(), getRequestContext(), getLocale(), getTranslations("evidence")]);
  const listing = await listEvidence(actor, context, reportId, measureId);
  if (!listing) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const size = (bytes: number) =>
    bytes < 1024 ? t("sizeBytes", { size: bytes }) : bytes < 1024 * 1024 ? t("sizeKb", { size: (bytes / 1024).toFixed(1) }) : t("sizeMb", { size: (bytes / 1024 / 1024).toFixed(1) });

  const table = (
    <DataTable
      caption={t("listCaption")}
      rows={listing.files}
      rowKey={(file) => file.id}
      rowHeaders
      empty={t("none")}
      columns={[
        {
          key: "name",
          header: t("columnName"),
          // a plain link: the route answers with a download, never a page
          cell: (file) => (
            <a href={file.downloadUrl} download className="break-all text-blue-800 underline focus:outline focus:outline-3 focus:outline-offset-2 focus:outline-yellow-400" aria-label={t("download", { name: file.originalName })}>
              {file.originalName}
            </a>
          ),
        },
        { key: "size", header: t("columnSize"), kind: "nowrap", cell: (file) => size(file.sizeBytes) },
        { key: "visibility", header: t("columnVisibility"), cell: (file) => (file.visibility === "PUBLIC" ? t("visibilityPUBLIC") : t("visibilityINTERNAL")) },
        { key: "uploaded", header: t("columnUploaded"), cell: (file) => t("uploadedBy", { name: file.uploadedBy, date: date.format(new Date(file.createdAt)) }) },
        ...(listing.canEdit
          ? [{ key: "actions", header: t("columnActions"), cell: (file: (typeof listing.files)[number]) => <EvidenceRowActions id={file.id} name={file.originalName} visibility={file.visibility} /> }]
          : []),
      ]}
    />
  );
  // the row actions' labels, and the errors their actions may answer with
  const rowActionMessages = ["evidence.*"];
  return listing.canEdit && listing.files.length > 0 ? <ClientMessages namespaces={rowActionMessages}>{table}</ClientMessages> : table;
}
