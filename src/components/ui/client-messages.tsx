import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type Tree = { [key: string]: string | Tree };

/** Copies the subtree at `path` ("reporting.form") of `from` into `to`, at the same path. */
function pick(from: Tree, to: Tree, path: string) {
  const keys = path.split(".");
  let source: string | Tree | undefined = from;
  for (const key of keys) source = typeof source === "object" ? source[key] : undefined;
  if (source === undefined) return;
  let target = to;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Tree;
  target[keys.at(-1)!] = source;
}

/**
 * Gives client components the messages they use, and no others: each entry is a namespace
 * ("reminders") or a subtree of one ("reporting.form"); "errors.*" is always included because
 * every form shows the error summary. Everything else stays on the server.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked: Tree = {};
  for (const path of ["errors", ...namespaces]) pick(messages as Tree, picked, path);
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}
