import path from "node:path";
import { describe, expect, it } from "vitest";
import { S3Storage, s3Client, s3Settings } from "@/server/evidence/s3-storage";
import { evidenceStorage, LocalDiskStorage } from "@/server/evidence/storage";

describe("evidence storage settings", () => {
  it("needs only a bucket for AWS itself, with the SDK's credential chain", () => {
    expect(s3Settings({ S3_BUCKET: "anshan-evidence" })).toEqual({
      bucket: "anshan-evidence",
      prefix: "",
      endpoint: null,
      region: "us-east-1",
      forcePathStyle: false,
      credentials: null,
    });
  });

  it("reads a self-hosted store's settings, and a prefix as a folder", () => {
    const settings = s3Settings({
      S3_BUCKET: "evidence",
      S3_ENDPOINT: "https://minio.jyj.example:9000",
      S3_REGION: "cn-north-1",
      S3_ACCESS_KEY_ID: "portal",
      S3_SECRET_ACCESS_KEY: "s3cret",
      S3_FORCE_PATH_STYLE: "true",
      S3_PREFIX: "portal/evidence",
    });
    expect(settings).toEqual({
      bucket: "evidence",
      prefix: "portal/evidence/",
      endpoint: "https://minio.jyj.example:9000",
      region: "cn-north-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "portal", secretAccessKey: "s3cret" },
    });
    expect(s3Settings({ S3_BUCKET: "evidence", S3_PREFIX: "/a//b/" }).prefix).toBe("a/b/");
    expect(s3Settings({ S3_BUCKET: "evidence", S3_FORCE_PATH_STYLE: "0" }).forcePathStyle).toBe(false);
  });

  it("treats an empty variable as unset", () => {
    expect(s3Settings({ S3_BUCKET: "evidence", S3_ENDPOINT: "", S3_PREFIX: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" })).toMatchObject({ endpoint: null, prefix: "", credentials: null });
  });

  it("names the variable that is missing or wrong", () => {
    expect(() => s3Settings({})).toThrow(/S3_BUCKET: S3_BUCKET is not set/);
    expect(() => s3Settings({ S3_BUCKET: "evidence", S3_ACCESS_KEY_ID: "portal" })).toThrow(/S3_SECRET_ACCESS_KEY is not set/);
    expect(() => s3Settings({ S3_BUCKET: "evidence", S3_SECRET_ACCESS_KEY: "s3cret" })).toThrow(/S3_ACCESS_KEY_ID is not set/);
    expect(() => s3Settings({ S3_BUCKET: "evidence", S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT must be an http/);
    expect(() => s3Settings({ S3_BUCKET: "evidence", S3_ENDPOINT: "ftp://minio" })).toThrow(/S3_ENDPOINT must be an http/);
    expect(() => s3Settings({ S3_BUCKET: "evidence", S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
    expect(() => s3Settings({ S3_BUCKET: "evidence/other" })).toThrow(/S3_BUCKET is not a bucket name/);
    for (const prefix of ["../escape", "a/../b", "a b", "./x"]) expect(() => s3Settings({ S3_BUCKET: "evidence", S3_PREFIX: prefix }), prefix).toThrow(/S3_PREFIX may hold/);
  });

  it("chooses local disk by default and S3 when asked, refusing anything else", () => {
    const local = evidenceStorage({ STORAGE_DIR: "/srv/portal/evidence" });
    expect(local).toBeInstanceOf(LocalDiskStorage);
    expect((local as LocalDiskStorage).root).toBe(path.resolve("/srv/portal/evidence"));
    expect(evidenceStorage({ EVIDENCE_STORE: "", STORAGE_DIR: "/x" })).toBeInstanceOf(LocalDiskStorage);
    expect(evidenceStorage({ EVIDENCE_STORE: "s3", S3_BUCKET: "evidence" })).toBeInstanceOf(S3Storage);
    expect(() => evidenceStorage({ EVIDENCE_STORE: "s3" })).toThrow(/S3_BUCKET is not set/);
    expect(() => evidenceStorage({ EVIDENCE_STORE: "gcs" })).toThrow(/EVIDENCE_STORE must be local or s3/);
  });

  it("builds one S3 client per distinct connection setting, not one per call", () => {
    const settings = s3Settings({ S3_BUCKET: "evidence", S3_ENDPOINT: "http://127.0.0.1:9", S3_ACCESS_KEY_ID: "a", S3_SECRET_ACCESS_KEY: "b" });
    expect(s3Client({ ...settings })).toBe(s3Client(settings));
    // the bucket and prefix are per request, not per connection
    expect(s3Client({ ...settings, bucket: "other", prefix: "p/" })).toBe(s3Client(settings));
    expect(s3Client({ ...settings, region: "cn-north-1" })).not.toBe(s3Client(settings));
    expect(s3Client({ ...settings, credentials: { accessKeyId: "a", secretAccessKey: "c" } })).not.toBe(s3Client(settings));
  });
});
