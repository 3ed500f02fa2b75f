import { describe, expect, it } from "vitest";
import { emailAddress } from "@/server/users/email";

const schema = emailAddress({ invalid: "adminUsers.emailInvalid", tooLong: "adminUsers.emailTooLong" });
const messages = (value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? result.data : result.error.issues.map((i) => i.message);
};

describe("user e-mail addresses", () => {
  it("stores a trimmed address with its domain in lower case, and blank as no address", () => {
    expect(messages("  Zhang.Wei@Tiedong-Edu.Example ")).toBe("Zhang.Wei@tiedong-edu.example");
    expect(messages("")).toBeNull();
    expect(messages("   ")).toBeNull();
  });

  it("refuses what is not an address, and anything over 254 characters, with one message each", () => {
    for (const bad of ["zhangwei", "zhang wei@example.org", "a@b", "a..b@example.org", "@example.org", "张伟@example.org", 42]) {
      expect(messages(bad), String(bad)).toEqual(["adminUsers.emailInvalid"]);
    }
    const long = `${"a".repeat(64)}@${"b".repeat(183)}.example`;
    expect(long.length).toBe(256);
    expect(messages(long)).toEqual(["adminUsers.emailTooLong"]);
    const longest = `${"a".repeat(64)}@${"b".repeat(181)}.example`;
    expect(longest.length).toBe(254);
    expect(messages(longest)).toBe(longest);
  });
});
