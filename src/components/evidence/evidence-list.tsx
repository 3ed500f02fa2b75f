import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
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

  if (listing.files.length === 0) return <p className="text-stone-700">{t("none")}</p>;
  const table = (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{t("listCaption")}</caption>
      <thead>
        <tr className="border-b-2 border-stone-700">
          <th scope="col" className="py-2 pr-4">{t("columnName")}</th>
          <th scope="col" className="py-2 pr-4">{t("columnSize")}</th>
          <th scope="col" className="py-2 pr-4">{t("columnVisibility")}</th>
          <th scope="col" className="py-2 pr-4">{t("columnUploaded")}</th>
          {listing.canEdit && <th scope="col" className="py-2">{t("columnActions")}</th>}
        </tr>
      </thead>
      <tbody>
        {listing.files.map((file) => (
          <tr key={file.id} className="border-b border-stone-300 align-top">
            <th scope="row" className="py-2 pr-4 font-normal">
              {/* a plain link: the route answers with a download, never a page */}
              <a href={file.downloadUrl} download className="break-all text-blue-800 underline focus:outline focus:outline-3 focus:outline-offset-2 focus:outline-yellow-400" aria-label={t("download", { name: file.originalName })}>
                {file.originalName}
              </a>
            </th>
            <td className="py-2 pr-4 whitespace-nowrap">{size(file.sizeBytes)}</td>
            <td className="py-2 pr-4">{file.visibility === "PUBLIC" ? t("visibilityPUBLIC") : t("visibilityINTERNAL")}</td>
            <td className="py-2 pr-4">{t("uploadedBy", { name: file.uploadedBy, date: date.format(new Date(file.createdAt)) })}</td>
            {listing.canEdit && (
              <td className="py-2">
                <EvidenceRowActions id={file.id} name={file.originalName} visibility={file.visibility} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return listing.canEdit ? <ClientMessages namespaces={["evidence"]}>{table}</ClientMessages> : table;
}
