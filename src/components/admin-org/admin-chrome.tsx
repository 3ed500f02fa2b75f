import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** Links between the organisation and policy-text admin pages. */
export async function OrgAdminNav({ current }: { current: "units" | "departments" | "measures" }) {
  const t = await getTranslations("adminOrg.nav");
  const items = [
    { key: "units", href: "/admin/units" },
    { key: "departments", href: "/admin/departments" },
    { key: "measures", href: "/admin/measures" },
  ] as const;
  return (
    <nav aria-label={t("label")} className="mb-4 border-b border-stone-300 pb-2 text-sm">
      <ul className="flex flex-wrap gap-4">
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={item.key === current ? "page" : undefined} className={item.key === current ? "font-semibold" : "text-brand-800 underline"}>
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Shown instead of an admin page to a signed-in account without the permission. */
export async function NotPermitted() {
  const t = await getTranslations("adminOrg");
  return (
    <section aria-labelledby="not-permitted" className="rounded border border-amber-300 bg-amber-50 p-5">
      <h1 id="not-permitted" className="text-xl font-semibold">{t("notPermittedTitle")}</h1>
      <p className="mt-2">{t("notPermittedBody")}</p>
    </section>
  );
}
