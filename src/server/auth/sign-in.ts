import "server-only";
import type { RequestContext } from "./actor";

// CONTRACT ONLY: replaced by the full implementation (password check, lockout, per-IP limit,
// TOTP, recovery codes, session creation, audit).
export type SignInInput = { username: string; password: string; totpCode?: string; recoveryCode?: string };
export type SignInFailure = "INVALID" | "RATE_LIMITED" | "TOTP_REQUIRED" | "TOTP_INVALID";
export type SignInResult = { ok: true; userId: number; sessionId: string } | { ok: false; reason: SignInFailure };

export async function signIn(input: SignInInput, context: RequestContext): Promise<SignInResult> {
  void input;
  void context;
  throw new Error("signIn is not implemented yet");
}
