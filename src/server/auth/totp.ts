import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { env } from "@/env";

// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps: what every
// authenticator app speaks) and recovery codes. No database access here: the seed and the
// demo:totp command use these functions too. Sign-in and the account actions do the storing.

export const TOTP_ISSUER = "鞍山教育政策监测";
const PERIOD_SECONDS = 30;
// ±1 step: a code typed just as it rolls over, or a phone clock a few seconds off, still works.
const TOLERANCE_SECONDS = PERIOD_SECONDS;

/**
 * The audit field that records the time step of an accepted code. Sign-in refuses a code whose
 * step is not after the last one recorded for the account, so a code seen over someone's
 * shoulder (or replayed from a log) cannot be used a second time within its window.
 */
export const TOTP_STEP_AUDIT_FIELD = "totpStep";

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), Base32. */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const totpStep = (epochSeconds = Date.now() / 1000): number => Math.floor(epochSeconds / PERIOD_SECONDS);

export const secondsLeftInStep = (epochSeconds = Date.now() / 1000): number => PERIOD_SECONDS - Math.floor(epochSeconds % PERIOD_SECONDS);

/** The code an authenticator app shows for `secret` at `epochSeconds` (now by default). */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ secret, epoch: epochSeconds, period: PERIOD_SECONDS });
}

export type TotpCheck = { ok: true; timeStep: number } | { ok: false; replayed: boolean };

/**
 * Checks a typed code against the current step ±1. `afterTimeStep` is the step of the last code
 * this account used: a code from that step or earlier is refused even if it is otherwise right.
 */
export async function verifyTotp(secret: string, typed: string, options: { afterTimeStep?: number | null; epochSeconds?: number } = {}): Promise<TotpCheck> {
  const token = typed.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, replayed: false };
  const epoch = options.epochSeconds ?? Math.floor(Date.now() / 1000);
  try {
    const result = await verify({ secret, token, epoch, period: PERIOD_SECONDS, epochTolerance: TOLERANCE_SECONDS });
    // the functional API also covers HOTP, whose result has no time step
    if (!result.valid || !("timeStep" in result)) return { ok: false, replayed: false };
    if (options.afterTimeStep != null && result.timeStep <= options.afterTimeStep) return { ok: false, replayed: true };
    return { ok: true, timeStep: result.timeStep };
  } catch {
    // otplib throws on a malformed secret; such a secret cannot accept any code
    return { ok: false, replayed: false };
  }
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (username: string, secret: string): string => generateURI({ issuer: TOTP_ISSUER, label: username, secret, period: PERIOD_SECONDS });

/** The QR code as an SVG string, drawn on the server: the page makes no external request. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** "ABCD EFGH …": the secret in groups of four, for typing it in by hand. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})/g, "$1 ").trim();

// ── Secrets at rest ───────────────────────────────────────────────────────────────────────
// A TOTP secret is authentication data: whoever reads it can produce codes. It is stored
// encrypted (AES-256-GCM) with a key derived from NEXTAUTH_SECRET, bound to the account's id so
// that a ciphertext copied onto another account does not decrypt. The published demo secrets are
// stored as they are ("demo:" prefix) and accepted only for accounts flagged isDemo: the seed
// runs without the server's key, and those secrets are public anyway.

const SEALED_PREFIX = "v1.";
const DEMO_PREFIX = "demo:";

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "anshan-portal", "totp-secret v1", 32));
}

export function sealTotpSecret(secret: string, userId: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** The Base32 secret behind a stored value, or null when it cannot be opened (wrong key, tampered, demo format on a real account). */
export function openTotpSecret(stored: string | null, user: { id: number; isDemo: boolean }): string | null {
  if (!stored) return null;
  if (stored.startsWith(DEMO_PREFIX)) return user.isDemo ? stored.slice(DEMO_PREFIX.length) : null;
  if (!stored.startsWith(SEALED_PREFIX)) return null;
  const [ivText, bodyText] = stored.slice(SEALED_PREFIX.length).split(".");
  if (!ivText || !bodyText) return null;
  try {
    const body = Buffer.from(bodyText, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(ivText, "base64url"));
    decipher.setAAD(Buffer.from(`user:${user.id}`));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** How the seed stores a published demo secret. */
export const storedDemoTotpSecret = (secret: string): string => `${DEMO_PREFIX}${secret}`;

// ── Recovery codes ────────────────────────────────────────────────────────────────────────
// Ten single-use codes of 10 characters from a 31-character alphabet (49 random bits each), shown
// once. Only a SHA-256 of each is kept: the codes are random, not chosen by people, so a slow
// hash adds nothing, and sign-in looks a code up by its hash instead of trying ten argon2 hashes.

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
const RECOVERY_LENGTH = 10;

/** "abcde-fghjk" */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: RECOVERY_LENGTH }, () => RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length))).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeRecoveryCode = (typed: string): string => typed.toLowerCase().replace(/[\s-]+/g, "");

export const hashRecoveryCode = (typed: string): string => createHash("sha256").update(`recovery-code:${normalizeRecoveryCode(typed)}`).digest("hex");
