import "server-only";
import { randomBytes } from "node:crypto";

// Shared by every store, so that no store ever builds a path or an object name from anything
// but 64 lower-case hex digits.
const KEY = /^[0-9a-f]{64}$/;

/** 256 random bits: nothing the user sent ever becomes part of a stored path. */
export const newStorageKey = () => randomBytes(32).toString("hex");

/** The key, or an Error thrown before the store touches disk or network. */
export function checkedStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error("invalid storage key");
  return key;
}
