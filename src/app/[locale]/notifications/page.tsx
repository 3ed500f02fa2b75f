import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { MarkAllReadForm, MarkReadForm } from "@/components/reminders/notification-forms";
import { listMyNotifications, type NotificationView } from "@/server/reminders/queries";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("reminders.notifications.title");

export default async function NotificationsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/notifications");
  const [list, t, format] = await Promise.all([loadOrForbidden(listMyNotifications(actor, context)), getTranslations("reminders.notifications"), getFormatter()]);
  const en = locale === "en";
  const all: NotificationView[] = [...list.unread, ...list.read];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("title")} intro={t("intro")}>
        <p className="font-medium">{t("unreadCount", { count: list.unreadCount })}</p>
      </PageHeader>
      <ClientMessages namespaces={["reminders.notifications"]}>
        {list.unreadCount > 0 && <MarkAllReadForm />}
        {all.length === 0 ? (
          <p className="text-stone-600">{t("empty")}</p>
        ) : (
          <ul aria-label={t("listLabel")} className="mt-4 space-y-3">
            {all.map((n) => (
              <li key={n.id} className={`rounded border p-4 ${n.readAt ? "border-stone-300 bg-white" : "border-l-4 border-brand-800 bg-amber-50"}`}>
                <p className="text-sm text-stone-600">
                  <span className="font-medium">{n.readAt ? t("read") : t("unread")}</span>
                  {" · "}
                  <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </p>
                <p id={`notification-${n.id}`} className="mt-1 whitespace-pre-line">{en ? n.messageEn : n.messageZh}</p>
                {!n.readAt && (
                  <div className="mt-2">
                    <MarkReadForm id={n.id} describedBy={`notification-${n.id}`} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </ClientMessages>
    </div>
  );
}
