import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { executeAction, type ActionSpec } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { createDepartmentSpec, deactivateDepartmentSpec, getDepartmentHistory, listDepartmentsForAdmin, reactivateDepartmentSpec, renameDepartmentSpec } from "@/server/organisation/departments";
import { getMeasureForAdmin, listMeasuresForAdmin, ORIGINAL_TEXT_REASON, reviseMeasureSpec } from "@/server/policy/measure-text";
import { createUnitSpec, deactivateUnitSpec, getUnitHistory, listUnitsForAdmin, reactivateUnitSpec, renameUnitSpec } from "@/server/organisation/units";
import { getMeasure, getOpinionOverview, listUnits } from "@/server/policy/queries";
import { actorFor, auditRowsSince, DEMO_USER_BY_ROLE, lastAuditId, testContext } from "../support/actors";

let sysadmin: Actor;
beforeAll(async () => {
  sysadmin = await actorFor("sysadmin");
});

const run = (spec: { name: string }, input: Record<string, unknown>, actor: Actor | null = sysadmin) =>
  executeAction(spec as ActionSpec, actor, testContext(), input);

const unitByCode = (code: string) => db().unit.findUnique({ where: { code } });
const measureRow = (number: number) => db().measure.findFirstOrThrow({ where: { kind: "MEASURE", number } });

/** Everything these actions can write, apart from the audit log (which grows by design). */
async function snapshot() {
  const [units, departments, measures, measureRevisions, entityRevisions] = await Promise.all([
    db().unit.findMany({ orderBy: { id: "asc" } }),
    db().department.findMany({ orderBy: { id: "asc" } }),
    db().measure.findMany({ orderBy: { id: "asc" } }),
    db().measureRevision.findMany({ orderBy: { id: "asc" } }),
    db().entityRevision.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ units, departments, measures, measureRevisions, entityRevisions });
}

describe("units", () => {
  it("creates a development zone, which then files reports like a county", async () => {
    const since = await lastAuditId();
    const result = await run(createUnitSpec, { kind: "DEVELOPMENT_ZONE", code: "dz-port", nameZh: "鞍山临港开发区管委会", nameEn: "Anshan Port Development Zone Committee" });
    expect(result).toMatchObject({ ok: true });

    const unit = await unitByCode("DZ-PORT");
    const city = await unitByCode("2103");
    expect(unit).toMatchObject({ kind: "DEVELOPMENT_ZONE", isReporting: true, active: true, statCode: null, parentId: city!.id });
    const reporting = (await listUnits()).filter((u) => u.isReporting).map((u) => u.code);
    expect(reporting).toContain("DZ-PORT");
    expect(reporting).toHaveLength(10);

    const history = await getUnitHistory(sysadmin, testContext(), unit!.id);
    expect(history?.history[0]?.changes).toMatchObject({ code: { before: null, after: "DZ-PORT" }, isReporting: { before: null, after: true } });
    const rows = await auditRowsSince(since);
    expect(rows).toMatchObject([{ action: "unit.create", outcome: "SUCCESS", targetType: "Unit", targetId: String(unit!.id), actorName: "sysadmin" }]);
  });

  it("refuses a code that is taken, as a field error, and creates nothing", async () => {
    const before = await db().unit.count();
    const result = await run(createUnitSpec, { kind: "DEVELOPMENT_ZONE", code: "DZ-HITECH", nameZh: "重复", nameEn: "Duplicate" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { code: ["adminOrg.codeTaken"] } });
    expect(await db().unit.count()).toBe(before);
  });

  it("adds a township created after the 2023 list only under its county's code", async () => {
    const tiedong = (await unitByCode("210302"))!;
    const wrongPrefix = await run(createUnitSpec, { kind: "TOWNSHIP", parentId: tiedong.id, code: "210303999", nameZh: "新设街道" });
    expect(wrongPrefix).toMatchObject({ ok: false, fieldErrors: { code: ["adminOrg.townshipCodePrefix"] } });
    const badFormat = await run(createUnitSpec, { kind: "TOWNSHIP", parentId: tiedong.id, code: "21030299", nameZh: "新设街道" });
    expect(badFormat).toMatchObject({ ok: false, fieldErrors: { code: ["adminOrg.townshipCodeFormat"] } });
    const existing = await run(createUnitSpec, { kind: "TOWNSHIP", parentId: tiedong.id, code: "210302002", nameZh: "解放街道" });
    expect(existing).toMatchObject({ ok: false, fieldErrors: { code: ["adminOrg.codeTaken"] } });

    const created = await run(createUnitSpec, { kind: "TOWNSHIP", parentId: String(tiedong.id), code: "210302901", nameZh: "新兴街道", nameEn: "" });
    expect(created).toMatchObject({ ok: true });
    expect(await unitByCode("210302901")).toMatchObject({ statCode: "210302901", kind: "TOWNSHIP", townshipType: "SUBDISTRICT", isReporting: false, parentId: tiedong.id, nameEn: null });
  });

  it("renames with a reason, keeping the old name in the unit's history and the audit log", async () => {
    const zone = (await unitByCode("DZ-ECONOMIC"))!;
    const since = await lastAuditId();
    const result = await run(renameUnitSpec, { id: String(zone.id), nameZh: "鞍山经济技术开发区管委会", nameEn: zone.nameEn, reason: "按市编委批复更名" });
    expect(result).toMatchObject({ ok: true });
    expect((await unitByCode("DZ-ECONOMIC"))?.nameZh).toBe("鞍山经济技术开发区管委会");

    const history = await getUnitHistory(sysadmin, testContext(), zone.id);
    expect(history?.history[0]).toMatchObject({
      reason: "按市编委批复更名",
      changes: { nameZh: { before: "鞍山经济开发区管委会", after: "鞍山经济技术开发区管委会" } },
      actor: { username: "sysadmin" },
    });
    expect(Object.keys(history!.history[0]!.changes)).toEqual(["nameZh"]);
    const [row] = await auditRowsSince(since);
    expect(row).toMatchObject({ action: "unit.rename", outcome: "SUCCESS", targetId: String(zone.id), unitId: zone.id });
    expect(row?.changes).toMatchObject({ nameZh: { before: "鞍山经济开发区管委会", after: "鞍山经济技术开发区管委会" }, reason: "按市编委批复更名" });
  });

  it("changes a township's type with its name (撤镇设街)", async () => {
    const town = (await db().unit.findFirst({ where: { kind: "TOWNSHIP", townshipType: "TOWN" } }))!;
    const renamed = town.nameZh.replace(/镇$/, "街道");
    expect(await run(renameUnitSpec, { id: town.id, nameZh: renamed, reason: "撤镇设街道" })).toMatchObject({ ok: true });
    expect(await db().unit.findUnique({ where: { id: town.id } })).toMatchObject({ nameZh: renamed, townshipType: "SUBDISTRICT" });
  });

  it("needs a reason, and refuses a rename that changes nothing", async () => {
    const zone = (await unitByCode("DZ-HITECH"))!;
    const before = await snapshot();
    const noReason = await run(renameUnitSpec, { id: zone.id, nameZh: "别的名字", nameEn: zone.nameEn, reason: "  " });
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["adminOrg.reasonRequired"] } });
    const same = await run(renameUnitSpec, { id: zone.id, nameZh: zone.nameZh, nameEn: zone.nameEn, reason: "没有变化" });
    expect(same).toMatchObject({ ok: false, fieldErrors: { nameZh: ["adminOrg.nothingChanged"] } });
    expect(await snapshot()).toBe(before);
  });

  it("refuses to deactivate a unit that still has active users", async () => {
    const tiedong = (await unitByCode("210302"))!;
    const activeUsers = await db().user.count({ where: { unitId: tiedong.id, active: true } });
    expect(activeUsers).toBeGreaterThan(0);
    const before = await snapshot();
    const result = await run(deactivateUnitSpec, { id: tiedong.id, reason: "测试停用" });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "adminOrg.unitHasActiveUsers" });
    expect(await snapshot()).toBe(before);
    expect((await getUnitHistory(sysadmin, testContext(), tiedong.id))?.activeUsers).toBe(activeUsers);
  });

  it("deactivates and reactivates a unit, which stays in the tree and its history", async () => {
    const zone = (await unitByCode("DZ-HITECH"))!;
    expect(await run(deactivateUnitSpec, { id: zone.id })).toMatchObject({ ok: false, fieldErrors: { reason: ["adminOrg.reasonRequired"] } });
    expect(await run(deactivateUnitSpec, { id: zone.id, reason: "管委会撤销" })).toMatchObject({ ok: true });
    expect((await unitByCode("DZ-HITECH"))?.active).toBe(false);
    expect((await listUnitsForAdmin(sysadmin, testContext())).find((u) => u.code === "DZ-HITECH")).toMatchObject({ active: false });
    expect(await run(deactivateUnitSpec, { id: zone.id, reason: "再次停用" })).toMatchObject({ ok: false, messageKey: "adminOrg.alreadyInactive" });

    expect(await run(reactivateUnitSpec, { id: zone.id, reason: "管委会恢复设立" })).toMatchObject({ ok: true });
    const history = await getUnitHistory(sysadmin, testContext(), zone.id);
    expect(history?.history.slice(0, 2).map((h) => [h.changes.active, h.reason])).toEqual([
      [{ before: false, after: true }, "管委会恢复设立"],
      [{ before: true, after: false }, "管委会撤销"],
    ]);
  });

  it("reports a missing record as not found", async () => {
    expect(await run(renameUnitSpec, { id: 999_999, nameZh: "无", reason: "不存在的单位" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(createUnitSpec, { kind: "TOWNSHIP", parentId: 999_999, code: "210302902", nameZh: "无" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await getUnitHistory(sysadmin, testContext(), 999_999)).toBeNull();
  });
});

describe("departments", () => {
  it("creates a department with aliases; a taken code is a field error", async () => {
    const result = await run(createDepartmentSpec, {
      code: "health",
      nameZh: "卫生健康部门",
      nameEn: "Health departments",
      kind: "GOVERNMENT_DEPARTMENT",
      aliasesZh: "卫生健康部门，卫健、卫生部门, 卫健",
    });
    expect(result).toMatchObject({ ok: true });
    const health = await db().department.findUniqueOrThrow({ where: { code: "HEALTH" } });
    expect(health.aliasesZh).toEqual(["卫生健康部门", "卫健", "卫生部门"]);

    const count = await db().department.count();
    const duplicate = await run(createDepartmentSpec, { code: "FINANCE", nameZh: "财政", nameEn: "Finance", kind: "GOVERNMENT_DEPARTMENT", aliasesZh: "" });
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { code: ["adminOrg.codeTaken"] } });
    const badCode = await run(createDepartmentSpec, { code: "Finance Bureau", nameZh: "财政", nameEn: "Finance", kind: "GOVERNMENT_DEPARTMENT" });
    expect(badCode).toMatchObject({ ok: false, fieldErrors: { code: ["adminOrg.departmentCodeFormat"] } });
    expect(await db().department.count()).toBe(count);
  });

  it("renames with history, and refuses to deactivate a department with active users", async () => {
    const finance = await db().department.findUniqueOrThrow({ where: { code: "FINANCE" } });
    const since = await lastAuditId();
    expect(
      await run(renameDepartmentSpec, { id: finance.id, nameZh: "财政部门", nameEn: "Finance bureaus", aliasesZh: finance.aliasesZh.join("，"), reason: "统一英文译名" }),
    ).toMatchObject({ ok: true });
    const history = await getDepartmentHistory(sysadmin, testContext(), finance.id);
    expect(history?.history[0]).toMatchObject({ reason: "统一英文译名", changes: { nameEn: { before: "Finance departments", after: "Finance bureaus" } } });
    expect(await auditRowsSince(since)).toMatchObject([{ action: "department.rename", outcome: "SUCCESS", targetType: "Department" }]);

    const before = await snapshot();
    expect(await run(deactivateDepartmentSpec, { id: finance.id, reason: "测试停用" })).toMatchObject({ ok: false, messageKey: "adminOrg.departmentHasActiveUsers" });
    expect(await snapshot()).toBe(before);
  });

  it("deactivates a department without users: it leaves the public list but keeps its duties", async () => {
    const justice = await db().department.findUniqueOrThrow({ where: { code: "JUSTICE" }, select: { id: true, _count: { select: { duties: true } } } });
    expect(await run(deactivateDepartmentSpec, { id: justice.id, reason: "职责划转" })).toMatchObject({ ok: true });
    expect(await db().duty.count({ where: { departmentId: justice.id } })).toBe(justice._count.duties);
    expect(await run(reactivateDepartmentSpec, { id: justice.id, reason: "恢复" })).toMatchObject({ ok: true });
    expect((await getDepartmentHistory(sysadmin, testContext(), justice.id))?.history.map((h) => h.reason)).toEqual(["恢复", "职责划转"]);
  });
});

describe("measure text", () => {
  it("enters the text of measure 3 with a reason and its source, shown publicly", async () => {
    const m3 = await measureRow(3);
    const input = { id: m3.id, titleZh: "推进学校标准化建设", text: "推进县域内城乡义务教育学校标准化建设。\n\n第二段保持分段。", reason: "补录第3条原文" };
    const noSource = await run(reviseMeasureSpec, input);
    expect(noSource).toMatchObject({ ok: false, fieldErrors: { sourceDescription: ["adminPolicy.sourceRequired"] } });
    expect((await measureRow(3)).textStatus).toBe("NOT_ENTERED");

    const since = await lastAuditId();
    const result = await run(reviseMeasureSpec, { ...input, text: input.text.replace(/\n/g, "\r\n"), sourceDescription: "据市政府办公室提供的正式文本录入" });
    expect(result).toMatchObject({ ok: true });

    const published = await getMeasure("3");
    expect(published).toMatchObject({ textStatus: "ENTERED_BY_STAFF", titleZh: "推进学校标准化建设", text: input.text, paragraph: null });
    expect(published?.revisions).toHaveLength(1);
    expect(published?.revisions[0]?.reason).toBe("补录第3条原文（据市政府办公室提供的正式文本录入）");
    const overview = await getOpinionOverview();
    expect(overview?.measures.find((m) => m.kind === "MEASURE" && m.number === 3)?.textStatus).toBe("ENTERED_BY_STAFF");
    expect(await auditRowsSince(since)).toMatchObject([{ action: "measure.revise", outcome: "SUCCESS", targetType: "Measure", targetId: String(m3.id) }]);

    // a later correction needs no source description
    expect(await run(reviseMeasureSpec, { id: m3.id, titleZh: input.titleZh, text: "推进县域内城乡义务教育学校标准化建设。", reason: "删除误录的第二段" })).toMatchObject({ ok: true });
    expect((await getMeasure("3"))?.revisions.map((r) => r.reason)).toEqual(["删除误录的第二段", "补录第3条原文（据市政府办公室提供的正式文本录入）"]);
  });

  it("revises measure 20 and keeps its imported text and the duties' source offsets", async () => {
    const original = await measureRow(20);
    const document = await db().policyDocument.findUniqueOrThrow({ where: { id: original.documentId } });
    const result = await run(reviseMeasureSpec, {
      id: original.id,
      titleZh: original.titleZh,
      text: `${original.text}\n（注：据原件核对，标点已更正。）`,
      reason: "据原件核对更正标点",
      basedOn: original.updatedAt.toISOString(),
    });
    expect(result).toMatchObject({ ok: true });

    const admin = await getMeasureForAdmin(sysadmin, testContext(), original.id);
    const kept = admin?.revisions.find((r) => r.textStatus === "FROM_SOURCE");
    expect(kept).toMatchObject({ reason: ORIGINAL_TEXT_REASON, titleZh: original.titleZh, text: original.text, revisedBy: null });
    expect(admin?.revisions.map((r) => r.textStatus)).toEqual(["ENTERED_BY_STAFF", "FROM_SOURCE"]);

    const revised = await measureRow(20);
    expect(revised).toMatchObject({ textStatus: "ENTERED_BY_STAFF", sourceStart: original.sourceStart, sourceEnd: original.sourceEnd });
    expect((await db().policyDocument.findUniqueOrThrow({ where: { id: document.id } })).sourceText).toBe(document.sourceText);
    const duties = await db().duty.findMany({ where: { measureId: original.id } });
    expect(duties.length).toBeGreaterThan(0);
    for (const duty of duties) expect(document.sourceText.slice(duty.sourceStart, duty.sourceEnd)).toBe(duty.sourceQuote);

    const published = await getMeasure("20");
    expect(published?.text).toContain("标点已更正");
    expect(published?.paragraph).toBeNull();
    expect(published?.revisions.map((r) => r.reason)).toEqual(["据原件核对更正标点"]);

    // a second revision keeps one copy of the original, and a stale form is refused
    expect(await run(reviseMeasureSpec, { id: original.id, titleZh: original.titleZh, text: original.text, reason: "撤回注释，恢复原文" })).toMatchObject({ ok: true });
    expect(await db().measureRevision.count({ where: { measureId: original.id, textStatus: "FROM_SOURCE" } })).toBe(1);
    const stale = await run(reviseMeasureSpec, { id: original.id, titleZh: "x", text: "y", reason: "基于旧页面的修改", basedOn: original.updatedAt.toISOString() });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "adminPolicy.changedMeanwhile" });
  });

  it("changes nothing without a reason, or with too long a text", async () => {
    const m21 = await measureRow(21);
    const before = await snapshot();
    const noReason = await run(reviseMeasureSpec, { id: m21.id, titleZh: "新标题", text: "新的正文。" });
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["adminPolicy.reasonRequired"] } });
    const shortReason = await run(reviseMeasureSpec, { id: m21.id, titleZh: "新标题", text: "新的正文。", reason: "更正" });
    expect(shortReason).toMatchObject({ ok: false, fieldErrors: { reason: ["adminPolicy.reasonTooShort"] } });
    const tooLong = await run(reviseMeasureSpec, { id: m21.id, titleZh: "标".repeat(101), text: "字".repeat(5001), reason: "足够长的理由" });
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { titleZh: ["adminPolicy.titleTooLong"], text: ["adminPolicy.textTooLong"] } });
    expect(await snapshot()).toBe(before);
  });

  it("lists measures with their text status for the admin page", async () => {
    const list = await listMeasuresForAdmin(sysadmin, testContext());
    expect(list.find((m) => m.kind === "MEASURE" && m.number === 1)).toMatchObject({ textStatus: "NOT_ENTERED", revisionCount: 0, lastRevisedAt: null });
    expect(list.find((m) => m.kind === "MEASURE" && m.number === 20)).toMatchObject({ textStatus: "ENTERED_BY_STAFF", revisionCount: 2 });
  });
});

describe("every role but the system administrator", () => {
  const others: Role[] = ["DISTRICT_ADMIN", "DEPARTMENT_OFFICER", "BUREAU_STAFF", "BUREAU_LEADER", "SECURITY_ADMIN", "AUDIT_ADMIN"];

  it("is refused every action, with no row changed and a DENIED audit row", async () => {
    const [tiedong, zone, finance, m5, m16] = await Promise.all([
      unitByCode("210302"),
      unitByCode("DZ-HITECH"),
      db().department.findUniqueOrThrow({ where: { code: "FINANCE" } }),
      measureRow(5),
      measureRow(16),
    ]);
    const inactive = await db().department.create({ data: { code: "RETIRED_BODY", nameZh: "已撤销机构", nameEn: "Retired body", kind: "GOVERNMENT_DEPARTMENT", active: false } });
    const calls: [ActionSpec, Record<string, unknown>][] = [
      [createUnitSpec as ActionSpec, { kind: "DEVELOPMENT_ZONE", code: "DZ-DENIED", nameZh: "拒绝", nameEn: "Denied" }],
      [createUnitSpec as ActionSpec, { kind: "TOWNSHIP", parentId: tiedong!.id, code: "210302950", nameZh: "拒绝街道" }],
      [renameUnitSpec as ActionSpec, { id: tiedong!.id, nameZh: "改名", reason: "越权改名" }],
      [deactivateUnitSpec as ActionSpec, { id: zone!.id, reason: "越权停用" }],
      [reactivateUnitSpec as ActionSpec, { id: zone!.id, reason: "越权启用" }],
      [createDepartmentSpec as ActionSpec, { code: "DENIED", nameZh: "拒绝", nameEn: "Denied", kind: "GOVERNMENT_DEPARTMENT" }],
      [renameDepartmentSpec as ActionSpec, { id: finance.id, nameZh: "改名", nameEn: "Renamed", reason: "越权改名" }],
      [deactivateDepartmentSpec as ActionSpec, { id: finance.id, reason: "越权停用" }],
      [reactivateDepartmentSpec as ActionSpec, { id: inactive.id, reason: "越权启用" }],
      [reviseMeasureSpec as ActionSpec, { id: m5.id, titleZh: "越权", text: "越权录入。", reason: "越权录入原文", sourceDescription: "无" }],
      [reviseMeasureSpec as ActionSpec, { id: m16.id, titleZh: "越权", text: "越权修改。", reason: "越权修改原文" }],
    ];
    for (const role of others) {
      const actor = await actorFor(DEMO_USER_BY_ROLE[role]);
      for (const [spec, input] of calls) {
        const before = await snapshot();
        const since = await lastAuditId();
        const result = await executeAction(spec, actor, testContext(), input);
        const label = `${spec.name} as ${role}`;
        expect(result, label).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(await snapshot(), label).toBe(before);
        const rows = await auditRowsSince(since);
        expect(rows, label).toMatchObject([{ outcome: "DENIED", action: `authz.denied:${spec.permission}`, actorName: actor.username }]);
      }
      // the admin pages' data is refused too
      await expect(listUnitsForAdmin(actor, testContext())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listDepartmentsForAdmin(actor, testContext())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listMeasuresForAdmin(actor, testContext())).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // a missing record is still "forbidden" to a role without the permission
    const officer = await actorFor("finance.officer");
    expect(await executeAction(renameUnitSpec as ActionSpec, officer, testContext(), { id: 999_999, nameZh: "无", reason: "不存在的单位" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a signed-out caller", async () => {
    const before = await snapshot();
    const result = await executeAction(createUnitSpec as ActionSpec, null, testContext(), { kind: "DEVELOPMENT_ZONE", code: "DZ-ANON", nameZh: "匿名", nameEn: "Anonymous" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toBe(before);
  });
});

