/** The expected failures every action and page can report; the UI translates each (errors.<code>). */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "UNEXPECTED";
