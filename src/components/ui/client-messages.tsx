import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type MessageTree } from "./pick-messages";

/**
 * Gives client components the messages they use, and no others: each entry is a namespace
 * ("reminders"), a subtree of one ("reporting.form"), or a namespace's own messages without its
 * subtrees ("adminOrg.*": its error messages). "errors" is always included because every form
 * shows the error summary. Everything else stays on the server.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages as MessageTree, ["errors", ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
