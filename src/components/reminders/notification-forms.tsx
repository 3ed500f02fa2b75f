"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, SubmitButton, useFormAction } from "@/components/ui/form-kit";
import { markAllNotificationsRead, markNotificationRead } from "@/actions/reminders";

/** `describedBy`: the id of the notification text, so the button says which one it marks. */
export function MarkReadForm({ id, describedBy }: { id: number; describedBy: string }) {
  const t = useTranslations("reminders.notifications");
  const [result, action] = useFormAction(markNotificationRead);
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
  const [result, action] = useFormAction(markAllNotificationsRead);
  return (
    <form action={action}>
      <ErrorSummary result={result} />
      {result?.ok && <p role="status" className="mb-2 text-sm">{t("markedAll", { count: result.data.count })}</p>}
      <SubmitButton tone="secondary">{t("markAllRead")}</SubmitButton>
    </form>
  );
}
