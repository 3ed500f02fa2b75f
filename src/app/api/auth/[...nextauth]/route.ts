import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth-options";
import { crossOriginRefused, isSameOrigin } from "@/server/http/same-origin";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that the secret is read at run time, never at build time.
async function GET(request: Request, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

// Sign-in and sign-out change state: besides next-auth's CSRF token, refuse foreign origins.
async function POST(request: Request, context: RouteContext) {
  if (!isSameOrigin(request)) return crossOriginRefused();
  return NextAuth(authOptions())(request, context);
}

export { GET, POST };
