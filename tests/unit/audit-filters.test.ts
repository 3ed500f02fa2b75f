import { describe, expect, it } from "vitest";
import { filterQueryString, formatShanghai, isoShanghai, parseAuditFilters, parseShanghaiTime } from "@/server/audit/filters";

describe("audit filters", () => {
  it("reads times as Beijing time and stores UTC instants", () => {
    expect(parseShanghaiTime("2026-11-28")).toEqual({ start: new Date("2026-11-27T16:00:00Z"), end: new Date("2026-11-28T16:00:00Z") });
    expect(parseShanghaiTime("2026-11-28T09:30")).toEqual({ start: new Date("2026-11-28T01:30:00Z"), end: new Date("2026-11-28T01:31:00Z") });
    expect(parseShanghaiTime("2026-11-28 09:30:15")).toEqual({ start: new Date("2026-11-28T01:30:15Z"), end: new Date("2026-11-28T01:30:16Z") });
  });

  it("refuses dates that do not exist", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "2026-11-28T24:00", "yesterday", "2026/11/28", "2026-11-28T09:60"]) {
      expect(parseShanghaiTime(bad), bad).toBeNull();
    }
  });

  it("treats `from` as inclusive and `to` as the end of the day given", () => {
    const filters = parseAuditFilters({ from: "2026-11-01", to: "2026-11-30" });
    expect(filters.from).toEqual(new Date("2026-10-31T16:00:00Z"));
    expect(filters.to).toEqual(new Date("2026-11-30T16:00:00Z"));
    expect(filters.ignored).toEqual([]);
  });

  it("ignores what it cannot understand, names it, and keeps the rest", () => {
    const filters = parseAuditFilters({ actor: "tiedong*", from: "2026-02-30", to: "soon", outcome: "MAYBE", unit: "abc", before: "-1", action: "user." });
    expect(filters.actor).toEqual({ username: "tiedong", prefix: true });
    expect(filters.action).toBe("user.");
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBeUndefined();
    expect(filters.outcome).toBeUndefined();
    expect(filters.ignored).toEqual(["outcome", "unit", "from", "to", "before"]);
    expect(filters.query).toEqual({ actor: "tiedong*", action: "user." });
  });

  it("never throws, whatever arrives", () => {
    expect(parseAuditFilters(undefined).ignored).toEqual([]);
    expect(parseAuditFilters({ actor: ["a", "b"], outcome: 5, unit: { x: 1 } }).actor).toEqual({ username: "b", prefix: false });
    expect(parseAuditFilters({ actor: "*" }).ignored).toEqual(["actor"]);
    expect(parseAuditFilters({ before: "99999999999999999999" }).ignored).toEqual(["before"]);
  });

  it("rebuilds a query string from the understood filters only", () => {
    const filters = parseAuditFilters({ actor: "auditor", outcome: "DENIED", from: "bad", verify: "1" });
    expect(filterQueryString(filters.query)).toBe("?actor=auditor&outcome=DENIED");
    expect(filterQueryString({})).toBe("");
  });

  it("formats instants in Beijing time", () => {
    const at = new Date("2026-11-28T16:30:05.123Z");
    expect(formatShanghai(at)).toBe("2026-11-29 00:30:05");
    expect(isoShanghai(at)).toBe("2026-11-29T00:30:05.123+08:00");
  });
});
