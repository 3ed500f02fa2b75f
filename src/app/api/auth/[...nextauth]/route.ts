import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that the secret is read at run time, never at build time.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
