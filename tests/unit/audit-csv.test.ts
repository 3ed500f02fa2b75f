import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvLine, neutraliseFormula, toCsv } from "@/server/audit/csv";

describe("audit CSV: spreadsheet formula injection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+SUM(A1:A9)", "'+SUM(A1:A9)"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tcmd", "'\tcmd"],
    ["\r=1+1", "'\r=1+1"],
  ])("makes %j plain text by prefixing an apostrophe", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it("leaves ordinary values alone, including those with formula characters later on", () => {
    for (const value of ["tiedong.admin", "user.create", "a=b", "1-2", "铁东区", "2026-11-28T11:16:08.000Z", ""]) {
      expect(csvCell(value)).toBe(value);
    }
  });

  it("neutralises before quoting, so a quoted formula is still text", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("\r\n=1")).toBe(`"'\r\n=1"`);
  });
});

describe("audit CSV: RFC 4180", () => {
  it("quotes cells with commas, quotes or line breaks and doubles inner quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
  });

  it("writes null and undefined as empty cells and numbers as they are", () => {
    expect(csvLine([null, undefined, 42, 7n, "x"])).toBe(",,42,7,x");
  });

  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    const csv = toCsv(["id", "action"], [[1, "登录"], [2, "a,b"]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('id,action\r\n1,登录\r\n2,"a,b"\r\n');
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
