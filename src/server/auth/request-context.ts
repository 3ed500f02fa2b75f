import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { RequestContext } from "./actor";

/**
 * The client's address and the request id (set by proxy.ts). X-Forwarded-For is trusted only
 * when TRUST_PROXY=1, i.e. when a reverse proxy we run sets it; otherwise anyone could forge it
 * to dodge the per-IP sign-in limit.
 */
export async function getRequestContext(): Promise<RequestContext> {
  try {
    const h = await headers();
    const forwarded = process.env.TRUST_PROXY === "1" ? h.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
    return {
      ip: forwarded || h.get("x-real-ip") || h.get("x-portal-client-ip") || null,
      requestId: h.get("x-request-id") ?? randomUUID(),
      userAgent: h.get("user-agent"),
    };
  } catch {
    // outside a request (scripts, tests)
    return { ip: null, requestId: randomUUID(), userAgent: null };
  }
}
