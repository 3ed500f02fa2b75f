import "server-only";
import { forbidden, notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import type { Actor, RequestContext } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getRequestContext } from "@/server/auth/request-context";
import { AppError } from "@/server/errors";
import { parseRecordId } from "@/shared/record-id";

// The read pipeline: the one way a page gets its signed-in actor and its data. Data functions in
// src/server/<domain>/ authorize themselves (refusals are audited there); this module only turns
// their answers into what the browser sees, with the right HTTP status:
//   no session        → 307 to /login?callbackUrl=<this page>
//   restricted account → 307 to the page that lifts the restriction
//   FORBIDDEN         → 403, src/app/[locale]/forbidden.tsx
//   NOT_FOUND / null  → 404, src/app/[locale]/not-found.tsx (also "not yours")
//   anything else     → propagates to error.tsx (a database outage is never a 404)

/** Where an account under a restriction must go first: the page that lifts it. */
export const RESTRICTION_PAGE = { "change-password": "/account/password", "enrol-totp": "/account/two-factor" } as const;

type Options = {
  /** the restriction this page lifts: an account under it may stay (the password and two-factor pages) */
  lifts?: NonNullable<Actor["restriction"]>;
};

/** The signed-in actor of a page; visitors sign in first and come back to `path`. */
export async function requireActor(locale: string, path: string, options: Options = {}): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) return redirect({ href: `/login?callbackUrl=${encodeURIComponent(path)}`, locale });
  if (actor.restriction && actor.restriction !== options.lifts) return redirect({ href: RESTRICTION_PAGE[actor.restriction], locale });
  return actor;
}

/** The signed-in actor and the request's context, which every data function takes. */
export async function requirePageContext(locale: string, path: string, options: Options = {}): Promise<{ actor: Actor; context: RequestContext }> {
  const [actor, context] = await Promise.all([requireActor(locale, path, options), getRequestContext()]);
  return { actor, context };
}

/**
 * Awaits a data function that authorizes itself. A refusal renders the forbidden view (403), a
 * record that is missing or outside the actor's scope the not-found view (404).
 */
export async function loadOrForbidden<T>(load: Promise<T | null>): Promise<T> {
  let data: T | null;
  try {
    data = await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (data === null) notFound();
  return data;
}

/** A record id from the URL, or the not-found view. */
export function idFromPath(raw: string): number {
  const id = parseRecordId(raw);
  if (id === null) notFound();
  return id;
}
