"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ErrorSummary, SubmitButton, SuccessNotice, TextField } from "@/components/ui/form-kit";
import { updateOwnEmail } from "@/actions/account";

export function EmailForm({ email }: { email: string | null }) {
  const t = useTranslations("account.email");
  const router = useRouter();
  const [result, action] = useActionState(updateOwnEmail, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form action={action} noValidate className="max-w-md">
      {result?.ok && <SuccessNotice>{result.data.email ? t("saved") : t("removed")}</SuccessNotice>}
      <ErrorSummary result={result} labels={{ email: t("label") }} />
      <TextField name="email" label={t("label")} hint={t("hint")} type="email" autoComplete="email" defaultValue={email ?? ""} maxLength={254} result={result} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
