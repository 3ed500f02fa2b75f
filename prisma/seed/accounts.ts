import { z } from "zod";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/server/auth/password-hash";
import { storedDemoTotpSecret } from "../../src/server/auth/totp";
import { emailAddress } from "../../src/server/users/email";
import { readSeedJson } from "./files";

const accountsFile = z.object({
  accounts: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      // the same rules as the administrator's form, so a seeded address is one the form would keep
      email: emailAddress({ invalid: "not a valid e-mail address", tooLong: "e-mail address longer than 254 characters" }).optional(),
      role: z.enum(["DISTRICT_ADMIN", "DEPARTMENT_OFFICER", "BUREAU_STAFF", "BUREAU_LEADER", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"]),
      unitCode: z.string().optional(),
      departmentCode: z.string().optional(),
      password: z.string(),
      // Base32, published: the roles that must use two-factor authentication are seeded enrolled
      // so the README's accounts work at once (`npm run demo:totp -- <username>` gives the code).
      totpSecret: z.string().regex(/^[A-Z2-7]{32}$/).optional(),
    }),
  ),
});

export type DemoAccount = z.infer<typeof accountsFile>["accounts"][number];

export function demoAccounts(): DemoAccount[] {
  return accountsFile.parse(readSeedJson("demo-accounts.json")).accounts;
}

/** Creates missing demo accounts only: a password or role changed later is never reset by a re-seed. */
export async function seedDemoAccounts(prisma: PrismaClient) {
  const accounts = demoAccounts();
  const existing = new Set((await prisma.user.findMany({ select: { username: true } })).map((u) => u.username));
  for (const account of accounts) {
    if (existing.has(account.username)) continue;
    const unit = account.unitCode ? await prisma.unit.findUniqueOrThrow({ where: { code: account.unitCode }, select: { id: true } }) : null;
    const department = account.departmentCode
      ? await prisma.department.findUniqueOrThrow({ where: { code: account.departmentCode }, select: { id: true } })
      : null;
    await prisma.user.create({
      data: {
        username: account.username,
        displayName: account.displayName,
        email: account.email ?? null,
        role: account.role,
        unitId: unit?.id ?? null,
        departmentId: department?.id ?? null,
        passwordHash: await hashPassword(account.password),
        mustChangePassword: false,
        totpSecret: account.totpSecret ? storedDemoTotpSecret(account.totpSecret) : null,
        totpEnabledAt: account.totpSecret ? new Date() : null,
        isDemo: true,
      },
    });
  }
  return accounts;
}
