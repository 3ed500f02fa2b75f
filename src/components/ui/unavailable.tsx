import { getTranslations } from "next-intl/server";

export async function Unavailable() {
  const t = await getTranslations("errors");
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-5">
      <h1 className="text-xl font-semibold">{t("unavailableTitle")}</h1>
      <p className="mt-2">{t("unavailableBody")}</p>
    </div>
  );
}
