import { randomUUID } from "node:crypto";
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";

// Locale routing, a per-request CSP nonce and a request id. Nothing here authorizes: that is
// the job of the server code that reads or writes (src/server/*).
const intl = createMiddleware(routing);

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script are trusted; no inline script without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  if (!headers.has("x-request-id")) headers.set("x-request-id", randomUUID());

  const forwarded = new NextRequest(request, { headers });
  const response = request.nextUrl.pathname.startsWith("/api/") ? NextResponse.next({ request: { headers } }) : intl(forwarded);
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", headers.get("x-request-id")!);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|txt|xml)$).*)"],
};
