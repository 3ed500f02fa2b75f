"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, SelectField, SubmitButton, SuccessNotice, TextField, useFormAction, type FormResult } from "@/components/ui/form-kit";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import type { ActionResult } from "@/shared/action-result";
import { Panel } from "@/components/ui/panel";

type Created = { id: number; code: string };
type CreateAction = (previous: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;
type IdAction = (previous: ActionResult<{ id: number }> | null, form: FormData) => Promise<ActionResult<{ id: number }>>;

function CreatedNotice({ result }: { result: ActionResult<Created> | null }) {
  const t = useTranslations("adminOrg");
  if (!result?.ok) return null;
  return (
    <SuccessNotice>
      {t("units.created", { code: result.data.code })}{" "}
      <Link href={`/admin/units/${result.data.id}`} className="underline">{t("units.openCreated")}</Link>
    </SuccessNotice>
  );
}

/** What both creation forms share: the panel and its introduction, the outcome, the kind, the basis and the button. */
function CreateUnitForm({ kind, action, labels, fields }: { kind: "DEVELOPMENT_ZONE" | "TOWNSHIP"; action: CreateAction; labels: Record<string, string> & { reason: string }; fields: (result: FormResult) => ReactNode }) {
  const t = useTranslations("adminOrg");
  const [result, formAction] = useFormAction(action);
  const which = kind === "TOWNSHIP" ? "Township" : "Zone";
  return (
    <Panel id={kind === "TOWNSHIP" ? "add-township" : "add-zone"} title={t(`units.add${which}`)}>
      <p className="mb-3 mt-1 text-stone-700">{t(`units.add${which}Intro`)}</p>
      <CreatedNotice result={result} />
      <ErrorSummary result={result} labels={labels} />
      <form key={result?.ok ? result.data.id : "new"} action={formAction} noValidate>
        <input type="hidden" name="kind" value={kind} />
        {fields(result)}
        <TextField name="reason" label={labels.reason} hint={t("hints.basis")} result={result} maxLength={500} />
        <SubmitButton>{t(`units.add${which}Submit`)}</SubmitButton>
      </form>
    </Panel>
  );
}

/** A development-zone committee: a reporting unit under the city, with a bureau-assigned code. */
export function CreateZoneForm({ action }: { action: CreateAction }) {
  const t = useTranslations("adminOrg");
  const labels = { code: t("fields.code"), nameZh: t("fields.nameZh"), nameEn: t("fields.nameEn"), reason: t("fields.basis") };
  return (
    <CreateUnitForm
      kind="DEVELOPMENT_ZONE"
      action={action}
      labels={labels}
      fields={(result) => (
        <>
          <TextField name="code" label={labels.code} hint={t("hints.zoneCode")} result={result} required maxLength={32} />
          <TextField name="nameZh" label={labels.nameZh} result={result} required maxLength={100} />
          <TextField name="nameEn" label={labels.nameEn} result={result} required maxLength={200} />
        </>
      )}
    />
  );
}

/** A township created after the 2023 statistical list, under its county-level unit. */
export function CreateTownshipForm({ action, counties }: { action: CreateAction; counties: { id: number; label: string }[] }) {
  const t = useTranslations("adminOrg");
  const labels = { parentId: t("fields.parent"), code: t("fields.statCode"), nameZh: t("fields.nameZh"), nameEn: t("fields.nameEn"), reason: t("fields.basis") };
  return (
    <CreateUnitForm
      kind="TOWNSHIP"
      action={action}
      labels={labels}
      fields={(result) => (
        <>
          <SelectField name="parentId" label={labels.parentId} result={result} required placeholder={t("hints.choose")} options={counties.map((c) => ({ value: String(c.id), label: c.label }))} />
          <TextField name="code" label={labels.code} hint={t("hints.townshipCode")} result={result} required inputMode="numeric" maxLength={9} />
          <TextField name="nameZh" label={labels.nameZh} hint={t("hints.townshipName")} result={result} required maxLength={100} />
          <TextField name="nameEn" label={labels.nameEn} hint={t("hints.optional")} result={result} maxLength={200} />
        </>
      )}
    />
  );
}

export function RenameUnitForm({ action, unit }: { action: IdAction; unit: { id: number; nameZh: string; nameEn: string | null; updatedAt: string; isTownship: boolean } }) {
  const t = useTranslations("adminOrg");
  const [result, formAction] = useFormAction(action);
  const labels = { nameZh: t("fields.nameZh"), nameEn: t("fields.nameEn"), reason: t("fields.reason") };
  return (
    <Panel id="rename" title={t("rename.title")}>
      {unit.isTownship && <p className="mb-3 mt-1 text-stone-700">{t("rename.townshipIntro")}</p>}
      {result?.ok && <SuccessNotice>{t("rename.saved")}</SuccessNotice>}
      <ErrorSummary result={result} labels={labels} />
      {/* a fresh form once the saved names arrive, so the fields show them */}
      <form key={unit.updatedAt} action={formAction} noValidate>
        <input type="hidden" name="id" value={unit.id} />
        <TextField name="nameZh" label={labels.nameZh} defaultValue={unit.nameZh} result={result} required maxLength={100} />
        <TextField name="nameEn" label={labels.nameEn} defaultValue={unit.nameEn ?? ""} hint={unit.isTownship ? t("hints.optional") : undefined} result={result} maxLength={200} />
        <TextField name="reason" label={labels.reason} hint={t("hints.reason")} result={result} required maxLength={500} />
        <SubmitButton>{t("rename.submit")}</SubmitButton>
      </form>
    </Panel>
  );
}
