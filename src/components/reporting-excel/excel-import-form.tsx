"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ErrorSummary, SubmitButton, SuccessNotice } from "@/components/ui/form-kit";
import { DataTable } from "@/components/ui/table";
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
  const titleId = useId();
  return (
    <div className="mt-3">
      <h3 id={titleId} className="mb-2 font-semibold">{title}</h3>
      <DataTable
        labelledBy={titleId}
        rows={rows}
        rowKey={(p, i) => `${p.sheet}-${p.cell}-${i}`}
        columns={[
          { key: "sheet", header: t("reportingExcel.sheet"), cell: (p) => <span lang="zh-CN">{p.sheet}</span> },
          { key: "row", header: t("reportingExcel.row"), className: "tabular-nums", cell: (p) => p.row || "—" },
          { key: "cell", header: t("reportingExcel.cell"), className: "font-mono", cell: (p) => p.cell },
          { key: "problem", header: t("reportingExcel.problem"), cell: (p) => (t.has(p.messageKey) ? t(p.messageKey) : p.messageKey) },
        ]}
      />
    </div>
  );
}
