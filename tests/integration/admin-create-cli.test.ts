import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { resolveSession } from "@/server/auth/session-store";
import { signIn } from "@/server/auth/sign-in";
import { db } from "@/server/db/client";
import { auditRowsSince, lastAuditId, testContext } from "../support/actors";

// `npm run admin:create` is how a real deployment gets its first administrators: run as the
// operator would, against this file's own database, it must create exactly one account that
// signs in only to change the printed password, audit it, and refuse bad input without writing.

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "src/cli/create-administrator.ts", ...args], { env: { ...process.env }, timeout: 60_000 }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe("npm run admin:create", () => {
  it("creates an administrator with a one-time password that must be changed, audited as a command-line act", async () => {
    const since = await lastAuditId();
    const result = await cli("ops.security", "SECURITY_ADMIN", "--email=Ops@Anshan-Edu.Example", "运维", "安全管理员");
    expect(result.code).toBe(0);
    const password = /issued password[^:]*: (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const user = await db().user.findUniqueOrThrow({ where: { username: "ops.security" } });
    expect(user).toMatchObject({ role: "SECURITY_ADMIN", displayName: "运维 安全管理员", email: "Ops@anshan-edu.example", mustChangePassword: true, active: true });
    const [row] = await auditRowsSince(since);
    expect(row).toMatchObject({ action: "user.create", outcome: "SUCCESS", actorId: null, targetId: String(user.id) });
    expect(JSON.stringify(row!.changes)).not.toContain(password!);

    // the printed password signs in, and the account may do nothing but replace it
    const signedIn = await signIn({ username: "ops.security", password: password! }, testContext());
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.reason}`);
    expect((await resolveSession(signedIn.sessionId, testContext()))?.restriction).toBe("change-password");
  }, 120_000);

  it("refuses an existing username, a bad address or an unknown role, and writes nothing", async () => {
    await cli("ops.system", "SYSTEM_ADMIN");
    const before = await lastAuditId();
    const users = await db().user.count();
    expect(await cli("ops.system", "SYSTEM_ADMIN")).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    expect(await cli("ops.audit", "AUDIT_ADMIN", "--email=not-an-address")).toMatchObject({ code: 2, stderr: expect.stringContaining("--email is not a valid e-mail address") });
    expect(await cli("ops.other", "BUREAU_STAFF")).toMatchObject({ code: 2, stderr: expect.stringContaining("usage:") });
    expect(await db().user.count()).toBe(users);
    expect(await lastAuditId()).toBe(before);
  }, 120_000);
});
