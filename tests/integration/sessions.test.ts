import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createSession, endSessions, resolveSession } from "@/server/auth/session-store";
import { testContext } from "../support/actors";

const MINUTE = 60_000;

async function sessionFor(username: string, ageMs = 0, idleMs = 0) {
  const user = await db().user.findUniqueOrThrow({ where: { username } });
  const id = await db().$transaction((tx) => createSession(tx, user.id, testContext()));
  const now = Date.now();
  await db().session.update({ where: { id }, data: { createdAt: new Date(now - ageMs), lastSeenAt: new Date(now - idleMs) } });
  return { id, user };
}

describe("server-side sessions", () => {
  it("gives every sign-in a new, unguessable session id", async () => {
    const a = await sessionFor("tiedong.admin");
    const b = await sessionFor("tiedong.admin");
    expect(a.id).not.toBe(b.id);
    expect(a.id.length).toBeGreaterThanOrEqual(43); // 32 random bytes
  });

  it("ends a district administrator's session after 30 idle minutes, not before", async () => {
    const fresh = await sessionFor("tiedong.admin", 0, 29 * MINUTE);
    expect((await resolveSession(fresh.id, testContext()))?.username).toBe("tiedong.admin");
    const idle = await sessionFor("tiedong.admin", 0, 31 * MINUTE);
    expect(await resolveSession(idle.id, testContext())).toBeNull();
    const row = await db().session.findUniqueOrThrow({ where: { id: idle.id } });
    expect(row.endReason).toBe("idle-timeout");
    expect(await db().auditLog.count({ where: { action: "auth.session.end", targetId: String(idle.user.id) } })).toBeGreaterThan(0);
  });

  it("gives administrators 15 idle minutes", async () => {
    expect(await resolveSession((await sessionFor("sysadmin", 0, 14 * MINUTE)).id, testContext())).not.toBeNull();
    expect(await resolveSession((await sessionFor("sysadmin", 0, 16 * MINUTE)).id, testContext())).toBeNull();
    // bureau staff are not administrators: 16 idle minutes are fine
    expect(await resolveSession((await sessionFor("bureau.staff", 0, 16 * MINUTE)).id, testContext())).not.toBeNull();
  });

  it("ends any session 12 hours after sign-in, however active", async () => {
    const old = await sessionFor("tiedong.admin", 12 * 60 * MINUTE + MINUTE, 0);
    expect(await resolveSession(old.id, testContext())).toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: old.id } })).endReason).toBe("absolute-timeout");
  });

  it("keeps activity fresh: a used session's lastSeenAt moves forward", async () => {
    const s = await sessionFor("tiedong.admin", 0, 10 * MINUTE);
    await resolveSession(s.id, testContext());
    const row = await db().session.findUniqueOrThrow({ where: { id: s.id } });
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(MINUTE);
  });

  it("ends a disabled account's sessions, and an ended session never comes back", async () => {
    const s = await sessionFor("finance.officer");
    await db().user.update({ where: { id: s.user.id }, data: { active: false } });
    expect(await resolveSession(s.id, testContext())).toBeNull();
    await db().user.update({ where: { id: s.user.id }, data: { active: true } });
    expect(await resolveSession(s.id, testContext())).toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: s.id } })).endReason).toBe("account-disabled");
  });

  it("marks an account that must change its password or enrol two-factor as restricted", async () => {
    const s = await sessionFor("tiedong.admin");
    await db().user.update({ where: { id: s.user.id }, data: { mustChangePassword: true } });
    expect((await resolveSession(s.id, testContext()))?.restriction).toBe("change-password");
    await db().user.update({ where: { id: s.user.id }, data: { mustChangePassword: false } });

    const staff = await sessionFor("bureau.staff");
    await db().user.update({ where: { id: staff.user.id }, data: { totpEnabledAt: null } });
    expect((await resolveSession(staff.id, testContext()))?.restriction).toBe("enrol-totp");

    const admin = await sessionFor("sysadmin");
    await db().user.update({ where: { id: admin.user.id }, data: { passwordChangedAt: new Date(Date.now() - 91 * 24 * 60 * MINUTE) } });
    expect((await resolveSession(admin.id, testContext()))?.restriction).toBe("change-password");
  });

  it("ends all of a user's sessions at once, audited with the administrator's name", async () => {
    const a = await sessionFor("bureau.leader");
    const b = await sessionFor("bureau.leader");
    const by = await db().user.findUniqueOrThrow({ where: { username: "secadmin" } });
    const ended = await endSessions({ userId: a.user.id }, "ended-by-admin", { userId: by.id, username: by.username, role: by.role }, testContext());
    expect(ended).toBe(2);
    expect(await resolveSession(a.id, testContext())).toBeNull();
    expect(await resolveSession(b.id, testContext())).toBeNull();
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.session.end", actorName: "secadmin" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(row.changes)).not.toContain(a.id); // session ids are credentials: never logged whole
  });
});
