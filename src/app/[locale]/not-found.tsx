import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("errors");
  const nav = await getTranslations("nav");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p><Link href="/" className="underline">{nav("home")}</Link></p>
    </div>
  );
}
