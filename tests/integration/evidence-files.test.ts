import { readdir, rm, truncate, writeFile } from "node:fs/promises";
import { openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { deleteEvidenceSpec, setEvidenceVisibilitySpec, uploadEvidenceSpec } from "@/server/evidence/actions";
import { evidenceDownload } from "@/server/evidence/download";
import { listEvidence } from "@/server/evidence/queries";
import { MAX_EVIDENCE_BYTES } from "@/server/evidence/inspect";
import { actorFor, auditRowsSince, lastAuditId, testContext } from "../support/actors";
import { freshReport, temporaryStorage } from "../fixtures/evidence/records";
import { asFile, badSamples, validSamples } from "../fixtures/evidence/samples";

const storageRoot = temporaryStorage();

async function storedFiles(dir = storageRoot): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? storedFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat().sort();
}

const attachmentsOf = (reportId: number) => db().attachment.findMany({ where: { reportId }, orderBy: { id: "asc" } });

let tiedong: Actor;
let bureau: Actor;
let leader: Actor;
let finance: Actor;
let otherUnitAdmin: Actor;

beforeAll(async () => {
  [tiedong, bureau, leader, finance] = await Promise.all([actorFor("tiedong.admin"), actorFor("bureau.staff"), actorFor("bureau.leader"), actorFor("finance.officer")]);
  const otherUnit = await db().unit.findFirstOrThrow({ where: { isReporting: true, id: { not: tiedong.unitId! } }, select: { id: true } });
  await db().user.create({ data: { username: "evidence.other", displayName: "另一区管理员", role: "DISTRICT_ADMIN", unitId: otherUnit.id, passwordHash: "x", mustChangePassword: false } });
  otherUnitAdmin = await actorFor("evidence.other");
});

afterAll(async () => {
  await rm(storageRoot, { recursive: true, force: true });
});

const upload = (actor: Actor | null, reportId: number, file: File, reportItemId?: number) =>
  executeAction(uploadEvidenceSpec, actor, testContext(), { reportId: String(reportId), file, ...(reportItemId ? { reportItemId: String(reportItemId) } : {}) });

async function body(response: Response) {
  return Buffer.from(await response.arrayBuffer());
}

describe("evidence uploads", () => {
  it("refuses every malicious or malformed sample with its reason, storing nothing", async () => {
    const report = await freshReport(tiedong, "own");
    const before = await storedFiles();
    const samples = badSamples();
    expect(samples.length).toBeGreaterThanOrEqual(30);
    const outcomes: string[] = [];
    for (const sample of samples) {
      const result = await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
      outcomes.push(`${sample.label}: ${result.ok ? "STORED" : `${result.code} ${result.messageKey} ${JSON.stringify(result.fieldErrors)}`}`);
    }
    expect(outcomes).toEqual(samples.map((s) => `${s.label}: VALIDATION evidence.reason.${s.reason} {"file":["evidence.reason.${s.reason}"]}`));
    expect(await attachmentsOf(report.id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it("refuses a file over 20 MB from its size alone (a sparse file, never read)", async () => {
    const report = await freshReport(tiedong, "own");
    const sparse = path.join(tmpdir(), `evidence-sparse-${process.pid}.pdf`);
    await writeFile(sparse, "");
    await truncate(sparse, MAX_EVIDENCE_BYTES + 1);
    const file = new File([await openAsBlob(sparse)], "scan.pdf", { type: "application/pdf" });
    await rm(sparse); // the Blob keeps the open file
    const since = await lastAuditId();
    const result = await upload(tiedong, report.id, file);
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", messageKey: "evidence.reason.tooLarge" });
    expect(await attachmentsOf(report.id)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
    // the refusal is on record
    expect((await auditRowsSince(since)).map((r) => [r.action, r.outcome, (r.changes as { reason: string }).reason])).toEqual([["evidence.upload", "FAILURE", "tooLarge"]]);
  });

  it("stores each allowed kind under a random name with its SHA-256, audited in the same transaction", async () => {
    const report = await freshReport(tiedong, "own");
    for (const sample of validSamples()) {
      const since = await lastAuditId();
      const result = await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
      if (!result.ok) throw new Error(`${sample.label}: ${result.messageKey}`);
      const row = await db().attachment.findUniqueOrThrow({ where: { id: result.data.id } });
      expect(row).toMatchObject({ originalName: sample.name, mimeType: sample.mimeType, sizeBytes: sample.bytes.length, visibility: "INTERNAL", uploadedById: tiedong.userId, deletedAt: null });
      expect(row.sha256).toBe(result.data.sha256);
      expect(row.storageKey).toMatch(/^[0-9a-f]{64}$/);
      expect(await storedFiles()).toContain(path.join(storageRoot, row.storageKey.slice(0, 2), row.storageKey));
      const audit = await auditRowsSince(since);
      expect(audit.map((r) => [r.action, r.outcome, r.targetType, r.targetId])).toEqual([["evidence.upload", "SUCCESS", "Attachment", String(row.id)]]);
    }
    expect(await storedFiles()).toHaveLength(validSamples().length);
  });

  it("serves a file to its unit and the bureau only, as a download that is never sniffed or cached", async () => {
    const report = await freshReport(tiedong, "own");
    const sample = validSamples().find((s) => s.mimeType === "application/pdf")!;
    const result = await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
    if (!result.ok) throw new Error(result.messageKey);
    const id = String(result.data.id);

    for (const reader of [tiedong, bureau, leader]) {
      const response = await evidenceDownload(reader, testContext(), id);
      expect(response.status, reader.username).toBe(200);
      expect(await body(response)).toEqual(sample.bytes);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="2024______.pdf"; filename*=UTF-8''${encodeURIComponent(sample.name)}`);
    }
    for (const outsider of [otherUnitAdmin, finance, null]) {
      const response = await evidenceDownload(outsider, testContext(), id);
      expect(response.status, outsider?.username ?? "anonymous").toBe(404);
      expect((await body(response)).includes(Buffer.from("%PDF"))).toBe(false);
    }
    expect((await evidenceDownload(tiedong, testContext(), "999999")).status).toBe(404);
    expect((await evidenceDownload(tiedong, testContext(), "../etc/passwd")).status).toBe(404);
  });

  it("lists a report's files for its readers, and nothing for another unit", async () => {
    const report = await freshReport(tiedong, "own");
    const sample = validSamples()[0]!;
    await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
    const mine = await listEvidence(tiedong, testContext(), report.id);
    expect(mine).toMatchObject({ canEdit: true, files: [{ originalName: sample.name, visibility: "INTERNAL", uploadedBy: tiedong.displayName }] });
    expect(await listEvidence(bureau, testContext(), report.id)).toMatchObject({ canEdit: false });
    expect(await listEvidence(otherUnitAdmin, testContext(), report.id)).toBeNull();
  });

  it("makes a PUBLIC file public only once the report is published", async () => {
    const report = await freshReport(tiedong, "own");
    const sample = validSamples().find((s) => s.mimeType === "image/png")!;
    const uploaded = await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
    if (!uploaded.ok) throw new Error(uploaded.messageKey);
    const id = String(uploaded.data.id);
    const since = await lastAuditId();
    expect(await executeAction(setEvidenceVisibilitySpec, tiedong, testContext(), { id, visibility: "PUBLIC" })).toMatchObject({ ok: true });
    expect((await auditRowsSince(since)).map((r) => [r.action, r.outcome])).toEqual([["evidence.set-visibility", "SUCCESS"]]);

    for (const status of ["DRAFT", "SUBMITTED", "APPROVED"] as const) {
      await db().report.update({ where: { id: report.id }, data: { status } });
      expect((await evidenceDownload(null, testContext(), id)).status, status).toBe(404);
      expect((await evidenceDownload(otherUnitAdmin, testContext(), id)).status, status).toBe(404);
    }
    await db().report.update({ where: { id: report.id }, data: { status: "PUBLISHED" } });
    const published = await evidenceDownload(null, testContext(), id);
    expect(published.status).toBe(200);
    expect(await body(published)).toEqual(sample.bytes);
    expect((await evidenceDownload(otherUnitAdmin, testContext(), id)).status).toBe(200);

    // an INTERNAL file of the same published report stays internal
    await db().report.update({ where: { id: report.id }, data: { status: "DRAFT" } });
    const internal = await upload(tiedong, report.id, asFile(sample.bytes, "internal.png"));
    if (!internal.ok) throw new Error(internal.messageKey);
    await db().report.update({ where: { id: report.id }, data: { status: "PUBLISHED" } });
    expect((await evidenceDownload(null, testContext(), String(internal.data.id))).status).toBe(404);
  });

  it("refuses uploads, deletions and visibility changes once the report is submitted or approved", async () => {
    const report = await freshReport(tiedong, "own");
    const sample = validSamples()[0]!;
    const uploaded = await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
    if (!uploaded.ok) throw new Error(uploaded.messageKey);
    const files = await storedFiles();
    for (const status of ["SUBMITTED", "APPROVED", "PUBLISHED"] as const) {
      await db().report.update({ where: { id: report.id }, data: { status } });
      expect(await upload(tiedong, report.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "evidence.reportLocked" });
      expect(await executeAction(deleteEvidenceSpec, tiedong, testContext(), { id: String(uploaded.data.id) })).toMatchObject({ ok: false, messageKey: "evidence.reportLocked" });
      expect(await executeAction(setEvidenceVisibilitySpec, tiedong, testContext(), { id: String(uploaded.data.id), visibility: "PUBLIC" })).toMatchObject({ ok: false, messageKey: "evidence.reportLocked" });
    }
    expect(await attachmentsOf(report.id)).toMatchObject([{ id: uploaded.data.id, deletedAt: null, visibility: "INTERNAL" }]);
    expect(await storedFiles()).toEqual(files);
  });

  it("removes the stored file when the report is locked while the upload is under way", async () => {
    const report = await freshReport(tiedong, "own");
    const sample = validSamples()[0]!;
    const before = await storedFiles();
    let pending: ReturnType<typeof upload> | undefined;
    // A submission holds the report row while the upload has passed its first check: the
    // upload's bytes are written, its transaction waits for the row, then finds it locked.
    await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`UPDATE "Report" SET status = 'SUBMITTED' WHERE id = ${report.id}`;
        pending = upload(tiedong, report.id, asFile(sample.bytes, sample.name));
        for (let i = 0; i < 200 && (await storedFiles()).length === before.length; i++) await new Promise((r) => setTimeout(r, 25));
        expect((await storedFiles()).length).toBe(before.length + 1);
      },
      { timeout: 20_000 },
    );
    expect(await pending).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "evidence.reportLocked" });
    expect(await attachmentsOf(report.id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it("deletes a file: the row is kept and marked, the bytes go, downloads stop", async () => {
    const report = await freshReport(tiedong, "own");
    const sample = validSamples()[0]!;
    const uploaded = await upload(tiedong, report.id, asFile(sample.bytes, sample.name));
    if (!uploaded.ok) throw new Error(uploaded.messageKey);
    const id = String(uploaded.data.id);
    const row = await db().attachment.findUniqueOrThrow({ where: { id: uploaded.data.id } });

    expect(await executeAction(deleteEvidenceSpec, otherUnitAdmin, testContext(), { id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await executeAction(deleteEvidenceSpec, bureau, testContext(), { id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await storedFiles()).toContain(path.join(storageRoot, row.storageKey.slice(0, 2), row.storageKey));

    const since = await lastAuditId();
    expect(await executeAction(deleteEvidenceSpec, tiedong, testContext(), { id })).toMatchObject({ ok: true });
    expect((await auditRowsSince(since)).map((r) => [r.action, r.outcome, r.targetId])).toEqual([["evidence.delete", "SUCCESS", id]]);
    expect((await db().attachment.findUniqueOrThrow({ where: { id: uploaded.data.id } })).deletedAt).not.toBeNull();
    expect(await storedFiles()).not.toContain(path.join(storageRoot, row.storageKey.slice(0, 2), row.storageKey));
    expect((await evidenceDownload(tiedong, testContext(), id)).status).toBe(404);
    expect(await executeAction(deleteEvidenceSpec, tiedong, testContext(), { id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("scopes uploads by the report row: another unit's report is not found, a department uploads to its own", async () => {
    const other = await freshReport(tiedong, "other");
    const sample = validSamples()[0]!;
    expect(await upload(tiedong, other.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await upload(null, other.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await upload(bureau, other.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await attachmentsOf(other.id)).toEqual([]);

    const departmentReport = await freshReport(finance, "own");
    expect(await upload(finance, departmentReport.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: true });
    expect(await upload(tiedong, departmentReport.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("ties a file to one of the report's own items only", async () => {
    const report = await freshReport(tiedong, "own");
    const other = await freshReport(tiedong, "other");
    const measure = await db().measure.findFirstOrThrow({ select: { id: true } });
    const item = await db().reportItem.create({ data: { reportId: report.id, measureId: measure.id }, select: { id: true } });
    const foreignItem = await db().reportItem.create({ data: { reportId: other.id, measureId: measure.id }, select: { id: true } });
    const sample = validSamples()[0]!;
    expect(await upload(tiedong, report.id, asFile(sample.bytes, sample.name), foreignItem.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await upload(tiedong, report.id, asFile(sample.bytes, sample.name), item.id)).toMatchObject({ ok: true });
    const listed = await listEvidence(tiedong, testContext(), report.id, measure.id);
    expect(listed?.files.map((f) => [f.reportItemId, f.measureId])).toEqual([[item.id, measure.id]]);
  });
});
