import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { commonPasswords } from "./common-passwords";
import { verifyPassword } from "./password-hash";
import { isAdministrator } from "@/shared/roles";
import type { SecurityPolicy } from "./security-policy";
import type { MessageKey } from "@/i18n/message-files";

// The rules for a new password (OWASP ASVS 5.0 V6.2, NIST SP 800-63B): long enough, not one
// everybody tries first, not built from the username or the portal's own name, and not the
// password it replaces (administrators: nor any of their last few). No rules about character
// classes: they push people to "Password1!" and ASVS forbids them; length and the blocklist do
// the work. Everything a person can type counts, one character per Unicode code point.

/** Long passphrases are welcome; beyond this is a paste accident or an attempt to make hashing slow. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRules = Pick<SecurityPolicy, "passwordMinLength" | "passwordHistoryCount">;

/** The account's current hash and its earlier ones, newest first. */
export type PasswordHistoryHashes = { currentHash: string | null; previousHashes: string[] };

export type NewPassword = { password: string; username: string; role: Role; userId?: number };

/** Message keys (namespace "auth"), one per broken rule; empty when the password is acceptable. */
export const PASSWORD_PROBLEMS = {
  tooShort: "auth.password.tooShort",
  tooLong: "auth.password.tooLong",
  common: "auth.password.common",
  containsUsername: "auth.password.containsUsername",
  contextWords: "auth.password.contextWords",
  sameAsCurrent: "auth.password.sameAsCurrent",
  recentlyUsed: "auth.password.recentlyUsed",
} as const satisfies Record<string, MessageKey>;

// Words anyone guessing a password for this portal tries first (ASVS 6.2.11).
const CONTEXT_WORDS = ["anshan", "鞍山", "鞍山市", "jiaoyu", "jiaoyuju", "教育", "教育局", "education", "edu", "policy", "zhengce", "政策", "jiance", "监测", "portal", "admin", "welcome"];

export const passwordLength = (password: string): number => [...password].length;

/** The letters of a password, lower-cased: "Dragon-2024!!" → "dragon". */
const lettersOf = (password: string): string => password.toLowerCase().replace(/[^\p{L}]+/gu, "");

function isCommon(password: string, common: ReadonlySet<string>): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  // A common password with digits or symbols around or inside it is still that password.
  const letters = lettersOf(password);
  return letters.length >= 4 && common.has(letters);
}

/** True when, once the portal's own words and the username are taken out, fewer than four letters remain. */
function madeOfContextWords(password: string, username: string): boolean {
  let rest = lettersOf(password);
  if (!rest) return false;
  const words = [...CONTEXT_WORDS, ...username.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3)].sort((a, b) => b.length - a.length);
  for (const word of words) rest = rest.split(word).join("");
  return [...rest].length < 4;
}

/**
 * Checks a new password against the policy. `history` is the account's current and earlier
 * hashes; without it, and with a userId, they are read from the database. Returns message keys.
 */
export async function checkNewPassword(input: NewPassword, policy: PasswordRules, history?: PasswordHistoryHashes): Promise<MessageKey[]> {
  const { password, username, role } = input;
  const length = passwordLength(password);
  if (length > PASSWORD_MAX_LENGTH) return [PASSWORD_PROBLEMS.tooLong];
  const problems: MessageKey[] = [];
  if (length < policy.passwordMinLength) problems.push(PASSWORD_PROBLEMS.tooShort);
  if (isCommon(password, await commonPasswords())) problems.push(PASSWORD_PROBLEMS.common);
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push(PASSWORD_PROBLEMS.containsUsername);
  else if (madeOfContextWords(password, name)) problems.push(PASSWORD_PROBLEMS.contextWords);
  // The slow checks (one argon2 verification per old hash) only for a password worth storing.
  if (problems.length > 0) return problems;

  const hashes = history ?? (input.userId !== undefined ? await loadPasswordHistory(input.userId, policy.passwordHistoryCount) : null);
  if (!hashes) return [];
  const recent = isAdministrator(role) ? hashes.previousHashes.slice(0, policy.passwordHistoryCount) : [];
  const [current, ...previous] = await Promise.all([hashes.currentHash, ...recent].map((hash) => (hash ? verifyPassword(hash, password) : Promise.resolve(false))));
  if (current) return [PASSWORD_PROBLEMS.sameAsCurrent];
  if (previous.some(Boolean)) return [PASSWORD_PROBLEMS.recentlyUsed];
  return [];
}

/** The current hash and the last `count` earlier ones, newest first. */
export async function loadPasswordHistory(userId: number, count: number): Promise<PasswordHistoryHashes> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, passwordHistory: { select: { passwordHash: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: count } },
  });
  return { currentHash: user?.passwordHash ?? null, previousHashes: user?.passwordHistory.map((h) => h.passwordHash) ?? [] };
}
