import { env } from "./env";

// Runs once when the server starts: a missing or malformed setting stops the server at boot
// with a clear message, not at the first request that needs it. The Node.js server also starts
// the reminder job runner (pg-boss; off with REMINDERS_ENABLED=0), in the background so that a
// slow database never holds up serving pages. Imported lazily: the Edge runtime never loads it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const settings = env();
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    // evidence storage settings (EVIDENCE_STORE, S3_*) fail here too, not at the first upload
    const { evidenceStorage } = await import("./server/evidence/storage");
    evidenceStorage();
    const { startRemindersForServer } = await import("./server/reminders/runner");
    void startRemindersForServer(settings.DATABASE_URL);
  }
}
