"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { ErrorSummary, SubmitButton, SuccessNotice, TextField } from "@/components/ui/form-kit";
import { getPathname } from "@/i18n/navigation";
import { changePassword } from "@/actions/account";

export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("account.password");
  const locale = useLocale();
  const [result, action] = useActionState(changePassword, null);
  const next = result?.ok ? result.data.next : null;

  useEffect(() => {
    // a full load, so the header and every server check see the lifted restriction
    if (next) window.location.assign(getPathname({ href: next, locale }));
  }, [next, locale]);

  if (next) return <SuccessNotice>{t("done")}</SuccessNotice>;

  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary result={result} labels={{ currentPassword: t("currentPassword"), newPassword: t("newPassword"), confirmPassword: t("confirmPassword") }} />
      {/* lets password managers file the new password under the right account */}
      <input type="text" name="username" autoComplete="username" defaultValue={username} hidden readOnly />
      <TextField name="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" result={result} required />
      <TextField name="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} type="password" autoComplete="new-password" result={result} required />
      <TextField name="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" result={result} required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
