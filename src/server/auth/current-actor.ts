import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "./actor";
import { cookieSettings } from "./cookies";
import { sessionIdFromCookie } from "./next-auth-options";
import { getRequestContext } from "./request-context";
import { resolveSession } from "./session-store";

/** The signed-in actor for this request (once per request), or null. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const sessionId = await sessionIdFromCookie(jar.get(cookieSettings().sessionToken.name)?.value);
  if (!sessionId) return null;
  return resolveSession(sessionId, await getRequestContext());
});
