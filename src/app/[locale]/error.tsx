"use client";

import { useTranslations } from "next-intl";

// Unexpected failures (the database is down, say) get a translated, generic message: details
// stay in the server log, never on the page.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-5">
      <h1 className="text-xl font-semibold">{t("failedTitle")}</h1>
      <p className="mt-2">{t("failedBody")}</p>
      <button type="button" onClick={reset} className="mt-3 rounded border border-stone-400 bg-white px-3 py-1">
        {t("retry")}
      </button>
    </div>
  );
}
