"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, SubmitButton, SuccessNotice } from "@/components/ui/form-kit";
import type { ActionResult } from "@/shared/action-result";
import type { ImportOutcome } from "@/server/reporting-excel/report-excel";

type Props = { reportId: number; action: (previous: ActionResult<ImportOutcome> | null, form: FormData) => Promise<ActionResult<ImportOutcome>> };

export function ExcelImportForm({ reportId, action }: Props) {
  const t = useTranslations();
  const [result, formAction] = useActionState(action, null);
  const outcome = result?.ok ? result.data : null;
  const fileError = result && !result.ok ? result.fieldErrors?.file : undefined;
  return (
    <section aria-labelledby="upload-title" className="rounded border border-stone-300 bg-white p-4">
      <h2 id="upload-title" className="text-lg font-semibold">{t("reportingExcel.uploadTitle")}</h2>
      <ErrorSummary result={result} labels={{ file: t("reportingExcel.file") }} />
      {outcome?.imported && <SuccessNotice>{t("reportingExcel.imported", { version: outcome.version ?? 0 })}</SuccessNotice>}
      {outcome && !outcome.imported && outcome.problems.length === 0 && (
        <SuccessNotice>{t("reportingExcel.checkedOk", { items: outcome.counts.items, values: outcome.counts.values })}</SuccessNotice>
      )}
      {outcome && outcome.problems.length > 0 && <ProblemTable title={t("reportingExcel.problemsTitle", { count: outcome.problems.length })} rows={outcome.problems} />}
      {outcome && outcome.warnings.length > 0 && <ProblemTable title={t("reportingExcel.warningsTitle")} rows={outcome.warnings} />}
      <form action={formAction} className="mt-3 space-y-3">
        <input type="hidden" name="reportId" value={reportId} />
        <div className={fileError ? "border-l-4 border-red-700 pl-3" : ""}>
          <label htmlFor="field-file" className="block font-medium">{t("reportingExcel.file")}</label>
          {fileError && <p id="field-file-error" className="font-medium text-red-800">{fileError.map((m) => t(m)).join(" ")}</p>}
          <input
            id="field-file"
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "field-file-error" : undefined}
            className="mt-1 block"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <SubmitButton tone="secondary">{t("reportingExcel.check")}</SubmitButton>
          <button type="submit" name="confirm" value="1" className="rounded bg-green-800 px-4 py-2 font-medium text-white shadow">
            {t("reportingExcel.import")}
          </button>
        </div>
      </form>
    </section>
  );
}

function ProblemTable({ title, rows }: { title: string; rows: ImportOutcome["problems"] }) {
  const t = useTranslations();
  return (
    <div className="mt-3">
      <h3 className="font-semibold">{title}</h3>
      <table className="mt-2 w-full border-collapse text-sm">
        <thead>
          <tr className="border-b-2 border-stone-400 text-left">
            <th scope="col" className="p-1">{t("reportingExcel.sheet")}</th>
            <th scope="col" className="p-1">{t("reportingExcel.row")}</th>
            <th scope="col" className="p-1">{t("reportingExcel.cell")}</th>
            <th scope="col" className="p-1">{t("reportingExcel.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={`${p.sheet}-${p.cell}-${i}`} className="border-b border-stone-200">
              <td className="p-1" lang="zh-CN">{p.sheet}</td>
              <td className="p-1 tabular-nums">{p.row || "—"}</td>
              <td className="p-1 font-mono">{p.cell}</td>
              <td className="p-1">{t.has(p.messageKey) ? t(p.messageKey) : p.messageKey}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
