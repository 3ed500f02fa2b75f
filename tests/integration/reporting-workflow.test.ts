import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportStatus } from "@/generated/prisma/enums";
import { executeAction, type ActionSpec } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { publishReportSpec, reopenReportSpec, reviewReportSpec, saveDraftSpec, submitReportSpec } from "@/server/reporting/actions";
import { getReportForEdit, listMyReports } from "@/server/reporting/queries";
import { getReportForReview, listReviewQueue } from "@/server/reporting/review-queries";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";
import { departmentId, freshReport, indicatorId, measureId, reportingSnapshot, unitId } from "./reporting-factory";

let tiedong: Actor; // district administrator of 210302
let finance: Actor; // department officer of FINANCE
let staff: Actor;
let leader: Actor;
let tiexi: Actor; // a district administrator of another unit
let m16: number;
let m20: number;
let ind: { eligible: number; rotated: number; backbone: number };
let tiedongId: number;

beforeAll(async () => {
  [tiedong, finance, staff, leader] = await Promise.all([actorFor("tiedong.admin"), actorFor("finance.officer"), actorFor("bureau.staff"), actorFor("bureau.leader")]);
  const tiexiUnit = await unitId("210303");
  await db().user.create({ data: { username: "tiexi.admin.test", displayName: "铁西区测试管理员", role: "DISTRICT_ADMIN", unitId: tiexiUnit, passwordHash: "x", mustChangePassword: false } });
  tiexi = await actorFor("tiexi.admin.test");
  [m16, m20, tiedongId] = await Promise.all([measureId(16), measureId(20), unitId("210302")]);
  ind = {
    eligible: await indicatorId("M20_ELIGIBLE_TEACHERS"),
    rotated: await indicatorId("M20_ROTATED_TEACHERS"),
    backbone: await indicatorId("M20_ROTATED_BACKBONE_TEACHERS"),
  };
});

const run = (spec: ActionSpec, actor: Actor | null, input: Record<string, unknown>) => executeAction(spec, actor, testContext(), input);
const items = (list: unknown[]) => JSON.stringify(list);
const m20Values = (eligible: string, rotated: string, backbone: string, comment?: string) =>
  JSON.stringify([
    { indicatorId: ind.eligible, subjectUnitId: tiedongId, value: eligible },
    { indicatorId: ind.rotated, subjectUnitId: tiedongId, value: rotated, comment },
    { indicatorId: ind.backbone, subjectUnitId: tiedongId, value: backbone },
  ]);
const tiedongReport = (extra: Partial<Parameters<typeof freshReport>[0]> = {}) => freshReport({ owner: { unitId: tiedongId }, measures: [m16, m20], ...extra });
const reportRow = (id: number) => db().report.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, submittedAt: true, approvedAt: true, publishedAt: true } });

describe("a report from draft to publication", () => {
  it("walks every transition, with one timeline event and one audit row each, and shows the reviewer what changed", async () => {
    const { id } = await tiedongReport();
    const since = await lastAuditId();

    // save: NOT_STARTED → DRAFT, version 1 → 2
    const saved = await run(saveDraftSpec, tiedong, {
      reportId: String(id),
      version: "1",
      items: items([{ measureId: m16, progress: "UNDER_WAY", narrative: "师德建设推进中" }, { measureId: m20, progress: "UNDER_WAY", narrative: "交流轮岗" }]),
      values: m20Values("500", "60", "15"),
    });
    expect(saved).toEqual({ ok: true, data: { version: 2, warnings: {} } });
    expect(await reportRow(id)).toMatchObject({ status: "DRAFT", version: 2 });

    // submit: DRAFT → SUBMITTED, snapshot kept, figures locked for the filer
    const submitted = await run(submitReportSpec, tiedong, { reportId: String(id), version: "2", idempotencyKey: randomUUID() });
    expect(submitted).toMatchObject({ ok: true, data: { sequence: 1 } });
    expect(await reportRow(id)).toMatchObject({ status: "SUBMITTED", version: 3 });
    const locked = await run(saveDraftSpec, tiedong, { reportId: String(id), version: "3", items: items([{ measureId: m16, progress: "ACHIEVED" }]) });
    expect(locked).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.lockedSubmitted" });
    const view = await getReportForEdit(tiedong, testContext(), id);
    expect(view).toMatchObject({ may: { edit: false, submit: false, exportExcel: true, uploadEvidence: false }, filer: true, lockedReason: "reportingErrors.lockedSubmitted" });
    expect((await listReviewQueue(staff, testContext())).map((r) => r.id)).toContain(id);

    // a return needs a reason at each returned item
    const noReason = await run(reviewReportSpec, staff, { reportId: String(id), decisions: items([{ measureId: m16, decision: "APPROVE" }, { measureId: m20, decision: "RETURN" }]) });
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [`item.${m20}.returnReason`]: ["reportingErrors.returnReasonRequired"] } });
    const missingDecision = await run(reviewReportSpec, staff, { reportId: String(id), decisions: items([{ measureId: m16, decision: "APPROVE" }]) });
    expect(missingDecision).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [`item.${m20}.decision`]: ["reportingErrors.decisionRequired"] } });
    expect(await reportRow(id)).toMatchObject({ status: "SUBMITTED", version: 3 });

    // return: SUBMITTED → RETURNED with the reason at the item
    const returned = await run(reviewReportSpec, staff, {
      reportId: String(id),
      decisions: items([{ measureId: m16, decision: "APPROVE" }, { measureId: m20, decision: "RETURN", reason: "交流人数与名单不符" }]),
      reason: "请核对第二十条",
    });
    expect(returned).toEqual({ ok: true, data: { status: "RETURNED" } });
    const back = await getReportForEdit(tiedong, testContext(), id);
    expect(back).toMatchObject({ may: { edit: true, submit: true }, lockedReason: null, report: { status: "RETURNED", version: 4 } });
    expect(back!.measures.find((m) => m.measureId === m20)!.item).toMatchObject({ reviewStatus: "RETURNED", returnReason: "交流人数与名单不符" });

    // correct and resubmit; a RETURNED report stays RETURNED while it is corrected
    const corrected = await run(saveDraftSpec, tiedong, { reportId: String(id), version: "4", values: m20Values("500", "70", "15") });
    expect(corrected).toMatchObject({ ok: true, data: { version: 5 } });
    expect(await reportRow(id)).toMatchObject({ status: "RETURNED" });
    expect(await run(submitReportSpec, tiedong, { reportId: String(id), version: "5", idempotencyKey: randomUUID() })).toMatchObject({ ok: true, data: { sequence: 2 } });

    // the reviewer sees exactly what changed since the first submission
    const review = await getReportForReview(staff, testContext(), id);
    expect(review!.diff).toEqual({
      sequence: 2,
      previousSequence: 1,
      entries: [{ key: `value.${ind.rotated}.${tiedongId}`, kind: "value", measureId: null, indicatorId: ind.rotated, subjectUnitId: tiedongId, field: "value", before: "60", after: "70" }],
    });
    expect((await listReviewQueue(staff, testContext())).find((r) => r.id === id)).toMatchObject({ resubmission: true, late: false });

    // approve every item → APPROVED, figures locked
    const approved = await run(reviewReportSpec, staff, { reportId: String(id), decisions: items([{ measureId: m16, decision: "APPROVE" }, { measureId: m20, decision: "APPROVE" }]) });
    expect(approved).toEqual({ ok: true, data: { status: "APPROVED" } });
    expect(await run(saveDraftSpec, tiedong, { reportId: String(id), version: "7", items: items([{ measureId: m16, progress: "ACHIEVED" }]) })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      messageKey: "reportingErrors.lockedApproved",
    });

    // only the leader publishes
    expect(await run(publishReportSpec, staff, { reportId: String(id) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(publishReportSpec, leader, { reportId: String(id) })).toEqual({ ok: true, data: { status: "PUBLISHED" } });
    expect((await reportRow(id)).publishedAt).not.toBeNull();

    // published figures: a reviewer cannot reopen them (nothing changes), the leader can withdraw them
    const before = await reportingSnapshot();
    expect(await run(reopenReportSpec, staff, { reportId: String(id), reason: "数据有误" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await reportingSnapshot()).toBe(before);
    expect(await run(reopenReportSpec, leader, { reportId: String(id), reason: "上级核查发现交流人数有误" })).toEqual({ ok: true, data: { status: "RETURNED" } });
    expect(await reportRow(id)).toMatchObject({ status: "RETURNED", approvedAt: null, publishedAt: null });

    // the timeline: one event per transition, each with its audit row
    const timeline = (await getReportForEdit(tiedong, testContext(), id))!.timeline;
    expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["CREATE", null, "NOT_STARTED"],
      ["SUBMIT", "DRAFT", "SUBMITTED"],
      ["RETURN", "SUBMITTED", "RETURNED"],
      ["SUBMIT", "RETURNED", "SUBMITTED"],
      ["APPROVE", "SUBMITTED", "APPROVED"],
      ["PUBLISH", "APPROVED", "PUBLISHED"],
      ["REOPEN", "PUBLISHED", "RETURNED"],
    ]);
    expect(timeline[2]).toMatchObject({ reason: "请核对第二十条", itemReasons: { [String(m20)]: "交流人数与名单不符" }, actor: { username: "bureau.staff" } });
    expect(timeline[6]).toMatchObject({ reason: "上级核查发现交流人数有误", actor: { username: "bureau.leader" } });
    const audit = (await auditRowsSince(since)).filter((r) => r.outcome === "SUCCESS").map((r) => r.action);
    expect(audit).toEqual(["report.save-draft", "report.submit", "report.review", "report.save-draft", "report.submit", "report.review", "report.publish", "report.reopen"]);
  });

  it("lets a reviewer reopen an approved report with a reason, and requires the reason", async () => {
    const { id } = await tiedongReport({ status: "APPROVED" });
    expect(await run(reopenReportSpec, staff, { reportId: String(id), reason: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["reportingErrors.reasonRequired"] } });
    expect(await run(reopenReportSpec, staff, { reportId: String(id), reason: "佐证材料需要补充" })).toEqual({ ok: true, data: { status: "RETURNED" } });
    expect(await run(reopenReportSpec, staff, { reportId: String(id), reason: "再次打开" })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.notApproved" });
  });

  it("refuses review, publication and reopening in the wrong status, changing nothing", async () => {
    const { id } = await tiedongReport({ status: "DRAFT" });
    const before = await reportingSnapshot();
    expect(await run(reviewReportSpec, staff, { reportId: String(id), decisions: items([{ measureId: m16, decision: "APPROVE" }, { measureId: m20, decision: "APPROVE" }]) })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      messageKey: "reportingErrors.notAwaitingReview",
    });
    expect(await run(publishReportSpec, leader, { reportId: String(id) })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.notApproved" });
    expect(await run(reopenReportSpec, leader, { reportId: String(id), reason: "测试" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await run(submitReportSpec, tiedong, { reportId: String(id), version: "9", idempotencyKey: randomUUID() })).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.staleVersion" });
    expect(await reportingSnapshot()).toBe(before);
  });
});

describe("what the review page offers", () => {
  // Written out from the workflow: review while submitted; reopen an approved report, withdraw a
  // published one only as its publisher (the leader); publish an approved one only as the leader.
  const OFFERED: Record<ReportStatus, { staff: string[]; leader: string[] }> = {
    NOT_STARTED: { staff: [], leader: [] },
    DRAFT: { staff: [], leader: [] },
    SUBMITTED: { staff: ["review"], leader: ["review"] },
    RETURNED: { staff: [], leader: [] },
    APPROVED: { staff: ["reopen"], leader: ["reopen", "publish"] },
    PUBLISHED: { staff: [], leader: ["reopen"] },
  };
  const offered = (may: Record<string, boolean>) => Object.keys(may).filter((k) => may[k]);

  it("offers each reviewer exactly what the action then allows, in every status", async () => {
    const attempt = {
      review: (actor: Actor, id: number) => run(reviewReportSpec, actor, { reportId: String(id), decisions: items([{ measureId: m16, decision: "APPROVE" }, { measureId: m20, decision: "APPROVE" }]) }),
      reopen: (actor: Actor, id: number) => run(reopenReportSpec, actor, { reportId: String(id), reason: "核对" }),
      publish: (actor: Actor, id: number) => run(publishReportSpec, actor, { reportId: String(id) }),
    };
    for (const status of Object.keys(OFFERED) as ReportStatus[]) {
      const expected = OFFERED[status];
      for (const [who, reviewer] of [["staff", staff], ["leader", leader]] as const) {
        for (const action of ["review", "reopen", "publish"] as const) {
          const { id } = await tiedongReport({ status, progress: "UNDER_WAY" });
          const view = (await getReportForReview(reviewer, testContext(), id))!;
          expect(offered(view.may), `${who} on ${status}`).toEqual(expected[who]);
          expect(view.report.outstanding, status).toBe(["NOT_STARTED", "DRAFT", "RETURNED"].includes(status));
          const result = await attempt[action](reviewer, id);
          expect(result.ok, `${action} as ${who} on ${status}: offered ${view.may[action]}, got ${JSON.stringify(result)}`).toBe(view.may[action]);
        }
      }
    }
  });
});

describe("who may see and change a report", () => {
  it("answers NOT_FOUND to a district administrator of another unit, and nothing changes", async () => {
    const { id } = await tiedongReport();
    const before = await reportingSnapshot();
    const since = await lastAuditId();
    expect(await getReportForEdit(tiexi, testContext(), id)).toBeNull();
    expect(await run(saveDraftSpec, tiexi, { reportId: String(id), version: "1", items: items([{ measureId: m16, progress: "ACHIEVED" }]) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(submitReportSpec, tiexi, { reportId: String(id), version: "1", idempotencyKey: randomUUID() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(saveDraftSpec, finance, { reportId: String(id), version: "1", items: items([{ measureId: m16, progress: "ACHIEVED" }]) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // a report that does not exist looks the same
    expect(await run(saveDraftSpec, tiexi, { reportId: "99999999", version: "1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await reportingSnapshot()).toBe(before);
    expect((await auditRowsSince(since)).filter((r) => r.outcome === "DENIED").length).toBeGreaterThanOrEqual(4);
    expect((await listMyReports(tiexi, testContext())).current.map((r) => r.id)).not.toContain(id);
  });

  it("refuses filing to the bureau and review to filers", async () => {
    const { id } = await tiedongReport({ status: "SUBMITTED" });
    const before = await reportingSnapshot();
    expect(await run(saveDraftSpec, staff, { reportId: String(id), version: "1" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(reviewReportSpec, tiedong, { reportId: String(id), decisions: "[]" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(publishReportSpec, tiedong, { reportId: String(id) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(submitReportSpec, null, { reportId: String(id), version: "1", idempotencyKey: randomUUID() })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    await expect(listReviewQueue(tiedong, testContext())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reportingSnapshot()).toBe(before);
  });

  it("lets a department officer file their department's report, not another department's", async () => {
    const own = await freshReport({ owner: { departmentId: await departmentId("FINANCE") }, measures: [m16] });
    const other = await freshReport({ owner: { departmentId: await departmentId("STAFFING") }, measures: [m16] });
    const edit = { version: "1", items: items([{ measureId: m16, progress: "UNDER_WAY", narrative: "经费已拨付" }]) };
    expect(await run(saveDraftSpec, finance, { reportId: String(own.id), ...edit })).toMatchObject({ ok: true });
    expect(await run(submitReportSpec, finance, { reportId: String(own.id), version: "2", idempotencyKey: randomUUID() })).toMatchObject({ ok: true });
    expect(await run(saveDraftSpec, finance, { reportId: String(other.id), ...edit })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const mine = await listMyReports(finance, testContext());
    expect([...mine.current, ...mine.past].map((r) => r.id)).toEqual(expect.arrayContaining([own.id]));
    expect([...mine.current, ...mine.past].map((r) => r.id)).not.toContain(other.id);
    const view = await getReportForEdit(finance, testContext(), own.id);
    expect(view).toMatchObject({ report: { department: { code: "FINANCE" }, status: "SUBMITTED" }, measures: [{ measureId: m16, indicators: [] }] });
  });
});

describe("what the report page offers each viewer (the view model)", () => {
  it("lets the filer edit their own unit's draft, locks it once submitted, and tells the bureau it only reads", async () => {
    const draft = await tiedongReport({ status: "DRAFT" });
    expect(await getReportForEdit(tiedong, testContext(), draft.id)).toMatchObject({
      report: { status: "DRAFT", outstanding: true },
      may: { edit: true, submit: true, exportExcel: true, uploadEvidence: true },
      filer: true,
      lockedReason: null,
    });
    // the bureau reads the same draft but does not file it
    expect(await getReportForEdit(staff, testContext(), draft.id)).toMatchObject({
      may: { edit: false, submit: false, exportExcel: true, uploadEvidence: false },
      filer: false,
      lockedReason: "reportingErrors.lockedNotFiler",
    });

    const submitted = await tiedongReport({ status: "SUBMITTED" });
    expect(await getReportForEdit(tiedong, testContext(), submitted.id)).toMatchObject({
      report: { status: "SUBMITTED", outstanding: false },
      may: { edit: false, submit: false, exportExcel: true, uploadEvidence: false },
      filer: true,
      lockedReason: "reportingErrors.lockedSubmitted",
    });
    // a submitted report is locked for everyone, and that is the reason the bureau is given too
    expect(await getReportForEdit(staff, testContext(), submitted.id)).toMatchObject({ may: { edit: false }, filer: false, lockedReason: "reportingErrors.lockedSubmitted" });

    const mine = await listMyReports(tiedong, testContext());
    const listed = new Map([...mine.current, ...mine.past].map((r) => [r.id, r]));
    expect(listed.get(draft.id)).toMatchObject({ status: "DRAFT", outstanding: true });
    expect(listed.get(submitted.id)).toMatchObject({ status: "SUBMITTED", outstanding: false });
  });
});

describe("validation on save and submit", () => {
  const save = (id: number, version: number, values: string, list?: unknown[]) =>
    run(saveDraftSpec, tiedong, { reportId: String(id), version: String(version), values, items: list ? items(list) : undefined });

  it("refuses backbone > rotated, rotated > eligible, a negative count and NOT_APPLICABLE without a reason, saving nothing", async () => {
    const { id } = await tiedongReport();
    const before = await reportingSnapshot();
    expect(await save(id, 1, m20Values("500", "60", "61"))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [`value.${ind.backbone}.${tiedongId}`]: ["reportingErrors.exceedsWhole"] } });
    expect(await save(id, 1, m20Values("50", "60", "6"))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [`value.${ind.rotated}.${tiedongId}`]: ["reportingErrors.exceedsWhole"] } });
    expect(await save(id, 1, m20Values("-5", "0", "0"))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [`value.${ind.eligible}.${tiedongId}`]: ["reportingErrors.countNegative"] } });
    expect(await save(id, 1, "[]", [{ measureId: m16, progress: "NOT_APPLICABLE" }])).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { [`item.${m16}.notApplicableReason`]: ["reportingErrors.notApplicableReasonRequired"] },
    });
    expect(await save(id, 1, "not json")).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { values: ["reportingErrors.malformed"] } });
    expect(await reportingSnapshot()).toBe(before);
  });

  it("saves a draft with warnings but refuses to submit until each warning has a comment", async () => {
    const { id } = await tiedongReport();
    // the backbone count is missing: a warning, not an error
    const saved = await save(id, 1, JSON.stringify([{ indicatorId: ind.eligible, subjectUnitId: tiedongId, value: "500" }, { indicatorId: ind.rotated, subjectUnitId: tiedongId, value: "60" }]));
    expect(saved).toEqual({ ok: true, data: { version: 2, warnings: { [`value.${ind.backbone}.${tiedongId}`]: ["reportingErrors.missingValue"] } } });

    const before = await reportingSnapshot();
    const refused = await run(submitReportSpec, tiedong, { reportId: String(id), version: "2", idempotencyKey: randomUUID() });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", messageKey: "reportingErrors.submitBlocked", fieldErrors: { [`value.${ind.backbone}.${tiedongId}`]: ["reportingErrors.warningNeedsComment"] } });
    expect(await reportingSnapshot()).toBe(before);

    expect(await save(id, 2, JSON.stringify([{ indicatorId: ind.backbone, subjectUnitId: tiedongId, value: "", comment: "骨干教师统计口径待市局明确" }]))).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await run(submitReportSpec, tiedong, { reportId: String(id), version: "3", idempotencyKey: randomUUID() })).toMatchObject({ ok: true, data: { sequence: 1 } });
    const snapshot = await db().reportSubmission.findFirstOrThrow({ where: { reportId: id }, select: { snapshot: true } });
    expect(snapshot.snapshot).toMatchObject({ values: expect.arrayContaining([expect.objectContaining({ indicatorId: ind.backbone, value: null, comment: "骨干教师统计口径待市局明确" })]) });
  });

  it("refuses a stale save with CONFLICT and keeps the stored figures", async () => {
    const { id } = await tiedongReport();
    expect(await save(id, 1, m20Values("500", "60", "15"))).toMatchObject({ ok: true });
    const before = await reportingSnapshot();
    expect(await save(id, 1, m20Values("400", "40", "5"))).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "reportingErrors.staleVersion" });
    expect(await reportingSnapshot()).toBe(before);
  });

  it("shows the late and the due in the filer's list", async () => {
    const late = await tiedongReport({ dueInDays: -3 });
    const due = await tiedongReport({ dueInDays: 5 });
    await db().reportingCycle.updateMany({ where: { id: { in: [late.cycleId, due.cycleId] } }, data: { status: "OPEN" } });
    const mine = await listMyReports(tiedong, testContext());
    expect(mine.current.find((r) => r.id === late.id)).toMatchObject({ daysLeft: -3, late: true, status: "NOT_STARTED" });
    expect(mine.current.find((r) => r.id === due.id)).toMatchObject({ daysLeft: 5, late: false });
  });

  it("flags late submissions in the review queue, oldest first", async () => {
    const late = await tiedongReport({ status: "SUBMITTED", dueInDays: -10, submittedAt: new Date(Date.now() - 2 * 86_400_000) });
    const onTime = await tiedongReport({ status: "SUBMITTED", dueInDays: 10, submittedAt: new Date(Date.now() - 86_400_000) });
    const queue = await listReviewQueue(staff, testContext());
    const ids = queue.map((r) => r.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(onTime.id));
    expect(queue.find((r) => r.id === late.id)).toMatchObject({ late: true, daysLeft: -10 });
    expect(queue.find((r) => r.id === onTime.id)).toMatchObject({ late: false });
  });
});
