// Evidence storage on a real S3-compatible server (s3rver over HTTP, see tests/support/s3-test-server.ts):
// the S3 store is held to the same contract as the local disk, then the upload, download and
// delete actions run end to end with EVIDENCE_STORE=s3.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { executeAction } from "@/server/actions/define-action";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { deleteEvidenceSpec, uploadEvidenceSpec } from "@/server/evidence/actions";
import { evidenceDownload } from "@/server/evidence/download";
import { S3Storage, type S3Settings } from "@/server/evidence/s3-storage";
import { LocalDiskStorage, newStorageKey, type EvidenceStorage } from "@/server/evidence/storage";
import { logger } from "@/server/logger";
import { actorFor, testContext } from "../support/actors";
import { S3RVER_CREDENTIALS, startS3TestServer, type S3TestServer } from "../support/s3-test-server";
import { freshReport } from "../fixtures/evidence/records";
import { asFile, validSamples } from "../fixtures/evidence/samples";

let server: S3TestServer;
/** An independent view into the bucket, not the client the store under test uses. */
let witness: S3Client;
let localRoot: string;

beforeAll(async () => {
  server = await startS3TestServer();
  witness = new S3Client({
    region: "us-east-1",
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  localRoot = await mkdtemp(path.join(tmpdir(), "evidence-contract-"));
});

afterAll(async () => {
  witness?.destroy();
  await server?.stop();
  if (localRoot) await rm(localRoot, { recursive: true, force: true });
});

const settings = (overrides: Partial<S3Settings> = {}): S3Settings => ({
  bucket: server.bucket,
  prefix: "contract/",
  endpoint: server.endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { ...S3RVER_CREDENTIALS },
  ...overrides,
});

async function objectKeys(prefix: string): Promise<string[]> {
  const listed = await witness.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key ?? "").sort();
}

async function objectBytes(key: string): Promise<Buffer> {
  const object = await witness.send(new GetObjectCommand({ Bucket: server.bucket, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat().sort();
}

type Backend = {
  name: string;
  storage: () => EvidenceStorage;
  /** Changes whenever the store touched its disk or network. */
  activity: () => Promise<string>;
};

const backends: Backend[] = [
  { name: "LocalDiskStorage", storage: () => new LocalDiskStorage(localRoot), activity: async () => JSON.stringify(await filesUnder(localRoot)) },
  { name: "S3Storage on s3rver", storage: () => new S3Storage(settings()), activity: async () => String(server.requests.length) },
];

describe.each(backends)("$name keeps the evidence storage contract", ({ storage, activity }) => {
  it("returns exactly the bytes it was given, small and 5 MB", async () => {
    const store = storage();
    const small = randomBytes(1);
    const large = randomBytes(5 * 1024 * 1024);
    const [smallKey, largeKey] = [newStorageKey(), newStorageKey()];
    await store.put(smallKey, small);
    await store.put(largeKey, new Uint8Array(large));
    expect(await store.get(smallKey)).toEqual(small);
    const back = await store.get(largeKey);
    expect(back?.length).toBe(large.length);
    expect(back?.equals(large)).toBe(true);
  });

  it("answers null for a key that was never stored", async () => {
    expect(await storage().get(newStorageKey())).toBeNull();
  });

  it("deletes: the key then reads as null, another key is untouched, and a second delete does not fail", async () => {
    const store = storage();
    const [gone, kept] = [newStorageKey(), newStorageKey()];
    await store.put(gone, Buffer.from("to be removed"));
    await store.put(kept, Buffer.from("to be kept"));
    await store.delete(gone);
    expect(await store.get(gone)).toBeNull();
    expect(await store.get(kept)).toEqual(Buffer.from("to be kept"));
    await expect(store.delete(gone)).resolves.toBeUndefined();
  });

  it("does not fail deleting a key that was never stored", async () => {
    await expect(storage().delete(newStorageKey())).resolves.toBeUndefined();
  });

  it("refuses a malformed key before touching disk or network", async () => {
    const store = storage();
    const before = await activity();
    const hex = newStorageKey();
    for (const key of ["", "../../etc/passwd", hex.toUpperCase(), hex.slice(1), `${hex}0`, `${hex.slice(2)}/x`, `${hex}\n`, `../${hex.slice(3)}`]) {
      await expect(store.put(key, Buffer.from("x")), JSON.stringify(key)).rejects.toThrow("invalid storage key");
      await expect(store.get(key), JSON.stringify(key)).rejects.toThrow("invalid storage key");
      await expect(store.delete(key), JSON.stringify(key)).rejects.toThrow("invalid storage key");
    }
    expect(await activity()).toBe(before);
  });
});

describe("S3Storage on s3rver", () => {
  it("stores one object per key under the prefix, sent with its length and without checksum headers or chunked framing", async () => {
    const store = new S3Storage(settings({ prefix: "layout/" }));
    const key = newStorageKey();
    const bytes = randomBytes(70_000);
    const from = server.requests.length;
    await store.put(key, bytes);
    expect(await objectKeys("layout/")).toEqual([`layout/${key}`]);
    expect(await objectBytes(`layout/${key}`)).toEqual(bytes);
    const head = await witness.send(new HeadObjectCommand({ Bucket: server.bucket, Key: `layout/${key}` }));
    expect(head.ContentLength).toBe(bytes.length);

    const [put] = server.requests.slice(from).filter((r) => r.method === "PUT");
    expect(put?.url).toMatch(new RegExp(`^/${server.bucket}/layout/${key}(\\?|$)`));
    expect(put?.headers["content-length"]).toBe(String(bytes.length));
    expect(put?.headers["content-encoding"] ?? "").not.toMatch(/aws-chunked/);
    expect(Object.keys(put?.headers ?? {}).filter((h) => /^x-amz-(sdk-)?checksum|^x-amz-trailer/.test(h))).toEqual([]);
  });

  it("refuses an unknown access key: the put rejects and nothing is stored", async () => {
    const store = new S3Storage(settings({ prefix: "wrong-key/", credentials: { accessKeyId: "NOT-S3RVER", secretAccessKey: S3RVER_CREDENTIALS.secretAccessKey } }));
    const key = newStorageKey();
    await expect(store.put(key, Buffer.from("secret"))).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
    await expect(store.get(key)).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
    expect(await objectKeys("wrong-key/")).toEqual([]);
  });

  it("refuses a wrong secret: the put rejects, nothing is stored, and a read fails instead of answering 'missing'", async () => {
    const right = new S3Storage(settings({ prefix: "wrong-secret/" }));
    const wrong = new S3Storage(settings({ prefix: "wrong-secret/", credentials: { accessKeyId: S3RVER_CREDENTIALS.accessKeyId, secretAccessKey: "not-the-secret" } }));
    const key = newStorageKey();
    await expect(wrong.put(key, Buffer.from("secret"))).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    expect(await objectKeys("wrong-secret/")).toEqual([]);

    await right.put(key, Buffer.from("secret"));
    await expect(wrong.get(key)).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    await expect(wrong.delete(key)).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    expect(await right.get(key)).toEqual(Buffer.from("secret"));
  });

  it("reports a bucket that does not exist as an error, never as a missing file", async () => {
    const store = new S3Storage(settings({ bucket: "no-such-bucket" }));
    const key = newStorageKey();
    await expect(store.put(key, Buffer.from("x"))).rejects.toMatchObject({ name: "NoSuchBucket" });
    await expect(store.get(key)).rejects.toMatchObject({ name: "NoSuchBucket" });
    await expect(store.delete(key)).rejects.toMatchObject({ name: "NoSuchBucket" });
  });
});

describe("evidence actions with EVIDENCE_STORE=s3", () => {
  const PREFIX = "portal/evidence/";
  const VARIABLES = ["EVIDENCE_STORE", "STORAGE_DIR", "S3_ENDPOINT", "S3_REGION", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "S3_PREFIX"];
  const original = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  let tiedong: Actor;
  let emptyDisk: string;

  beforeAll(async () => {
    tiedong = await actorFor("tiedong.admin");
    emptyDisk = await mkdtemp(path.join(tmpdir(), "evidence-s3-local-"));
  });

  afterEach(() => {
    for (const name of VARIABLES) {
      if (original[name] === undefined) delete process.env[name];
      else process.env[name] = original[name];
    }
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    if (emptyDisk) await rm(emptyDisk, { recursive: true, force: true });
  });

  /** The configuration an operator would write, pointed at the test server; the local folder must stay empty. */
  function useS3() {
    Object.assign(process.env, {
      EVIDENCE_STORE: "s3",
      STORAGE_DIR: emptyDisk,
      S3_ENDPOINT: server.endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: server.bucket,
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      S3_PREFIX: "portal/evidence",
    });
  }

  const upload = (reportId: number, file: File) => executeAction(uploadEvidenceSpec, tiedong, testContext(), { reportId: String(reportId), file });

  it("uploads into the bucket under the row's key, downloads the same bytes, and deletion removes the object", async () => {
    useS3();
    const report = await freshReport(tiedong, "own");
    const sample = validSamples().find((s) => s.mimeType === "application/pdf")!;
    const uploaded = await upload(report.id, asFile(sample.bytes, sample.name));
    if (!uploaded.ok) throw new Error(uploaded.messageKey);
    const row = await db().attachment.findUniqueOrThrow({ where: { id: uploaded.data.id }, select: { storageKey: true, sizeBytes: true } });

    expect(await objectKeys(PREFIX)).toEqual([`${PREFIX}${row.storageKey}`]);
    expect(await objectBytes(`${PREFIX}${row.storageKey}`)).toEqual(sample.bytes);
    expect(row.sizeBytes).toBe(sample.bytes.length);
    expect(await filesUnder(emptyDisk)).toEqual([]);

    const response = await evidenceDownload(tiedong, testContext(), String(uploaded.data.id));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sample.bytes);

    expect(await executeAction(deleteEvidenceSpec, tiedong, testContext(), { id: String(uploaded.data.id) })).toMatchObject({ ok: true });
    expect(await objectKeys(PREFIX)).toEqual([]);
    expect((await evidenceDownload(tiedong, testContext(), String(uploaded.data.id))).status).toBe(404);
  });

  it("removes the object again when the report is locked while the upload is under way", async () => {
    useS3();
    const report = await freshReport(tiedong, "own");
    const sample = validSamples()[0]!;
    const before = await objectKeys(PREFIX);
    let pending: ReturnType<typeof upload> | undefined;
    // As in evidence-files.test.ts: a submission holds the report row, the upload's object is
    // written, its transaction then finds the report locked and must take the object back.
    await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`UPDATE "Report" SET status = 'SUBMITTED' WHERE id = ${report.id}`;
        pending = upload(report.id, asFile(sample.bytes, sample.name));
        for (let i = 0; i < 200 && (await objectKeys(PREFIX)).length === before.length; i++) await new Promise((r) => setTimeout(r, 25));
        expect((await objectKeys(PREFIX)).length).toBe(before.length + 1);
      },
      { timeout: 20_000 },
    );
    expect(await pending).toMatchObject({ ok: false, code: "CONFLICT", messageKey: "evidence.reportLocked" });
    expect(await db().attachment.count({ where: { reportId: report.id } })).toBe(0);
    expect(await objectKeys(PREFIX)).toEqual(before);
  });

  it("fails an upload loudly when EVIDENCE_STORE=s3 has no bucket, naming the variable and storing nothing", async () => {
    useS3();
    delete process.env.S3_BUCKET;
    // the portal's log stream (every request's logger writes to it), held instead of written out
    const stream = (logger as unknown as Record<symbol, { write: (line: string) => void }>)[pino.symbols.streamSym]!;
    const written = vi.spyOn(stream, "write").mockImplementation(() => {});
    const report = await freshReport(tiedong, "own");
    const sample = validSamples()[0]!;
    expect(await upload(report.id, asFile(sample.bytes, sample.name))).toMatchObject({ ok: false, code: "UNEXPECTED" });
    const lines = written.mock.calls.map(([line]) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "error", msg: "action failed", action: "evidence.upload", requestId: expect.any(String), err: expect.objectContaining({ message: expect.stringMatching(/S3_BUCKET is not set/) }) }),
    );
    expect(await db().attachment.count({ where: { reportId: report.id } })).toBe(0);
    expect(await filesUnder(emptyDisk)).toEqual([]);
  });
});
