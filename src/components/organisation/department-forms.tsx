"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, SelectField, SubmitButton, SuccessNotice, TextField, useFormAction } from "@/components/ui/form-kit";
import { Link } from "@/i18n/navigation";
import type { ActionResult } from "@/shared/action-result";
import { Panel } from "@/components/ui/panel";

type Created = { id: number; code: string };
type CreateAction = (previous: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;
type IdAction = (previous: ActionResult<{ id: number }> | null, form: FormData) => Promise<ActionResult<{ id: number }>>;

export function CreateDepartmentForm({ action, kinds }: { action: CreateAction; kinds: { value: string; label: string }[] }) {
  const t = useTranslations("adminOrg");
  const [result, formAction] = useFormAction(action);
  const labels = { code: t("fields.code"), nameZh: t("fields.nameZh"), nameEn: t("fields.nameEn"), kind: t("fields.departmentKind"), aliasesZh: t("fields.aliasesZh"), reason: t("fields.basis") };
  return (
    <Panel id="add-department" title={t("departments.add")}>
      {result?.ok && (
        <SuccessNotice>
          {t("departments.created", { code: result.data.code })}{" "}
          <Link href={`/admin/departments/${result.data.id}`} className="underline">{t("departments.openCreated")}</Link>
        </SuccessNotice>
      )}
      <ErrorSummary result={result} labels={labels} />
      <form key={result?.ok ? result.data.id : "new"} action={formAction} noValidate>
        <TextField name="code" label={labels.code} hint={t("hints.departmentCode")} result={result} required maxLength={40} />
        <TextField name="nameZh" label={labels.nameZh} result={result} required maxLength={100} />
        <TextField name="nameEn" label={labels.nameEn} result={result} required maxLength={200} />
        <SelectField name="kind" label={labels.kind} result={result} required placeholder={t("hints.choose")} options={kinds} />
        <TextField name="aliasesZh" label={labels.aliasesZh} hint={t("hints.aliasesZh")} result={result} />
        <TextField name="reason" label={labels.reason} hint={t("hints.basis")} result={result} maxLength={500} />
        <SubmitButton>{t("departments.addSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}

export function RenameDepartmentForm({ action, department }: { action: IdAction; department: { id: number; nameZh: string; nameEn: string; aliasesZh: string[]; updatedAt: string } }) {
  const t = useTranslations("adminOrg");
  const [result, formAction] = useFormAction(action);
  const labels = { nameZh: t("fields.nameZh"), nameEn: t("fields.nameEn"), aliasesZh: t("fields.aliasesZh"), reason: t("fields.reason") };
  return (
    <Panel id="rename" title={t("rename.departmentTitle")}>
      {result?.ok && <SuccessNotice>{t("rename.saved")}</SuccessNotice>}
      <ErrorSummary result={result} labels={labels} />
      <form key={department.updatedAt} action={formAction} noValidate>
        <input type="hidden" name="id" value={department.id} />
        <TextField name="nameZh" label={labels.nameZh} defaultValue={department.nameZh} result={result} required maxLength={100} />
        <TextField name="nameEn" label={labels.nameEn} defaultValue={department.nameEn} result={result} required maxLength={200} />
        <TextField name="aliasesZh" label={labels.aliasesZh} defaultValue={department.aliasesZh.join("，")} hint={t("hints.aliasesZh")} result={result} />
        <TextField name="reason" label={labels.reason} hint={t("hints.reason")} result={result} required maxLength={500} />
        <SubmitButton>{t("rename.submit")}</SubmitButton>
      </form>
    </Panel>
  );
}
