import { z } from "zod";

// Every table's primary key is a PostgreSQL `integer` (SERIAL): ids from URLs and forms must be
// positive and fit in 32 bits, or the query fails instead of answering "not found".

export const MAX_RECORD_ID = 2_147_483_647;

/** A positive 32-bit id from a string or number, or null. */
export function parseRecordId(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw > 0 && raw <= MAX_RECORD_ID ? raw : null;
  if (typeof raw !== "string" || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_RECORD_ID ? id : null;
}

/** A form field holding a record id; `messageKey` is what the form shows when it is not one. */
export const recordIdField = (messageKey: string) =>
  z.coerce.number({ error: messageKey }).int(messageKey).positive(messageKey).max(MAX_RECORD_ID, messageKey);
