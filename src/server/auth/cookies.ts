// Cookie names and flags. Over HTTPS the session cookie takes the __Host- prefix (Secure, path /,
// no Domain: it cannot be set or read by any other host or path); over plain http (local use)
// browsers refuse that prefix, so the plain name is used.
export function cookieSettings() {
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    secure,
    sessionToken: { name: secure ? "__Host-portal.session" : "portal.session", options },
    csrfToken: { name: secure ? "__Host-portal.csrf" : "portal.csrf", options },
    callbackUrl: { name: secure ? "__Secure-portal.callback" : "portal.callback", options },
  };
}
