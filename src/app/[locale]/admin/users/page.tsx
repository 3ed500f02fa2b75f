import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { ROLES } from "@/shared/roles";
import { listScopeOptions, listUsers, parseUserFilters, type UserFilters } from "@/server/users/queries";
import { loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";
import { titleMetadata } from "@/components/ui/page-metadata";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleMetadata("adminUsers.title");

/** The query string of a page of this list: the filters in force, and the page. */
function queryOf(filters: UserFilters, page: number): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ["q", "role", "unitId", "departmentId", "active", "locked"] as const) {
    const value = filters[key];
    if (value !== undefined && value !== "") query[key] = String(value);
  }
  if (page > 1) query.page = String(page);
  return query;
}

export default async function UsersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, "/admin/users");
  const filters = parseUserFilters(await searchParams);
  const data = await loadOrForbidden(listUsers(actor, context, filters));
  const [options, t, tr, format] = await Promise.all([listScopeOptions(actor, context), getTranslations("adminUsers"), getTranslations("roles"), getFormatter()]);
  const any = t("filters.any");

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")}>
        <p className="flex flex-wrap gap-4">
          {data.may.create && (
            <Link href="/admin/users/new" className="rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("createLink")}</Link>
          )}
          {data.may.updateSecurityPolicy && (
            <Link href="/admin/security-policy" className="py-2 text-brand-800 underline">{t("securityPolicyLink")}</Link>
          )}
        </p>
      </PageHeader>

      <form method="get" className="rounded border border-stone-300 bg-white p-4" role="search" aria-labelledby="filters-title">
        <h2 id="filters-title" className="mb-3 text-lg font-semibold">{t("filters.legend")}</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="filter-q" className="block font-medium">{t("filters.q")}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} className="mt-1 block w-full rounded border-2 border-stone-700 px-2 py-1" />
          </div>
          <FilterSelect id="filter-role" name="role" label={t("filters.role")} value={filters.role} any={any} options={ROLES.map((role) => ({ value: role, label: tr(role) }))} />
          <FilterSelect id="filter-unit" name="unitId" label={t("filters.unit")} value={filters.unitId} any={any} options={options.units.map((u) => ({ value: String(u.id), label: localName(u, locale) }))} />
          <FilterSelect id="filter-department" name="departmentId" label={t("filters.department")} value={filters.departmentId} any={any} options={options.departments.map((d) => ({ value: String(d.id), label: localName(d, locale) }))} />
          <FilterSelect id="filter-active" name="active" label={t("filters.active")} value={filters.active} any={any} options={[{ value: "yes", label: t("filters.activeYes") }, { value: "no", label: t("filters.activeNo") }]} />
          <FilterSelect id="filter-locked" name="locked" label={t("filters.locked")} value={filters.locked} any={any} options={[{ value: "yes", label: t("filters.lockedYes") }, { value: "no", label: t("filters.lockedNo") }]} />
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-green-800 px-4 py-2 font-medium text-white shadow">{t("filters.apply")}</button>
          <Link href="/admin/users" className="text-brand-800 underline">{t("filters.clear")}</Link>
        </p>
      </form>

      <Section id="results-title" title={t("list.caption", { total: data.total })}>
        <DataTable
          labelledBy="results-title"
          rows={data.users}
          rowKey={(user) => user.id}
          rowHeaders
          empty={t("list.empty")}
          columns={[
            { key: "username", header: t("list.username"), cell: (user) => <Link href={`/admin/users/${user.id}`} className="font-mono text-brand-800 underline">{user.username}</Link> },
            { key: "displayName", header: t("list.displayName"), cell: (user) => user.displayName },
            { key: "email", header: t("list.email"), className: "break-all", cell: (user) => user.email ?? t("none") },
            { key: "role", header: t("list.role"), cell: (user) => tr(user.role) },
            { key: "scope", header: t("list.scope"), cell: (user) => (user.unit ? localName(user.unit, locale) : user.department ? localName(user.department, locale) : t("none")) },
            {
              key: "status",
              header: t("list.status"),
              cell: (user) => (
                <span className="flex flex-wrap gap-1">
                  <Badge tone={user.active ? "info" : "missing"}>{user.active ? t("list.active") : t("list.disabled")}</Badge>
                  {user.locked && <Badge tone="missing">{t("list.locked")}</Badge>}
                  {user.totpEnrolled && <Badge>{t("list.twoFactor")}</Badge>}
                  {user.isDemo && <Badge>{t("list.demo")}</Badge>}
                </span>
              ),
            },
            { key: "lastSignIn", header: t("list.lastSignIn"), cell: (user) => (user.lastSignInAt ? format.dateTime(user.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")) },
          ]}
        />
        {data.pageCount > 1 && (
          <nav aria-label={t("list.pagination")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
            {data.page > 1 && (
              <Link href={{ pathname: "/admin/users", query: queryOf(filters, data.page - 1) }} rel="prev" className="text-brand-800 underline">
                ← {t("list.previous")}
              </Link>
            )}
            <span aria-current="page">{t("list.pageOf", { page: data.page, pageCount: data.pageCount })}</span>
            {data.page < data.pageCount && (
              <Link href={{ pathname: "/admin/users", query: queryOf(filters, data.page + 1) }} rel="next" className="text-brand-800 underline">
                {t("list.next")} →
              </Link>
            )}
          </nav>
        )}
      </Section>
    </div>
  );
}

/** One filter of the list: "any", then the values it can take; the one in force is selected. */
function FilterSelect({ id, name, label, value, any, options }: { id: string; name: string; label: string; value: string | number | undefined; any: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <select id={id} name={name} defaultValue={value ? String(value) : ""} className="mt-1 block w-full rounded border-2 border-stone-700 bg-white px-2 py-1">
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}
