// Messages are split by area so that work on one area does not touch another's file. Every
// locale has the same files (checked by tests/unit/i18n-messages.test.ts).
export const MESSAGE_FILES = ["common", "policy", "auth", "admin-users", "admin-org", "audit", "workspace", "reporting", "evidence", "reminders", "reporting-excel"] as const;
