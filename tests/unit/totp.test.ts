import { describe, expect, it } from "vitest";
import {
  groupSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  RECOVERY_CODE_COUNT,
  sealTotpSecret,
  storedDemoTotpSecret,
  totpCode,
  totpQrSvg,
  totpStep,
  totpUri,
  verifyTotp,
} from "@/server/auth/totp";

// sealing derives its key from NEXTAUTH_SECRET (src/env.ts validates the whole environment)
process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
process.env.NEXTAUTH_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";

const secret = "CJ4XQNXIIYMOXVCZBWQBWQN5VJG7ILKF";
const now = 1_790_000_015; // the middle of a 30-second step

describe("TOTP codes", () => {
  it("accepts the current code and the ones a step either side, not two steps away", async () => {
    for (const offset of [-30, 0, 30]) {
      const code = await totpCode(secret, now + offset);
      expect(await verifyTotp(secret, code, { epochSeconds: now }), `offset ${offset}`).toEqual({ ok: true, timeStep: totpStep(now + offset) });
    }
    for (const offset of [-60, 60, 3600]) {
      const code = await totpCode(secret, now + offset);
      if (code === (await totpCode(secret, now))) continue; // vanishingly rare collision
      expect((await verifyTotp(secret, code, { epochSeconds: now })).ok, `offset ${offset}`).toBe(false);
    }
  });

  it("refuses a code from a step already used, even within its window", async () => {
    const code = await totpCode(secret, now);
    const first = await verifyTotp(secret, code, { epochSeconds: now });
    expect(first.ok).toBe(true);
    const again = await verifyTotp(secret, code, { epochSeconds: now + 5, afterTimeStep: totpStep(now) });
    expect(again).toEqual({ ok: false, replayed: true });
    // the next step's code is still fine
    expect((await verifyTotp(secret, await totpCode(secret, now + 30), { epochSeconds: now + 30, afterTimeStep: totpStep(now) })).ok).toBe(true);
  });

  it("refuses malformed input without throwing, and tolerates spaces", async () => {
    for (const typed of ["", "12345", "1234567", "abcdef", "12 34 5x"]) {
      expect((await verifyTotp(secret, typed, { epochSeconds: now })).ok, typed).toBe(false);
    }
    const code = await totpCode(secret, now);
    expect((await verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { epochSeconds: now })).ok).toBe(true);
    expect((await verifyTotp("not base32!", "123456", { epochSeconds: now })).ok).toBe(false);
  });

  it("makes new 160-bit Base32 secrets", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    expect(groupSecret(a).split(" ")).toHaveLength(8);
  });
});

describe("enrolment URI and QR code", () => {
  it("names the portal as issuer and carries the secret", () => {
    const uri = totpUri("bureau.staff", secret);
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get("secret")).toBe(secret);
    expect(parsed.searchParams.get("issuer")).toBe("鞍山教育政策监测");
    expect(decodeURIComponent(parsed.pathname)).toContain("bureau.staff");
  });

  it("draws the QR code as a self-contained SVG", async () => {
    const svg = await totpQrSvg(totpUri("bureau.staff", secret));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<script|href=|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe("secrets at rest", () => {
  it("are sealed, readable only for the account they were sealed for", () => {
    const sealed = sealTotpSecret(secret, 42);
    expect(sealed).not.toContain(secret);
    expect(sealTotpSecret(secret, 42)).not.toBe(sealed); // fresh IV each time
    expect(openTotpSecret(sealed, { id: 42, isDemo: false })).toBe(secret);
    expect(openTotpSecret(sealed, { id: 43, isDemo: false })).toBeNull();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}A`;
    expect(openTotpSecret(tampered, { id: 42, isDemo: false })).toBeNull();
    expect(openTotpSecret(null, { id: 42, isDemo: false })).toBeNull();
  });

  it("accept the published demo format only on demo accounts", () => {
    const stored = storedDemoTotpSecret(secret);
    expect(openTotpSecret(stored, { id: 1, isDemo: true })).toBe(secret);
    expect(openTotpSecret(stored, { id: 1, isDemo: false })).toBeNull();
    expect(openTotpSecret(secret, { id: 1, isDemo: true })).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, kept only as hashes that ignore case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/);
    const code = codes[0]!;
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace("-", ""));
    expect(hashRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(hash);
    expect(hashRecoveryCode(codes[1]!)).not.toBe(hash);
  });
});
