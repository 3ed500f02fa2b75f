/**
 * Next checks Origin for server actions only. Route handlers that change state call this:
 * a browser always sends Origin on a cross-site POST, so a foreign or "null" Origin is refused;
 * a request without Origin (curl, server-to-server) must still pass the handler's own checks.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function crossOriginRefused(): Response {
  return new Response(JSON.stringify({ code: "FORBIDDEN", reason: "cross-origin request refused" }), {
    status: 403,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}
