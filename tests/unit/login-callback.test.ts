import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/app/[locale]/login/safe-callback";

describe("where sign-in sends you afterwards", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeCallbackPath("/workspace", "zh-CN")).toBe("/workspace");
    expect(safeCallbackPath("/reports/12?tab=items", "zh-CN")).toBe("/reports/12?tab=items");
    expect(safeCallbackPath("/workspace#top", "zh-CN")).toBe("/workspace");
  });

  it("keeps English readers in English", () => {
    expect(safeCallbackPath("/workspace", "en")).toBe("/en/workspace");
    expect(safeCallbackPath("/en/workspace", "en")).toBe("/en/workspace");
    expect(safeCallbackPath("/", "en")).toBe("/en");
  });

  it("never leaves the site", () => {
    for (const raw of ["https://evil.example/", "//evil.example", "/\\evil.example", "/..//evil.example", "/%2e%2e//evil.example", "javascript:alert(1)", "workspace", "/\u0000x", "", null, 42]) {
      expect(safeCallbackPath(raw, "zh-CN"), String(raw)).toBeNull();
    }
  });

  it("does not send you back to the sign-in page", () => {
    expect(safeCallbackPath("/login", "zh-CN")).toBeNull();
    expect(safeCallbackPath("/en/login", "en")).toBeNull();
  });
});
