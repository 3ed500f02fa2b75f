import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ProfileForm, ResetPasswordForm, RoleForm, SimpleActionForm } from "@/components/users/user-action-forms";
import { ClientMessages } from "@/components/ui/client-messages";
import { DataTable } from "@/components/ui/table";
import type { Messages } from "@/i18n/message-files";
import { Link } from "@/i18n/navigation";
import { ROLES } from "@/shared/roles";
import { USER_ADMIN_ACTIONS } from "@/server/users/admin-actions-for";
import { getUserForAdmin, listScopeOptions } from "@/server/users/queries";
import { assignUserRole, disableUser, enableUser, endUserSessions, resetUserPassword, unlockUser, updateUserProfile } from "@/actions/users";
import { idFromPath, loadOrForbidden, requirePageContext } from "@/server/read/page-access";
import { localName } from "@/shared/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminUsers" }))("title") };
}

// History entries list fields in this order (jsonb keeps its own key order), unknown ones last.
const FIELD_ORDER = ["username", "displayName", "email", "role", "unit", "department", "active", "passwordReset", "mustChangePassword", "failedLoginCount", "lockedUntil"];
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

export default async function UserPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const { actor, context } = await requirePageContext(locale, `/admin/users/${rawId}`);
  const user = await loadOrForbidden(getUserForAdmin(actor, context, idFromPath(rawId)));
  const requested = (await searchParams).action;
  // an action stays selected while the viewer may take it, even once the list no longer offers it
  const selected = USER_ADMIN_ACTIONS.find((a) => a === requested && user.may[a]) ?? null;
  const [t, tr, format] = await Promise.all([getTranslations("adminUsers"), getTranslations("roles"), getFormatter()]);
  const scopeOptions = selected === "role" ? await listScopeOptions(actor, context, "user:assign-role") : null;
  const option = (p: { id: number; nameZh: string; nameEn: string | null }) => ({ value: String(p.id), label: localName(p, locale) });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  const showValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("none");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (field === "role" && typeof value === "string" && (ROLES as readonly string[]).includes(value)) return tr(value as (typeof ROLES)[number]);
    if (field === "lockedUntil" && typeof value === "string") return when(new Date(value));
    return String(value);
  };
  const describeChange = (field: string, change: unknown): string => {
    // field names come from the audit record: one without a label is shown as it is
    const key = `fieldNames.${field}` as `fieldNames.${keyof Messages["adminUsers"]["fieldNames"]}`;
    const name = t.has(key) ? t(key) : field;
    if (field === "passwordReset") return `${name}: ${t("history.passwordReplaced")}`;
    if (change && typeof change === "object" && "before" in change && "after" in change) {
      return `${name}: ${showValue(field, change.before)} → ${showValue(field, change.after)}`;
    }
    return `${name}: ${showValue(field, change)}`;
  };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/users" className="text-brand-800 underline">{t("backToList")}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {user.displayName} <span className="font-mono text-lg font-normal text-stone-600">({user.username})</span>
        </h1>
        <p className="flex flex-wrap gap-2">
          <Badge tone="info">{tr(user.role)}</Badge>
          <Badge tone={user.active ? "neutral" : "missing"}>{user.active ? t("list.active") : t("list.disabled")}</Badge>
          {user.locked && <Badge tone="missing">{t("list.locked")}</Badge>}
          {user.isDemo && <Badge>{t("list.demo")}</Badge>}
        </p>
      </header>

      <section aria-labelledby="account-title" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="account-title" className="text-lg font-semibold">{t("detail.account")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("detail.username")}</dt>
          <dd className="font-mono">{user.username}</dd>
          <dt className="font-medium">{t("detail.displayName")}</dt>
          <dd>{user.displayName}</dd>
          <dt className="font-medium">{t("detail.email")}</dt>
          <dd className="break-all">{user.email ?? t("detail.noEmail")}</dd>
          <dt className="font-medium">{t("detail.role")}</dt>
          <dd>{tr(user.role)}</dd>
          {user.unit && (
            <>
              <dt className="font-medium">{t("detail.unit")}</dt>
              <dd>{localName(user.unit, locale)} ({user.unit.code})</dd>
            </>
          )}
          {user.department && (
            <>
              <dt className="font-medium">{t("detail.department")}</dt>
              <dd>{localName(user.department, locale)}</dd>
            </>
          )}
          <dt className="font-medium">{t("detail.status")}</dt>
          <dd>{user.active ? t("list.active") : t("list.disabled")}</dd>
          <dt className="font-medium">{t("detail.lock")}</dt>
          <dd>
            {user.locked && user.lockedUntil ? t("detail.lockedUntil", { time: when(user.lockedUntil) }) : t("detail.notLocked")}
            {"; "}
            {t("detail.failedAttempts", { count: user.failedLoginCount })}
          </dd>
          <dt className="font-medium">{t("detail.twoFactor")}</dt>
          <dd>{user.totpEnrolled ? t("detail.enrolled") : t("detail.notEnrolled")}</dd>
          <dt className="font-medium">{t("detail.mustChangePassword")}</dt>
          <dd>{user.mustChangePassword ? t("yes") : t("no")}</dd>
          <dt className="font-medium">{t("detail.passwordChangedAt")}</dt>
          <dd>{when(user.passwordChangedAt)}</dd>
          <dt className="font-medium">{t("detail.createdAt")}</dt>
          <dd>{when(user.createdAt)}</dd>
          <dt className="font-medium">{t("detail.lastSignIn")}</dt>
          <dd>
            {user.lastSignIn
              ? t("detail.lastSignInFrom", { time: when(user.lastSignIn.at), ip: user.lastSignIn.ip ?? t("sessions.unknown") })
              : t("never")}
          </dd>
        </dl>
        {user.isDemo && <p className="mt-3 text-sm text-amber-900">{t("detail.demo")}</p>}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">{t("sessions.title")}</h2>
        {user.openSessions.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("sessions.empty")}</p>
        ) : (
          <div className="mt-3">
            <DataTable
              labelledBy="sessions-title"
              rows={user.openSessions}
              rowKey={(session, index) => `${session.createdAt.toISOString()}-${index}`}
              columns={[
                { key: "started", header: t("sessions.started"), cell: (session) => when(session.createdAt) },
                { key: "lastSeen", header: t("sessions.lastSeen"), cell: (session) => when(session.lastSeenAt) },
                { key: "expires", header: t("sessions.expires"), cell: (session) => when(session.expiresAt) },
                { key: "ip", header: t("sessions.ip"), className: "font-mono", cell: (session) => session.ip ?? t("sessions.unknown") },
                { key: "browser", header: t("sessions.browser"), className: "max-w-xs break-words text-stone-700", cell: (session) => session.userAgent ?? t("sessions.unknown") },
              ]}
            />
          </div>
        )}
      </section>

      {(USER_ADMIN_ACTIONS.some((a) => user.may[a]) || user.notes.self || user.notes.resetBlocked) && (
        <section aria-labelledby="actions-title" className="space-y-3">
          <h2 id="actions-title" className="text-lg font-semibold">{t("actions.title")}</h2>
          {user.notes.self && <p className="text-stone-700">{t("actions.selfNote")}</p>}
          {user.notes.resetBlocked && <p className="text-stone-700">{t("actions.resetBlocked")}</p>}
          {user.offered.length === 0 ? (
            <p className="text-stone-700">{t("actions.none")}</p>
          ) : (
            <ul className="flex flex-wrap gap-3">
              {user.offered.map((a) => (
                <li key={a}>
                  <Link
                    href={`/admin/users/${user.id}?action=${a}#action`}
                    aria-current={a === selected ? "true" : undefined}
                    className={`block rounded border-2 px-3 py-1 ${a === selected ? "border-brand-800 bg-stone-100 font-semibold" : "border-stone-400 bg-white text-brand-800 underline"}`}
                  >
                    {t(`actions.${a}.title`)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {selected && (
            <div id="action" className="space-y-2">
              <ClientMessages namespaces={["adminUsers", "roles"]}>
                {selected === "profile" && <ProfileForm action={updateUserProfile} userId={user.id} displayName={user.displayName} email={user.email} />}
                {selected === "role" && scopeOptions && (
                  <RoleForm
                    action={assignUserRole}
                    userId={user.id}
                    role={user.role}
                    unitId={user.unit?.id ?? null}
                    departmentId={user.department?.id ?? null}
                    roles={ROLES}
                    units={scopeOptions.units.map(option)}
                    departments={scopeOptions.departments.map(option)}
                  />
                )}
                {selected === "reset" && <ResetPasswordForm action={resetUserPassword} userId={user.id} />}
                {selected === "disable" && <SimpleActionForm kind="disable" action={disableUser} userId={user.id} />}
                {selected === "enable" && <SimpleActionForm kind="enable" action={enableUser} userId={user.id} />}
                {selected === "unlock" && <SimpleActionForm kind="unlock" action={unlockUser} userId={user.id} />}
                {selected === "endSessions" && <SimpleActionForm kind="endSessions" action={endUserSessions} userId={user.id} selfWarning={user.ownAccount} />}
              </ClientMessages>
              <p className="text-sm">
                <Link href={`/admin/users/${user.id}`} className="text-brand-800 underline">{t("actions.cancel")}</Link>
              </p>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-lg font-semibold">{t("history.title")}</h2>
        {user.revisions.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("history.empty")}</p>
        ) : (
          <div className="mt-3">
            <DataTable
              labelledBy="history-title"
              rows={user.revisions}
              rowKey={(revision) => revision.id}
              columns={[
                { key: "at", header: t("history.at"), kind: "nowrap", cell: (revision) => when(revision.at) },
                { key: "by", header: t("history.by"), cell: (revision) => (revision.actor ? `${revision.actor.displayName} (${revision.actor.username})` : t("history.system")) },
                {
                  key: "changes",
                  header: t("history.changes"),
                  cell: (revision) => (
                    <ul className="list-disc pl-5">
                      {Object.entries(revision.changes).sort(([a], [b]) => fieldRank(a) - fieldRank(b)).map(([field, change]) => (
                        <li key={field}>{describeChange(field, change)}</li>
                      ))}
                    </ul>
                  ),
                },
                { key: "reason", header: t("history.reason"), cell: (revision) => revision.reason ?? t("none") },
              ]}
            />
          </div>
        )}
      </section>
    </div>
  );
}
