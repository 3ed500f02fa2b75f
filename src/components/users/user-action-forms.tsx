"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, type FormAction, SelectField, SubmitButton, SuccessNotice, TextField, useFormAction, useKeptChoice } from "@/components/ui/form-kit";
import type { Role } from "@/generated/prisma/enums";
import { requiredScope } from "@/shared/roles";
import type { ScopeOption } from "./create-user-form";
import { Panel } from "@/components/ui/panel";
import { IssuedPassword } from "@/components/users/issued-password";

// One form per action on the account page; the page shows one at a time (?action=…), so field
// ids stay unique and the error summary's links land on the right field.

type Done = { id: number; sessionsEnded?: number };

function ReasonField({ result, required }: { result: Parameters<typeof TextField>[0]["result"]; required: boolean }) {
  const t = useTranslations("adminUsers.fields");
  return <TextField name="reason" label={required ? t("reason") : t("reasonOptional")} hint={t("reasonHint")} result={result} required={required} maxLength={500} autoComplete="off" />;
}

export function ProfileForm<T extends Done>({ action, userId, displayName, email }: { action: FormAction<T>; userId: number; displayName: string; email: string | null }) {
  const t = useTranslations("adminUsers");
  const [result, formAction] = useFormAction(action);
  return (
    <Panel id="action-title" level={3} title={t("actions.profile.title")}>
      {result?.ok && <SuccessNotice>{t("actions.profile.done")}</SuccessNotice>}
      <ErrorSummary result={result} labels={{ displayName: t("fields.displayName"), email: t("fields.emailOptional"), reason: t("fields.reasonOptional") }} />
      <form action={formAction} noValidate className="mt-3">
        <input type="hidden" name="id" value={userId} />
        <TextField name="displayName" label={t("fields.displayName")} hint={t("fields.displayNameHint")} result={result} defaultValue={displayName} required maxLength={100} autoComplete="off" />
        <TextField name="email" type="email" label={t("fields.emailOptional")} hint={t("fields.emailEditHint")} result={result} defaultValue={email ?? ""} maxLength={254} autoComplete="off" />
        <ReasonField result={result} required={false} />
        <SubmitButton>{t("actions.profile.submit")}</SubmitButton>
      </form>
    </Panel>
  );
}

type RoleFormProps<T extends Done> = {
  action: FormAction<T>;
  userId: number;
  role: Role;
  unitId: number | null;
  departmentId: number | null;
  roles: readonly Role[];
  units: ScopeOption[];
  departments: ScopeOption[];
};

export function RoleForm<T extends Done>({ action, userId, role: currentRole, unitId, departmentId, roles, units, departments }: RoleFormProps<T>) {
  const t = useTranslations("adminUsers");
  const tr = useTranslations("roles");
  const [result, formAction] = useFormAction(action);
  const [role, setRole] = useKeptChoice(result, "role", currentRole);
  const scope = role ? requiredScope(role as Role) : null;
  const labels = { role: t("fields.role"), unitId: t("fields.unitId"), departmentId: t("fields.departmentId"), reason: t("fields.reason") };
  return (
    <Panel id="action-title" level={3} title={t("actions.role.title")}>
      <p className="mb-3 mt-1 text-stone-700">{t("actions.role.intro")}</p>
      {result?.ok && <SuccessNotice>{t("actions.role.done")}</SuccessNotice>}
      <ErrorSummary result={result} labels={labels} />
      <form action={formAction} noValidate>
        <input type="hidden" name="id" value={userId} />
        <SelectField name="role" label={labels.role} result={result} defaultValue={currentRole} options={roles.map((r) => ({ value: r, label: tr(r) }))} onChange={setRole} />
        {scope === "unit" && (
          <SelectField name="unitId" label={labels.unitId} hint={t("fields.unitHint")} result={result} defaultValue={unitId ? String(unitId) : ""} options={units} placeholder={t("fields.choose")} />
        )}
        {scope === "department" && (
          <SelectField
            name="departmentId"
            label={labels.departmentId}
            hint={t("fields.departmentHint")}
            result={result}
            defaultValue={departmentId ? String(departmentId) : ""}
            options={departments}
            placeholder={t("fields.choose")}
          />
        )}
        <ReasonField result={result} required />
        <SubmitButton>{t("actions.role.submit")}</SubmitButton>
      </form>
    </Panel>
  );
}

type Reset = { id: number; username: string; issuedPassword: string; sessionsEnded: number };

export function ResetPasswordForm({ action, userId }: { action: FormAction<Reset>; userId: number }) {
  const t = useTranslations("adminUsers");
  const [result, formAction] = useFormAction(action);
  return (
    <Panel id="action-title" level={3} title={t("actions.reset.title")}>
      <p className="mb-3 mt-1 text-stone-700">{t("actions.reset.intro")}</p>
      {result?.ok && (
        <>
          <SuccessNotice>{t("actions.reset.done")}</SuccessNotice>
          <IssuedPassword username={result.data.username} password={result.data.issuedPassword} />
        </>
      )}
      <ErrorSummary result={result} labels={{ reason: t("fields.reasonOptional") }} />
      <form action={formAction} noValidate>
        <input type="hidden" name="id" value={userId} />
        <ReasonField result={result} required={false} />
        <SubmitButton tone="danger">{t("actions.reset.submit")}</SubmitButton>
      </form>
    </Panel>
  );
}

type SimpleKind = "disable" | "enable" | "unlock" | "endSessions";

/** Disable, enable, unlock, end sessions: a reason (required to disable) and one button. */
export function SimpleActionForm<T extends Done>({ kind, action, userId, selfWarning = false }: { kind: SimpleKind; action: FormAction<T>; userId: number; selfWarning?: boolean }) {
  const t = useTranslations("adminUsers");
  const [result, formAction] = useFormAction(action);
  const reasonRequired = kind === "disable";
  return (
    <Panel id="action-title" level={3} title={t(`actions.${kind}.title`)}>
      <p className="mb-3 mt-1 text-stone-700">{t(`actions.${kind}.intro`)}</p>
      {selfWarning && <p className="mb-3 font-semibold text-red-800">{t("actions.endSessions.self")}</p>}
      {result?.ok && <SuccessNotice>{t(`actions.${kind}.done`, { count: result.data.sessionsEnded ?? 0 })}</SuccessNotice>}
      <ErrorSummary result={result} labels={{ reason: reasonRequired ? t("fields.reason") : t("fields.reasonOptional") }} />
      <form action={formAction} noValidate>
        <input type="hidden" name="id" value={userId} />
        <ReasonField result={result} required={reasonRequired} />
        <SubmitButton tone={kind === "disable" || kind === "endSessions" ? "danger" : "primary"}>{t(`actions.${kind}.submit`)}</SubmitButton>
      </form>
    </Panel>
  );
}
