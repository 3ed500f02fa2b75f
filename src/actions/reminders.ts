"use server";

// Server actions of this domain: each is serverAction(<name>Spec), the spec defined in src/server.
import { serverAction } from "@/server/actions/server-action";
import { markAllNotificationsReadSpec, markNotificationReadSpec, urgeReportSpec } from "@/server/reminders/actions";

export const urgeReport = serverAction(urgeReportSpec);
export const markNotificationRead = serverAction(markNotificationReadSpec);
export const markAllNotificationsRead = serverAction(markAllNotificationsReadSpec);
