"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, type FormAction, SelectField, SubmitButton, SuccessNotice, TextField, useKeptChoice } from "@/components/ui/form-kit";
import type { Role } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { requiredScope } from "@/shared/roles";
import { IssuedPassword } from "@/components/users/issued-password";

export type ScopeOption = { value: string; label: string };
type Created = { id: number; username: string; issuedPassword: string };

/** The system administrator's form for a new business-role account; the issued password is shown once on success. */
export function CreateUserForm({ action, roles, units, departments }: { action: FormAction<Created>; roles: readonly Role[]; units: ScopeOption[]; departments: ScopeOption[] }) {
  const t = useTranslations("adminUsers");
  const tr = useTranslations("roles");
  const [result, formAction] = useActionState(action, null);
  const [role, setRole] = useKeptChoice(result, "role", roles[0] ?? "");
  const scope = role ? requiredScope(role as Role) : null;
  const labels = {
    username: t("fields.username"),
    displayName: t("fields.displayName"),
    email: t("fields.emailOptional"),
    role: t("fields.role"),
    unitId: t("fields.unitId"),
    departmentId: t("fields.departmentId"),
  };
  return (
    <>
      {result?.ok && (
        <>
          <SuccessNotice>
            <p>{t("new.created", { username: result.data.username })}</p>
            <p>
              <Link href={`/admin/users/${result.data.id}`} className="text-brand-800 underline">{t("new.open")}</Link>
            </p>
          </SuccessNotice>
          <IssuedPassword username={result.data.username} password={result.data.issuedPassword} />
          <p className="mb-4 text-stone-700">{t("new.another")}</p>
        </>
      )}
      <ErrorSummary result={result} labels={labels} />
      <form action={formAction} noValidate className="rounded border border-stone-300 bg-white p-4">
        <TextField name="username" label={labels.username} hint={t("fields.usernameHint")} result={result} autoComplete="off" required maxLength={32} />
        <TextField name="displayName" label={labels.displayName} hint={t("fields.displayNameHint")} result={result} autoComplete="off" required maxLength={100} />
        <TextField name="email" type="email" label={labels.email} hint={t("fields.emailHint")} result={result} autoComplete="off" maxLength={254} />
        <SelectField
          name="role"
          label={labels.role}
          hint={t("fields.roleHintCreate")}
          result={result}
          defaultValue={roles[0]}
          options={roles.map((r) => ({ value: r, label: tr(r) }))}
          onChange={setRole}
        />
        {scope === "unit" && (
          <SelectField name="unitId" label={labels.unitId} hint={t("fields.unitHint")} result={result} options={units} placeholder={t("fields.choose")} />
        )}
        {scope === "department" && (
          <SelectField name="departmentId" label={labels.departmentId} hint={t("fields.departmentHint")} result={result} options={departments} placeholder={t("fields.choose")} />
        )}
        <SubmitButton>{t("new.submit")}</SubmitButton>
      </form>
    </>
  );
}
