"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * The password the server issued, shown this once. It is in this page's memory only: it is
 * stored nowhere readable, so leaving the page loses it (a new reset issues another).
 */
export function IssuedPassword({ username, password }: { username: string; password: string }) {
  const t = useTranslations("adminUsers.issued");
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = () => {
    navigator.clipboard?.writeText(password).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  };
  return (
    <section aria-labelledby="issued-password-title" className="mb-4 border-4 border-amber-600 bg-amber-50 p-4">
      <h2 id="issued-password-title" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">{t("title")}</h2>
      <p className="mt-1">{t("forUser", { username })}</p>
      <p className="mt-3">
        <output aria-label={t("passwordLabel")} translate="no" className="inline-block select-all rounded border-2 border-stone-700 bg-white px-3 py-2 font-mono text-2xl tracking-wider">
          {password}
        </output>
      </p>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className="rounded border-2 border-stone-700 bg-white px-3 py-1 font-medium focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400">
          {t("copy")}
        </button>
        <span role="status" className="text-sm">{copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}</span>
      </p>
      <p className="mt-3 text-sm">{t("copyHint")}</p>
      <p className="mt-2 font-semibold text-red-800">{t("notShownAgain")}</p>
      <p className="mt-1 text-sm">{t("mustChange")}</p>
    </section>
  );
}
