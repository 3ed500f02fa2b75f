import { describe, expect, it } from "vitest";
import { ISSUED_PASSWORD_ALPHABET, ISSUED_PASSWORD_LENGTH, issuePassword } from "@/server/users/issue-password";

describe("issuePassword", () => {
  it("gives 16 characters from an alphabet without look-alikes, with upper case, lower case and a digit", () => {
    for (let i = 0; i < 200; i++) {
      const password = issuePassword();
      expect(password).toHaveLength(ISSUED_PASSWORD_LENGTH);
      expect(password).toMatch(/^[A-Za-z2-9]+$/);
      expect(password).not.toMatch(/[0O1lIio]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[2-9]/);
    }
  });

  it("never repeats itself and uses the whole alphabet", () => {
    const passwords = Array.from({ length: 500 }, () => issuePassword());
    expect(new Set(passwords).size).toBe(passwords.length);
    const seen = new Set(passwords.join(""));
    expect([...ISSUED_PASSWORD_ALPHABET].every((c) => seen.has(c))).toBe(true);
  });

  it("follows a longer minimum length when asked", () => {
    expect(issuePassword(24)).toHaveLength(24);
    expect(() => issuePassword(2)).toThrow();
  });
});
