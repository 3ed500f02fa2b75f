import { describe, expect, it } from "vitest";
import { parseCsv } from "../../prisma/seed/csv";
import { locateQuote } from "../../prisma/seed/policy";
import { townshipTypeOf } from "../../prisma/seed/units";
import { measureRef, parseMeasureRef } from "../../src/server/policy/measure-ref";

describe("seed helpers", () => {
  it("reads the admin-division CSV with quoted names", () => {
    expect(parseCsv('code,name,areaCode\n210381100,"牛庄镇",210381\n')).toEqual([{ code: "210381100", name: "牛庄镇", areaCode: "210381" }]);
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/row 2/);
  });

  it("tells towns, townships and sub-districts apart by name", () => {
    expect(townshipTypeOf("牛庄镇")).toBe("TOWN");
    expect(townshipTypeOf("大营子镇")).toBe("TOWN");
    expect(townshipTypeOf("东山街道")).toBe("SUBDISTRICT");
    expect(townshipTypeOf("偏岭乡")).toBe("TOWNSHIP");
    expect(townshipTypeOf("玉佛山风景区")).toBe("OTHER");
  });

  it("locates a quote inside the measure's own span first", () => {
    const text = "甲。要加强。乙。要加强。";
    expect(locateQuote(text, "要加强", 7)).toEqual({ start: 8, end: 11 });
    expect(locateQuote(text, "要加强")).toEqual({ start: 2, end: 5 });
    expect(() => locateQuote(text, "不存在")).toThrow(/not found verbatim/);
  });

  it("addresses measures as 20 and safeguards as s1 in URLs", () => {
    expect(parseMeasureRef("20")).toEqual({ kind: "MEASURE", number: 20 });
    expect(parseMeasureRef("S3")).toEqual({ kind: "SAFEGUARD", number: 3 });
    for (const bad of ["", "0", "x1", "1.5", "../1", "s", "20a"]) expect(parseMeasureRef(bad)).toBeNull();
    expect(measureRef({ kind: "SAFEGUARD", number: 2 })).toBe("s2");
  });
});
