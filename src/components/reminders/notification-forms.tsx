"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary, SubmitButton } from "@/components/ui/form-kit";
import { markAllNotificationsRead, markNotificationRead } from "@/actions/reminders";

function useRefreshOnSuccess(ok: boolean | undefined) {
  const router = useRouter();
  useEffect(() => {
    if (ok) router.refresh();
  }, [ok, router]);
}

/** `describedBy`: the id of the notification text, so the button says which one it marks. */
export function MarkReadForm({ id, describedBy }: { id: number; describedBy: string }) {
  const t = useTranslations("reminders.notifications");
  const [result, action] = useActionState(markNotificationRead, null);
  useRefreshOnSuccess(result?.ok);
  return (
    <form action={action}>
      <ErrorSummary result={result} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" aria-describedby={describedBy} className="rounded border-2 border-stone-700 px-3 py-1 text-sm font-medium hover:bg-stone-100">
        {t("markRead")}
      </button>
    </form>
  );
}

export function MarkAllReadForm() {
  const t = useTranslations("reminders.notifications");
  const [result, action] = useActionState(markAllNotificationsRead, null);
  useRefreshOnSuccess(result?.ok);
  return (
    <form action={action}>
      <ErrorSummary result={result} />
      {result?.ok && <p role="status" className="mb-2 text-sm">{t("markedAll", { count: result.data.count })}</p>}
      <SubmitButton tone="secondary">{t("markAllRead")}</SubmitButton>
    </form>
  );
}
