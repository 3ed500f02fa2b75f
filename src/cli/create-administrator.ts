// `npm run admin:create -- <username> <SYSTEM_ADMIN|SECURITY_ADMIN|AUDIT_ADMIN> [--email=<address>] [display name]`
// Bootstraps a real deployment (seeded without demo accounts): creates an administrator with an
// issued password, printed once, that must be changed at first sign-in, after which two-factor
// enrolment is required. Run on the server by whoever operates it; audited as a command-line act.
import "dotenv/config";
import { randomInt } from "node:crypto";
import { createClient } from "../server/db/create-client";
import { hashPassword } from "../server/auth/password-hash";
import { recordAudit } from "../server/audit/append-audit";
import { emailAddress } from "../server/users/email";

const ROLES = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

const USAGE = "usage: DATABASE_URL=… npm run admin:create -- <username> <SYSTEM_ADMIN|SECURITY_ADMIN|AUDIT_ADMIN> [--email=<address>] [display name]";

// --email=<address> or --email <address>, anywhere after the role; the rest is the display name
const [username, role, ...rest] = process.argv.slice(2);
const name: string[] = [];
let rawEmail: string | undefined;
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i]!;
  if (arg.startsWith("--email=")) rawEmail = arg.slice("--email=".length);
  else if (arg === "--email") rawEmail = rest[++i] ?? "";
  else name.push(arg);
}
if (!username || !/^[a-z0-9._-]{3,32}$/.test(username) || !ROLES.includes(role as (typeof ROLES)[number]) || !process.env.DATABASE_URL) {
  console.error(USAGE);
  process.exit(2);
}
const parsedEmail = emailAddress({ invalid: "--email is not a valid e-mail address", tooLong: "--email is longer than 254 characters" }).optional().safeParse(rawEmail);
if (!parsedEmail.success) {
  console.error(`${parsedEmail.error.issues[0]?.message}\n${USAGE}`);
  process.exit(2);
}
const email = parsedEmail.data ?? null;
const password = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
const prisma = createClient(process.env.DATABASE_URL);
try {
  await prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username } })) throw new Error(`user ${username} already exists`);
    const user = await tx.user.create({
      data: { username, displayName: name.join(" ") || username, email, role: role as (typeof ROLES)[number], passwordHash: await hashPassword(password), mustChangePassword: true },
    });
    // Nobody is signed in at a command line: the row names the command instead of an actor.
    await recordAudit(tx, {
      action: "user.create",
      outcome: "SUCCESS",
      actor: null,
      targetType: "User",
      targetId: user.id,
      changes: {
        via: "command line (npm run admin:create)",
        username: { before: null, after: username },
        role: { before: null, after: role },
        ...(email ? { email: { before: null, after: email } } : {}),
      },
    });
  });
  console.log(`created ${role} ${username}\nissued password (shown once; must be changed at first sign-in): ${password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
