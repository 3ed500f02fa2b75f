import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { executeAction } from "@/server/actions/define-action";
import { exportAuditLogSpec } from "@/server/audit/export-csv";
import { formatShanghai, isoShanghai } from "@/server/audit/filters";
import { checkAuditChain, searchAuditLog } from "@/server/audit/queries";
import { recordAudit, recordAuditAlone, type AuditEntry } from "@/server/audit/record-audit";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { auditActor, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { createClient } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import { verifyAuditLog } from "../../src/cli/verify-audit";
import { actorFor, auditRowsSince, DEMO_USER_BY_ROLE, lastAuditId, testContext } from "../support/actors";

// One connection as the database superuser, for what no application code can do: switching the
// append-only triggers off to play the attacker who has the server.
let superuser: pg.Client;
let auditor: Actor;

beforeAll(async () => {
  superuser = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await superuser.connect();
  const { rows } = await superuser.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  expect(rows[0]?.rolsuper, "these tests need the superuser to bypass the triggers").toBe(true);
  auditor = await actorFor("auditor");
});

afterAll(async () => {
  await superuser.end();
});

async function write(action: string, entry: Partial<AuditEntry> = {}): Promise<bigint> {
  await recordAuditAlone({ action, outcome: "SUCCESS", actor: null, ...entry });
  return lastAuditId();
}

async function withTriggersOff(run: () => Promise<unknown>): Promise<void> {
  await superuser.query('ALTER TABLE "AuditLog" DISABLE TRIGGER USER');
  try {
    await run();
  } finally {
    await superuser.query('ALTER TABLE "AuditLog" ENABLE TRIGGER USER');
  }
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe("the hash chain", () => {
  it("links every row written by recordAudit, in a transaction or alone", async () => {
    const before = await lastAuditId();
    const tiedong = await actorFor("tiedong.admin");
    await db().$transaction(async (tx) => {
      await recordAudit(tx, { action: "test.chain.in-tx", outcome: "SUCCESS", actor: auditActor(tiedong), targetType: "Unit", targetId: 7, changes: { nameZh: { before: "甲", after: "乙" } } });
      await recordAudit(tx, { action: "test.chain.in-tx", outcome: "FAILURE", actor: null, changes: { nested: { b: [1, 2, { z: null, a: "x" }], a: 1.5 } } });
    });
    await write("test.chain.alone", { outcome: "DENIED", ip: "10.0.0.1", requestId: "req-1" });

    const rows = await auditRowsSince(before);
    expect(rows.map((r) => r.action)).toEqual(["test.chain.in-tx", "test.chain.in-tx", "test.chain.alone"]);
    for (const [i, row] of rows.entries()) if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditChain(db());
    expect(report).toEqual({ ok: true, rows: await db().auditLog.count() });
  });

  it("survives 20 concurrent writers: the advisory lock keeps one chain", async () => {
    const before = await lastAuditId();
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAuditAlone({ action: `test.concurrent.${i}`, outcome: "SUCCESS", actor: null })));
    const rows = await auditRowsSince(before);
    expect(rows).toHaveLength(20);
    // without the lock, writers read the same last hash and two rows share a prevHash
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(20);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});

describe("the append-only triggers", () => {
  it("refuse UPDATE, DELETE and TRUNCATE, and change nothing", async () => {
    const id = await write("test.immutable", { targetId: "keep-me" });
    const count = await db().auditLog.count();
    await expect(db().$executeRaw`UPDATE "AuditLog" SET "action" = 'test.rewritten' WHERE "id" = ${id}`).rejects.toThrow(/AuditLog is append-only: UPDATE refused/);
    await expect(db().$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${id}`).rejects.toThrow(/AuditLog is append-only: DELETE refused/);
    await expect(db().$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/AuditLog is append-only: TRUNCATE refused/);
    // the superuser too, as long as the triggers are on
    await expect(superuser.query(`UPDATE "AuditLog" SET "action" = 'x' WHERE "id" = $1`, [id])).rejects.toThrow(/append-only: UPDATE refused/);

    const row = await db().auditLog.findUniqueOrThrow({ where: { id } });
    expect(row.action).toBe("test.immutable");
    expect(await db().auditLog.count()).toBe(count);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});

describe("tampering behind the triggers' back", () => {
  it("names exactly the row whose contents were changed", async () => {
    const written = [];
    for (let i = 0; i < 5; i++) written.push(await write(`test.tamper.${i}`));
    const victim = written[2]!;
    const databaseUrl = process.env.DATABASE_URL!;
    await withTriggersOff(() => superuser.query(`UPDATE "AuditLog" SET "action" = 'test.innocent' WHERE "id" = $1`, [victim]));
    try {
      const report = await verifyAuditChain(db());
      expect(report).toMatchObject({ ok: false, firstBrokenId: victim });
      expect(!report.ok && report.reason).toMatch(/changed/);

      const page = await checkAuditChain(auditor, testContext());
      expect(page).toMatchObject({ ok: false, firstBrokenId: victim.toString(), kind: "content" });

      const cli = createClient(databaseUrl);
      try {
        const outcome = await verifyAuditLog(cli);
        expect(outcome.exitCode).toBe(1);
        expect(outcome.message).toContain(`row id ${victim}:`);
      } finally {
        await cli.$disconnect();
      }
    } finally {
      await withTriggersOff(() => superuser.query(`UPDATE "AuditLog" SET "action" = 'test.tamper.2' WHERE "id" = $1`, [victim]));
    }
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("names the row after one that was deleted", async () => {
    const written = [];
    for (let i = 0; i < 5; i++) written.push(await write(`test.delete.${i}`));
    const [victim, next] = [written[2]!, written[3]!];
    await superuser.query(`CREATE TEMP TABLE deleted_row AS SELECT * FROM "AuditLog" WHERE "id" = $1`, [victim]);
    await withTriggersOff(() => superuser.query(`DELETE FROM "AuditLog" WHERE "id" = $1`, [victim]));
    try {
      expect(await db().auditLog.findUnique({ where: { id: victim } })).toBeNull();
      const report = await verifyAuditChain(db());
      expect(report).toMatchObject({ ok: false, firstBrokenId: next });
      expect(!report.ok && report.reason).toMatch(/removed or reordered/);
      expect(await checkAuditChain(auditor, testContext())).toMatchObject({ ok: false, firstBrokenId: next.toString(), kind: "link" });

      const cli = createClient(process.env.DATABASE_URL!);
      try {
        expect(await verifyAuditLog(cli)).toEqual({ exitCode: 1, message: expect.stringContaining(`row id ${next}:`) });
      } finally {
        await cli.$disconnect();
      }
    } finally {
      // putting the very same row back makes the chain whole again
      await superuser.query(`INSERT INTO "AuditLog" SELECT * FROM deleted_row`);
      await superuser.query(`DROP TABLE deleted_row`);
    }
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("the CLI reports an intact chain with its row count", async () => {
    const cli = createClient(process.env.DATABASE_URL!);
    try {
      const count = await db().auditLog.count();
      expect(await verifyAuditLog(cli)).toEqual({ exitCode: 0, message: `audit chain OK: ${count} rows` });
    } finally {
      await cli.$disconnect();
    }
  });
});

describe("searchAuditLog", () => {
  it("filters by actor (exact or prefix), action prefix, outcome and unit", async () => {
    const tiedong = await actorFor("tiedong.admin");
    const finance = await actorFor("finance.officer");
    const a = await write("test.search.user.create", { actor: auditActor(tiedong), unitId: tiedong.unitId });
    const b = await write("test.search.user.disable", { actor: auditActor(finance), outcome: "DENIED" });
    const c = await write("test.search.report.submit", { actor: auditActor(tiedong), outcome: "FAILURE", unitId: tiedong.unitId });
    const search = (filters: Record<string, string>) => searchAuditLog(auditor, testContext(), { action: "test.search.", ...filters });

    expect(ids((await search({})).rows)).toEqual([c, a, b].map(String).sort().reverse());
    expect(ids((await search({ actor: "tiedong.admin" })).rows)).toEqual([String(c), String(a)]);
    expect(ids((await search({ actor: "finance*" })).rows)).toEqual([String(b)]);
    // a prefix only with the *: "tiedong" is nobody's username
    expect((await search({ actor: "tiedong" })).rows).toEqual([]);
    expect(ids((await search({ action: "test.search.user." })).rows)).toEqual([String(b), String(a)]);
    expect(ids((await search({ outcome: "DENIED" })).rows)).toEqual([String(b)]);
    expect(ids((await search({ unit: String(tiedong.unitId) })).rows)).toEqual([String(c), String(a)]);

    const [row] = (await search({ outcome: "FAILURE" })).rows;
    expect(row).toMatchObject({ id: String(c), actorName: "tiedong.admin", actorRole: "DISTRICT_ADMIN", action: "test.search.report.submit", outcome: "FAILURE" });
    expect(row?.unit?.nameZh).toBe("铁东区");
  });

  it("filters by a time range given in Beijing time", async () => {
    const early = await write("test.window.early");
    const earlyAt = (await db().auditLog.findUniqueOrThrow({ where: { id: early } })).at;
    // the filter's finest unit is the second: the next row must fall in a later one
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    const late = await write("test.window.late");
    const lateAt = (await db().auditLog.findUniqueOrThrow({ where: { id: late } })).at;
    const search = (filters: Record<string, string>) => searchAuditLog(auditor, testContext(), { action: "test.window.", ...filters });

    expect(ids((await search({ to: formatShanghai(earlyAt) })).rows)).toEqual([String(early)]);
    expect(ids((await search({ from: formatShanghai(lateAt) })).rows)).toEqual([String(late)]);
    expect(ids((await search({ from: formatShanghai(earlyAt), to: formatShanghai(lateAt) })).rows)).toEqual([String(late), String(early)]);
    // a whole day, as the form's hint suggests
    const day = formatShanghai(lateAt).slice(0, 10);
    expect((await search({ from: day, to: day })).rows.map((r) => r.id)).toContain(String(late));
    expect((await search({ to: "2020-01-01" })).rows).toEqual([]);
  });

  it("ignores a date it cannot read and says so, instead of failing", async () => {
    const id = await write("test.baddate");
    const result = await searchAuditLog(auditor, testContext(), { action: "test.baddate", from: "2026-02-30", to: "tomorrow" });
    expect(result.ignored).toEqual(["from", "to"]);
    expect(ids(result.rows)).toEqual([String(id)]);
    expect(result.query).toEqual({ action: "test.baddate" });
  });

  it("pages by id, newest first, 50 at a time, without gaps or repeats", async () => {
    const written: string[] = [];
    for (let i = 0; i < 55; i++) written.push(String(await write("test.page.row")));
    const first = await searchAuditLog(auditor, testContext(), { action: "test.page." });
    expect(first.rows).toHaveLength(50);
    expect(first.paged).toBe(false);
    expect(first.olderCursor).toBe(first.rows.at(-1)!.id);
    const second = await searchAuditLog(auditor, testContext(), { action: "test.page.", before: first.olderCursor! });
    expect(second.rows).toHaveLength(5);
    expect(second.olderCursor).toBeNull();
    expect(second.paged).toBe(true);
    expect([...ids(first.rows), ...ids(second.rows)]).toEqual([...written].reverse());
  });
});

describe("who may read and export the log", () => {
  const others = (Object.entries(DEMO_USER_BY_ROLE) as [Role, string][]).filter(([role]) => role !== "AUDIT_ADMIN");

  it.each(others)("refuses %s (%s) search, chain check and export, and audits each refusal", async (_role, username) => {
    const actor = await actorFor(username);
    const since = await lastAuditId();

    const search = searchAuditLog(actor, testContext(), {});
    await expect(search).rejects.toBeInstanceOf(AppError);
    await expect(search).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(checkAuditChain(actor, testContext())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const exported = await executeAction(exportAuditLogSpec, actor, testContext(), { action: "test." });
    expect(exported).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const rows = await auditRowsSince(since);
    expect(rows.map((r) => [r.action, r.outcome, r.actorName])).toEqual([
      ["authz.denied:audit:read", "DENIED", username],
      ["authz.denied:audit:read", "DENIED", username],
      ["authz.denied:audit:export", "DENIED", username],
    ]);
  });

  it("refuses a visitor who is not signed in", async () => {
    const since = await lastAuditId();
    await expect(searchAuditLog(null, testContext(), {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await executeAction(exportAuditLogSpec, null, testContext(), {})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const rows = await auditRowsSince(since);
    expect(rows.map((r) => [r.action, r.outcome, r.actorName])).toEqual([
      ["authz.denied:audit:read", "DENIED", null],
      ["authz.denied:audit:export", "DENIED", null],
    ]);
  });
});

describe("CSV export", () => {
  it("returns the filtered rows, oldest first, neutralised, and audits itself", async () => {
    const tiedong = await actorFor("tiedong.admin");
    const first = await write("test.export.one", { actor: auditActor(tiedong), unitId: tiedong.unitId, changes: { title: { before: "旧,标题", after: '新"标题"' } } });
    const second = await write("test.export.two", { targetType: "User", targetId: "=HYPERLINK(\"http://evil\",\"x\")", ip: "10.1.2.3", requestId: "req-export" });
    const context = testContext();

    const result = await executeAction(exportAuditLogSpec, auditor, context, { action: "test.export.", from: "not-a-date" });
    if (!result.ok) throw new Error(`export failed: ${result.code}`);
    const { csv, rowCount, truncated, filename } = result.data;
    expect(rowCount).toBe(2);
    expect(truncated).toBe(false);
    expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);

    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("id,time_utc,time_asia_shanghai,actor,role,action,outcome,target_type,target_id,unit_id,unit,ip,request_id,changes,hash,prev_hash");
    expect(lines).toHaveLength(4); // header, two rows, the empty string after the last CRLF
    const [one, two] = await Promise.all([first, second].map((id) => db().auditLog.findUniqueOrThrow({ where: { id } })));
    expect(lines[1]).toBe(
      `${first},${one!.at.toISOString()},${isoShanghai(one!.at)},tiedong.admin,DISTRICT_ADMIN,test.export.one,SUCCESS,,,${tiedong.unitId},铁东区,,,` +
        `"{""title"":{""after"":""新\\""标题\\"""",""before"":""旧,标题""}}",${one!.hash},${one!.prevHash}`,
    );
    expect(lines[2]).toContain(`,User,"'=HYPERLINK(""http://evil"",""x"")",`);
    expect(lines[2]).toContain(",10.1.2.3,req-export,");
    expect(lines[2]!.endsWith(`,${two!.hash},${one!.hash}`)).toBe(true);

    const exportRow = await db().auditLog.findFirstOrThrow({ where: { action: "audit.export" }, orderBy: { id: "desc" } });
    expect(exportRow).toMatchObject({
      outcome: "SUCCESS",
      actorName: "auditor",
      actorRole: "AUDIT_ADMIN",
      targetType: "AuditLog",
      requestId: context.requestId,
      changes: { filters: { action: "test.export." }, ignored: ["from"], rowCount: 2, truncated: false },
    });
    expect(exportRow.id).toBeGreaterThan(second);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
