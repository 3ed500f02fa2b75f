import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { RequestContext } from "./actor";

/**
 * The client's address and the request id (set by proxy.ts). Behind our reverse proxy
 * (TRUST_PROXY=1) X-Real-IP is its word. Served directly, Next writes the socket address into
 * X-Forwarded-For only when the client sent none, so a client can forge its address there:
 * the per-IP sign-in limit is then a speed bump, and account lockout remains the real guard.
 */
export async function getRequestContext(): Promise<RequestContext> {
  try {
    const h = await headers();
    const trusted = process.env.TRUST_PROXY === "1" ? h.get("x-real-ip") : null;
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return {
      ip: trusted || forwarded || null,
      requestId: h.get("x-request-id") ?? randomUUID(),
      userAgent: h.get("user-agent"),
    };
  } catch {
    // outside a request (scripts, tests)
    return { ip: null, requestId: randomUUID(), userAgent: null };
  }
}
