import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
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

/** "Active", or a badge that stands out for an inactive unit or department. */
export async function ActiveStatus({ active }: { active: boolean }) {
  const t = await getTranslations("adminOrg.status");
  return active ? t("active") : <Badge tone="missing">{t("inactive")}</Badge>;
}
