import { z } from "zod";

// A user's e-mail address as the portal stores it: trimmed, the domain in lower case (domains
// are case-insensitive; the part before "@" is left as typed, since a mail server may treat it
// as case-sensitive), at most 254 characters (RFC 5321's limit on a path). Blank means "no
// address" and is stored as NULL, which the database also insists on (User_email_shape).
// No "server-only" marker: the seed and `npm run admin:create` run in plain Node.

export const EMAIL_MAX_LENGTH = 254;

const syntax = z.email();

const normaliseEmail = (address: string) => {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
};

/** The field's schema: "" (or only spaces) → null, otherwise a valid address or the `invalid` message. */
export function emailAddress(messages: { invalid: string; tooLong: string }) {
  return z
    .string({ error: messages.invalid })
    .trim()
    .max(EMAIL_MAX_LENGTH, { error: messages.tooLong, abort: true })
    .refine((value) => value === "" || syntax.safeParse(value).success, messages.invalid)
    .transform((value) => (value === "" ? null : normaliseEmail(value)));
}
