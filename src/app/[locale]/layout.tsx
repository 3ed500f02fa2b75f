import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/ui/locale-switch";
import { SignOutButton } from "@/components/account/sign-out-button";
import { getCurrentActor } from "@/server/auth/current-actor";
import { Link } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import "../globals.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site" });
  return { title: { default: t("name"), template: `%s · ${t("shortName")}` } };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "site" });
  const nav = await getTranslations({ locale, namespace: "nav" });
  const tw = await getTranslations({ locale, namespace: "workspace" });
  const actor = await getCurrentActor();
  // Client components get only the messages they use (the error boundary's), not the whole catalogue.
  const { errors } = await getMessages({ locale });
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <NextIntlClientProvider locale={locale} messages={{ errors }}>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <header className="bg-brand-800 text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-lg font-semibold leading-snug hover:underline">
              {t("name")}
            </Link>
            <div className="flex items-center gap-2">
              {actor ? (
                <>
                  <Link href="/workspace" className="px-2 py-1 text-sm underline">{tw("title")} · {actor.displayName}</Link>
                  <SignOutButton label={tw("signOut")} />
                </>
              ) : (
                <Link href="/login" className="px-2 py-1 text-sm underline">{tw("signIn")}</Link>
              )}
              <LocaleSwitch otherLocale={locale === "en" ? "zh-CN" : "en"} label={t("switchTo")} ariaLabel={t("switchToLabel")} />
            </div>
          </div>
          <nav aria-label={nav("main")} className="bg-brand-700">
            <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
              <li><Link className="block px-3 py-2 hover:bg-brand-800 hover:underline" href="/">{nav("home")}</Link></li>
              <li><Link className="block px-3 py-2 hover:bg-brand-800 hover:underline" href="/departments">{nav("departments")}</Link></li>
              <li><Link className="block px-3 py-2 hover:bg-brand-800 hover:underline" href="/units">{nav("units")}</Link></li>
            </ul>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mt-12 border-t border-stone-300 bg-white">
          <div className="mx-auto max-w-6xl space-y-1 px-4 py-4 text-sm text-stone-600">
            <p>{t("footer")}</p>
            <p>{t("sourceNote")}</p>
          </div>
        </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
