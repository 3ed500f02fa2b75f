import { env } from "./env";

// Runs once when the server starts: a missing or malformed setting stops the server at boot
// with a clear message, not at the first request that needs it.
export function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") env();
}
