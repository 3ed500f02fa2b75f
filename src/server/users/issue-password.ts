import "server-only";
import { randomInt } from "node:crypto";

// Issued passwords are read off a screen and typed once, so the alphabet leaves out characters
// that look alike (0/O/o, 1/l/I, i). 55 symbols × 16 places ≈ 92 bits: far beyond guessing,
// and the account must choose its own password at first sign-in anyway.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghjkmnpqrstuvwxyz";
const DIGITS = "23456789";
export const ISSUED_PASSWORD_ALPHABET = UPPER + LOWER + DIGITS;
export const ISSUED_PASSWORD_LENGTH = 16;

/**
 * A random password for an account the administrator creates or resets, from the CSPRNG.
 * It always holds an upper-case letter, a lower-case letter and a digit, so that no
 * composition rule anywhere can reject it (redrawing costs a few bits out of ~92).
 */
export function issuePassword(length = ISSUED_PASSWORD_LENGTH): string {
  if (!Number.isInteger(length) || length < 3) throw new Error("an issued password needs at least 3 characters");
  for (;;) {
    let password = "";
    for (let i = 0; i < length; i++) password += ISSUED_PASSWORD_ALPHABET[randomInt(ISSUED_PASSWORD_ALPHABET.length)];
    if ([UPPER, LOWER, DIGITS].every((set) => [...password].some((c) => set.includes(c)))) return password;
  }
}
