import { routing } from "@/i18n/routing";

const BASE = "http://portal.invalid";

/**
 * Where to go after signing in, from a `callbackUrl` query parameter: only a path on this site
 * (with its query), never another origin. "/workspace?x=1" is kept; "https://evil.example",
 * "//evil.example" and "/\evil.example" (which browsers read as "//") are dropped, as is
 * anything that does not parse back to this site. Null when there is nothing usable.
 * A path without a locale prefix gets the current one, so English readers stay in English.
 */
export function safeCallbackPath(raw: unknown, locale: string): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname;
  // "/..//evil.example" normalises to "//evil.example": check again after parsing
  if (path.startsWith("//") || path.startsWith("/\\")) return null;
  if (path === "/login" || /^\/[^/]+\/login$/.test(path)) return null;
  const prefixed = locale === routing.defaultLocale || path === `/${locale}` || path.startsWith(`/${locale}/`) ? path : `/${locale}${path === "/" ? "" : path}`;
  return `${prefixed}${url.search}`;
}
