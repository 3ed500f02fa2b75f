import "server-only";

// Common passwords, refused as new passwords (./password-policy.ts). Source: the ranked
// "passwords-common" list of @zxcvbn-ts/language-common (most common first), read from the
// installed package, not copied into our sources: updating the package updates the list.
// Kept: the top 5,000 entries plus every entry of 10 or more characters (with a 12-character
// minimum the short ones matter through the "common word with digits around it" rule, the long
// ones directly; the whole 49,000-entry list would make that rule refuse too many ordinary
// words). Lower-cased.

/** How many of the most common entries are kept whatever their length. */
export const TOP_ENTRIES = 5000;
/** Entries at least this long are kept wherever they rank. */
export const LONG_ENTRY = 10;

/** The entries of a ranked list (most common first) that the policy refuses, lower-cased. */
export function selectCommonPasswords(ranked: readonly string[]): Set<string> {
  const kept = new Set<string>();
  ranked.forEach((password, rank) => {
    if (rank < TOP_ENTRIES || [...password].length >= LONG_ENTRY) kept.add(password.toLowerCase());
  });
  return kept;
}

let loading: Promise<ReadonlySet<string>> | undefined;

/**
 * The common passwords, loaded on first use and kept: the package decompresses its list when it
 * is imported (a few milliseconds and a few MB), which only a password change needs.
 */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => selectCommonPasswords(dictionary["passwords-common"]),
    (error: unknown) => {
      loading = undefined; // a failed load is tried again at the next password change
      throw error;
    },
  );
  return loading;
}
