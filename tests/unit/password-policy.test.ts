import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password-hash";
import { checkNewPassword, PASSWORD_PROBLEMS } from "@/server/auth/password-policy";
import { ISSUED_PASSWORD_LENGTH, issuePassword } from "@/server/users/issue-password";
import { commonPasswords, LONG_ENTRY, TOP_ENTRIES } from "@/server/auth/common-passwords";

const policy = { passwordMinLength: 12, passwordHistoryCount: 5 };
const staff = { username: "wang.fang", role: "BUREAU_STAFF" as const };
const admin = { username: "sec.admin", role: "SECURITY_ADMIN" as const };
const noHistory = { currentHash: null, previousHashes: [] };

const check = (password: string, who: { username: string; role: "BUREAU_STAFF" | "SECURITY_ADMIN" } = staff) => checkNewPassword({ password, ...who }, policy, noHistory);

describe("new password rules", () => {
  it("refuses 11 characters and accepts 12", async () => {
    expect(await check("Tq8#vLm2pRz")).toEqual([PASSWORD_PROBLEMS.tooShort]);
    expect(await check("Tq8#vLm2pRzW")).toEqual([]);
  });

  it("counts characters as Unicode code points, not UTF-16 units", async () => {
    // 11 emoji are 22 UTF-16 units but 11 characters
    expect(await check("🐉🌙🍵🎋🏮🧧🐼🚲🌸🍜🎐")).toEqual([PASSWORD_PROBLEMS.tooShort]);
    expect(await check("春眠不觉晓处处闻啼鸟夜来风雨")).toEqual([]);
  });

  it("accepts long passphrases (100 characters, and 128) but refuses 129", async () => {
    const phrase = "correct horse battery staple on the Taizi river bridge ";
    expect(await check(phrase.repeat(2).slice(0, 100))).toEqual([]);
    expect(await check("x7".repeat(64))).toEqual([]);
    expect(await check(`${"x7".repeat(64)}q`)).toEqual([PASSWORD_PROBLEMS.tooLong]);
  });

  it("refuses common passwords, whatever their case, and common words padded with digits or symbols", async () => {
    expect(await check("1qaz2wsx3edc")).toContain(PASSWORD_PROBLEMS.common);
    expect(await check("QWERTY123456")).toContain(PASSWORD_PROBLEMS.common);
    expect(await check("Password2024!!")).toContain(PASSWORD_PROBLEMS.common);
    expect(await check("!!Dragon123456")).toContain(PASSWORD_PROBLEMS.common);
  });

  it("refuses a long common password from the list whatever its rank, and accepts a strong one", async () => {
    // "finalfantasy" ranks beyond the top 5,000 and is kept for its length; alone, it is refused
    // for that reason only
    expect(await check("finalfantasy")).toEqual([PASSWORD_PROBLEMS.common]);
    expect(await check("FinalFantasy")).toEqual([PASSWORD_PROBLEMS.common]);
    expect(await check("Tq8#vLm2pRzW-harbour")).toEqual([]);
  });

  it("reads the list from @zxcvbn-ts/language-common: the top entries and every long one, once", async () => {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    const ranked = dictionary["passwords-common"];
    const common = await commonPasswords();
    expect(common.size).toBeGreaterThan(5000);
    expect(await commonPasswords()).toBe(common);
    expect(common.has(ranked[0]!.toLowerCase())).toBe(true);
    // a short entry past the top ranks is left out; a long one is kept
    const shortAndRare = ranked.slice(TOP_ENTRIES).find((p) => [...p].length < LONG_ENTRY && !ranked.slice(0, TOP_ENTRIES).includes(p));
    expect(common.has(shortAndRare!.toLowerCase())).toBe(false);
    const longAndRare = ranked.slice(TOP_ENTRIES).find((p) => [...p].length >= LONG_ENTRY);
    expect(common.has(longAndRare!.toLowerCase())).toBe(true);
  });

  it("refuses a password that contains the username, in any case", async () => {
    expect(await check("my-Wang.Fang-2024!")).toContain(PASSWORD_PROBLEMS.containsUsername);
    expect(await check("xxWANG.FANGxx99")).toContain(PASSWORD_PROBLEMS.containsUsername);
  });

  it("refuses a password made of the portal's own words or the username's parts", async () => {
    expect(await check("Anshan-2024-!!!!")).toEqual([PASSWORD_PROBLEMS.contextWords]);
    expect(await check("鞍山教育局2024!!!!")).toEqual([PASSWORD_PROBLEMS.contextWords]);
    expect(await check("Fang-Wang-20240101")).toEqual([PASSWORD_PROBLEMS.contextWords]);
    expect(await check("Anshan-tiger-lily-moon")).toEqual([]);
  });

  it("keeps the published demo passwords valid", async () => {
    const file = JSON.parse(readFileSync(new URL("../../prisma/seed-data/demo-accounts.json", import.meta.url), "utf8")) as {
      accounts: { username: string; role: "BUREAU_STAFF"; password: string }[];
    };
    for (const account of file.accounts) {
      expect(await checkNewPassword({ password: account.password, username: account.username, role: account.role }, policy, noHistory), account.username).toEqual([]);
    }
  });
});

describe("password history", () => {
  const passwords = ["Old-Passphrase-one-1", "Old-Passphrase-two-2", "Old-Passphrase-three-3", "Old-Passphrase-four-4", "Old-Passphrase-five-5", "Old-Passphrase-six-6"];
  const current = "Current-Passphrase-0";

  it("refuses the current password for everyone; administrators also the last five, not the sixth", async () => {
    const [currentHash, ...previousHashes] = await Promise.all([current, ...passwords].map((p) => hashPassword(p)));
    const history = { currentHash: currentHash!, previousHashes };

    for (const who of [staff, admin]) {
      expect(await checkNewPassword({ password: current, ...who }, policy, history)).toEqual([PASSWORD_PROBLEMS.sameAsCurrent]);
    }
    // an administrator may not go back to any of the last five (newest first)…
    for (const old of passwords.slice(0, 5)) {
      expect(await checkNewPassword({ password: old, ...admin }, policy, history), old).toEqual([PASSWORD_PROBLEMS.recentlyUsed]);
    }
    // …but may to the sixth, which the policy no longer remembers
    expect(await checkNewPassword({ password: passwords[5]!, ...admin }, policy, history)).toEqual([]);
    // other roles may reuse an older password, only not the current one
    expect(await checkNewPassword({ password: passwords[0]!, ...staff }, policy, history)).toEqual([]);
  });
});

describe("issued passwords", () => {
  it("are 16 unambiguous characters, random, and pass the rules", async () => {
    const issued = Array.from({ length: 50 }, () => issuePassword());
    expect(new Set(issued).size).toBe(50);
    for (const password of issued) {
      expect(password).toHaveLength(ISSUED_PASSWORD_LENGTH);
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
      expect(password).not.toMatch(/[0O1lI]/);
    }
    expect(await check(issued[0]!)).toEqual([]);
  });
});
