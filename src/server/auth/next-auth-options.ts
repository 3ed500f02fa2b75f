import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { decode } from "next-auth/jwt";
import { env } from "@/env";
import { cookieSettings } from "./cookies";
import { getRequestContext } from "./request-context";
import { endSessions } from "./session-store";
import { signIn } from "./sign-in";

const TWELVE_HOURS = 12 * 60 * 60;

/**
 * next-auth handles the sign-in form post, CSRF and the signed cookie; everything that decides
 * (password, lockout, two-factor, session validity) is ours, in src/server/auth. The token
 * carries only the id of the server-side session record.
 */
export function authOptions(): NextAuthOptions {
  const cookies = cookieSettings();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: TWELVE_HOURS },
    useSecureCookies: cookies.secure,
    cookies: { sessionToken: cookies.sessionToken, csrfToken: cookies.csrfToken, callbackUrl: cookies.callbackUrl },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { username: {}, password: {}, totpCode: {}, recoveryCode: {} },
        async authorize(credentials) {
          const result = await signIn(
            {
              username: String(credentials?.username ?? ""),
              password: String(credentials?.password ?? ""),
              totpCode: credentials?.totpCode ? String(credentials.totpCode) : undefined,
              recoveryCode: credentials?.recoveryCode ? String(credentials.recoveryCode) : undefined,
            },
            await getRequestContext(),
          );
          // next-auth passes a thrown message to the form as `error`: only our reason codes.
          if (!result.ok) throw new Error(result.reason);
          return { id: String(result.userId), sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
      // The browser-visible session says nothing: pages ask the server (getCurrentActor).
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSessions({ sessionId: token.sid }, "sign-out", null, await getRequestContext());
      },
    },
  };
}

/** The session id in a raw cookie value, or null if the cookie is missing, forged or expired. */
export async function sessionIdFromCookie(raw: string | undefined): Promise<string | null> {
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}
