import "server-only";
import { redirect } from "@/i18n/navigation";
import type { Actor } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";
import { AppError } from "@/server/errors";

/** The signed-in actor of an admin page; a visitor goes to sign in, a restricted account to lift its restriction. */
export async function requireSignedIn(locale: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) return redirect({ href: "/login", locale });
  if (actor.restriction === "change-password") return redirect({ href: "/account/password", locale });
  if (actor.restriction === "enrol-totp") return redirect({ href: "/account/two-factor", locale });
  return actor;
}

/**
 * Runs a data function that authorizes itself. A refusal (already audited by authorize) becomes
 * a value the page shows as "not permitted"; every other error propagates.
 */
export async function loadAuthorized<T>(load: () => Promise<T>): Promise<{ allowed: true; data: T } | { allowed: false }> {
  try {
    return { allowed: true, data: await load() };
  } catch (error) {
    if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return { allowed: false };
    throw error;
  }
}
