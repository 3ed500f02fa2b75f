import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

// Rendered with HTTP 403 when a page's data function refuses the signed-in account
// (src/server/read/page-access.ts calls forbidden()); the refusal is already in the audit log.
export default async function Forbidden() {
  const [t, workspace] = await Promise.all([getTranslations("errors"), getTranslations("workspace")]);
  return (
    <section aria-labelledby="forbidden-title" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-5">
      <h1 id="forbidden-title" className="text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <p><Link href="/workspace" className="text-brand-800 underline">{workspace("title")}</Link></p>
    </section>
  );
}
