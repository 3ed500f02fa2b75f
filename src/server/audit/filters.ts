import { z } from "zod";
import type { AuditOutcome } from "@/generated/prisma/enums";

// The audit log's search filters, shared by the page, the CSV export and its route. They come
// from a URL anyone can edit, so nothing here may fail: a value that cannot be understood is
// dropped and named in `ignored`, and the page says so instead of crashing or guessing.

export const AUDIT_OUTCOMES = ["SUCCESS", "DENIED", "FAILURE"] as const satisfies readonly AuditOutcome[];

export const FILTER_KEYS = ["actor", "action", "outcome", "unit", "from", "to"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type AuditFilters = {
  /** username, exact; `prefix` when typed with a trailing * */
  actor?: { username: string; prefix: boolean };
  /** action name prefix: "user." or "auth.sign-in" */
  action?: string;
  outcome?: AuditOutcome;
  unitId?: number;
  /** inclusive, an instant (UTC) */
  from?: Date;
  /** exclusive, an instant (UTC): the end of the day or minute the user typed */
  to?: Date;
  /** keyset cursor: only rows with a smaller id (the "older" page) */
  before?: bigint;
  /** the understood filters as typed, to rebuild links (paging, export); `before` is not one */
  query: Partial<Record<FilterKey, string>>;
  /** filters that were given but could not be understood, hence not applied */
  ignored: (FilterKey | "before")[];
};

// China has kept UTC+8 all year since 1991, so Asia/Shanghai is a fixed offset for every
// date this log can hold; no time-zone database is needed to convert.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * "2026-11-28", "2026-11-28T09:30" or "2026-11-28 09:30:15" as wall-clock time in Shanghai →
 * the instant it starts and the instant just after it ends (the whole day, minute or second).
 */
export function parseShanghaiTime(value: string): { start: Date; end: Date } | null {
  const match = LOCAL_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const fields = [year!, month! - 1, day!, hour ?? 0, minute ?? 0, second ?? 0] as const;
  const local = Date.UTC(...fields);
  const check = new Date(local);
  // Date.UTC rolls 2026-02-30 over to March; a date that does not round-trip does not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day) return null;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  const length = second !== undefined ? 1000 : hour !== undefined ? 60_000 : 86_400_000;
  const start = new Date(local - SHANGHAI_OFFSET_MS);
  return { start, end: new Date(start.getTime() + length) };
}

/** An instant as Shanghai wall-clock time: "2026-11-28 19:16:08". */
export function formatShanghai(at: Date, withMilliseconds = false): string {
  const iso = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withMilliseconds ? 23 : 19)}`;
}

/** An instant as ISO 8601 with Shanghai's offset: "2026-11-28T19:16:08.123+08:00". */
export function isoShanghai(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

const MAX_BIGINT_ID = 2n ** 63n - 1n;

// A repeated parameter (?actor=a&actor=b) counts as its last value; anything not a string
// (a File in a form post) as absent.
const param = z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string().trim().optional()).catch(undefined);

function normalise(raw: Partial<Record<FilterKey | "before", string | undefined>>): AuditFilters {
  const filters: AuditFilters = { query: {}, ignored: [] };
  const given = (key: FilterKey | "before") => (raw[key] ? raw[key] : undefined);
  const accept = (key: FilterKey, value: string) => (filters.query[key] = value);
  const reject = (key: FilterKey | "before") => filters.ignored.push(key);

  const actor = given("actor");
  if (actor !== undefined) {
    const prefix = actor.endsWith("*");
    const username = prefix ? actor.slice(0, -1) : actor;
    if (username.length > 0 && username.length <= 64 && !/[\s*]/.test(username)) {
      filters.actor = { username, prefix };
      accept("actor", actor);
    } else reject("actor");
  }

  const action = given("action");
  if (action !== undefined) {
    if (action.length <= 100 && !/\s/.test(action)) {
      filters.action = action;
      accept("action", action);
    } else reject("action");
  }

  const outcome = given("outcome");
  if (outcome !== undefined) {
    const known = AUDIT_OUTCOMES.find((o) => o === outcome);
    if (known) {
      filters.outcome = known;
      accept("outcome", known);
    } else reject("outcome");
  }

  const unit = given("unit");
  if (unit !== undefined) {
    if (/^[1-9]\d{0,8}$/.test(unit)) {
      filters.unitId = Number(unit);
      accept("unit", unit);
    } else reject("unit");
  }

  // "from" a day means from its first moment, "to" a day up to its last
  for (const [key, edge] of [["from", "start"], ["to", "end"]] as const) {
    const value = given(key);
    if (value === undefined) continue;
    const parsed = parseShanghaiTime(value);
    if (parsed) {
      filters[key] = parsed[edge];
      accept(key, value);
    } else reject(key);
  }

  const before = given("before");
  if (before !== undefined) {
    if (/^\d{1,19}$/.test(before) && BigInt(before) > 0n && BigInt(before) <= MAX_BIGINT_ID) filters.before = BigInt(before);
    else reject("before");
  }
  return filters;
}

/** Never fails: parse any object of query parameters into filters plus the ones ignored. */
export const auditFilterSchema = z.preprocess(
  (value) => (value !== null && typeof value === "object" ? value : {}),
  z
    .object({ actor: param, action: param, outcome: param, unit: param, from: param, to: param, before: param })
    .transform(normalise),
);

export const parseAuditFilters = (raw: unknown): AuditFilters => auditFilterSchema.parse(raw);

/** The filters as a query string ("" when none), for the export link and paging. */
export function filterQueryString(query: AuditFilters["query"], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
