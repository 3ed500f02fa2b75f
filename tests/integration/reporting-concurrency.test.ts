import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionSpec } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { db } from "@/server/db/client";
import { saveDraftSpec, submitReportSpec } from "@/server/reporting/actions";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";
import { freshReport, indicatorId, measureId, unitId } from "./reporting-factory";

let tiedong: Actor;
let tiedongId: number;
let m16: number;
let m20: number;
beforeAll(async () => {
  tiedong = await actorFor("tiedong.admin");
  [tiedongId, m16, m20] = await Promise.all([unitId("210302"), measureId(16), measureId(20)]);
});

const run = (spec: ActionSpec, input: Record<string, unknown>) => executeAction(spec, tiedong, testContext(), input);

describe("concurrent saves and submissions", () => {
  it("of 50 parallel saves of one version, exactly one wins; the rest get CONFLICT and nothing is lost or mixed", async () => {
    const report = await freshReport({ owner: { unitId: tiedongId }, measures: [m20] });
    const eligible = await indicatorId("M20_ELIGIBLE_TEACHERS");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        run(saveDraftSpec, {
          reportId: String(report.id),
          version: "1",
          items: JSON.stringify([{ measureId: m20, progress: "UNDER_WAY", narrative: `保存者${i}` }]),
          values: JSON.stringify([{ indicatorId: eligible, subjectUnitId: tiedongId, value: String(1000 + i) }]),
        }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers).toHaveLength(49);
    for (const r of losers) expect(r).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.staleVersion" });

    const winner = winners[0]!;
    const stored = await db().report.findUniqueOrThrow({ where: { id: report.id }, select: { version: true, status: true, items: { select: { narrative: true } }, values: { select: { numericValue: true } } } });
    expect(stored).toMatchObject({ version: 2, status: "DRAFT", items: [{ narrative: `保存者${winner}` }] });
    expect(stored.values.map((v) => v.numericValue?.toString())).toEqual([String(1000 + winner)]);
  });

  it("stores 200 parallel submissions of 200 reports exactly once each", async () => {
    const reports = [];
    for (let i = 0; i < 200; i++) reports.push(await freshReport({ owner: { unitId: tiedongId }, measures: [m16], progress: "UNDER_WAY" }));
    const since = await lastAuditId();
    const results = await Promise.all(reports.map((r) => run(submitReportSpec, { reportId: String(r.id), version: "1", idempotencyKey: randomUUID() })));
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const ids = reports.map((r) => r.id);
    const submissions = await db().reportSubmission.groupBy({ by: ["reportId"], where: { reportId: { in: ids } }, _count: { _all: true } });
    expect(submissions).toHaveLength(200);
    expect(submissions.every((s) => s._count._all === 1)).toBe(true);
    expect(await db().report.count({ where: { id: { in: ids }, status: "SUBMITTED", version: 2 } })).toBe(200);
    expect(await db().reviewEvent.count({ where: { reportId: { in: ids }, action: "SUBMIT" } })).toBe(200);
    expect((await auditRowsSince(since)).filter((r) => r.action === "report.submit")).toHaveLength(200);
    expect(await verifyAuditChain(db() as never)).toMatchObject({ ok: true });
  });

  it("turns 10 parallel submissions with one idempotency key into one submission", async () => {
    const report = await freshReport({ owner: { unitId: tiedongId }, measures: [m16], progress: "UNDER_WAY" });
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => run(submitReportSpec, { reportId: String(report.id), version: "1", idempotencyKey: key })));
    expect(results.every((r) => r.ok)).toBe(true);
    const first = await db().reportSubmission.findMany({ where: { reportId: report.id } });
    expect(first).toHaveLength(1);
    for (const r of results) expect(r).toEqual({ ok: true, data: { submissionId: first[0]!.id, sequence: 1 } });
    expect(await db().reviewEvent.count({ where: { reportId: report.id, action: "SUBMIT" } })).toBe(1);
    // a later retry (the browser resending after a timeout) gets the same answer
    expect(await run(submitReportSpec, { reportId: String(report.id), version: "1", idempotencyKey: key })).toEqual({ ok: true, data: { submissionId: first[0]!.id, sequence: 1 } });
    // the key cannot be reused for another report
    const other = await freshReport({ owner: { unitId: tiedongId }, measures: [m16], progress: "UNDER_WAY" });
    expect(await run(submitReportSpec, { reportId: String(other.id), version: "1", idempotencyKey: key })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.keyReused" });
  });
});
