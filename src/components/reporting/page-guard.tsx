import "server-only";
import { getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Actor } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";
import { AppError } from "@/server/errors";

/** The signed-in actor of a reporting page: visitors sign in first and come back here. */
export async function requireActor(locale: string, path: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) return redirect({ href: `/login?callbackUrl=${encodeURIComponent(path)}`, locale });
  if (actor.restriction === "change-password") return redirect({ href: "/account/password", locale });
  if (actor.restriction === "enrol-totp") return redirect({ href: "/account/two-factor", locale });
  return actor;
}

/** Runs a data function that authorizes itself; its refusal (already audited) becomes "forbidden". */
export async function orForbidden<T>(load: Promise<T>): Promise<{ forbidden: true } | { forbidden: false; data: T }> {
  try {
    return { forbidden: false, data: await load };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { forbidden: true };
    throw error;
  }
}

export async function Forbidden() {
  const t = await getTranslations("reporting");
  return (
    <section aria-labelledby="forbidden-title" className="rounded border border-amber-300 bg-amber-50 p-5">
      <h1 id="forbidden-title" className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2">{t("forbiddenBody")}</p>
    </section>
  );
}

/** "/reports/12" → ?callbackUrl-safe positive id, or null. */
export const parseId = (raw: string) => (/^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null);
