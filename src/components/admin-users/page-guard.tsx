import "server-only";
import { getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Actor } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";
import { AppError } from "@/server/errors";

/**
 * The signed-in actor of a user-administration page: a visitor is sent to sign in (and back
 * here afterwards), an account under a restriction to lift it first.
 */
export async function requireActor(locale: string, path: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) return redirect({ href: `/login?callbackUrl=${encodeURIComponent(path)}`, locale });
  if (actor.restriction === "change-password") return redirect({ href: "/account/password", locale });
  if (actor.restriction === "enrol-totp") return redirect({ href: "/account/two-factor", locale });
  return actor;
}

/** Runs a data function that authorizes itself; its refusal (already audited) becomes null. */
export async function unlessForbidden<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}

/** Shown instead of the page to a signed-in account whose role may not see it. */
export async function Forbidden() {
  const t = await getTranslations("adminUsers");
  return (
    <section aria-labelledby="forbidden-title" className="rounded border border-amber-300 bg-amber-50 p-5">
      <h1 id="forbidden-title" className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2">{t("forbiddenBody")}</p>
    </section>
  );
}
