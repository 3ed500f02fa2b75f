import "server-only";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { z } from "zod";
import type { EvidenceStorage } from "./storage";
import { checkedStorageKey } from "./storage-key";

const flag = z.enum(["true", "false", "1", "0"], { error: "S3_FORCE_PATH_STYLE must be true or false" }).transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    S3_BUCKET: z
      .string({ error: "S3_BUCKET is not set: EVIDENCE_STORE=s3 needs the name of an existing private bucket" })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/, "S3_BUCKET is not a bucket name"),
    // Absent → AWS itself, the endpoint following from the region.
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http:// or https:// URL" }).optional(),
    S3_REGION: z.string().regex(/^[a-z0-9-]+$/, "S3_REGION must look like us-east-1").default("us-east-1"),
    // Absent → the SDK's default chain (environment, shared config, instance or task role).
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    // MinIO, Ceph and most self-hosted stores serve /bucket/key rather than bucket.host/key.
    S3_FORCE_PATH_STYLE: flag.default(false),
    // A folder inside the bucket, for a bucket shared with something else.
    S3_PREFIX: z
      .string()
      .regex(/^\/*([A-Za-z0-9_-][A-Za-z0-9._-]*\/+)*([A-Za-z0-9_-][A-Za-z0-9._-]*)?\/*$/, "S3_PREFIX may hold letters, digits, . _ - and / only")
      .transform((p) => p.split("/").filter(Boolean).map((segment) => `${segment}/`).join(""))
      .default(""),
  })
  .superRefine((s, ctx) => {
    if (s.S3_ACCESS_KEY_ID !== undefined && s.S3_SECRET_ACCESS_KEY === undefined)
      ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "S3_SECRET_ACCESS_KEY is not set, but S3_ACCESS_KEY_ID is" });
    if (s.S3_SECRET_ACCESS_KEY !== undefined && s.S3_ACCESS_KEY_ID === undefined)
      ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "S3_ACCESS_KEY_ID is not set, but S3_SECRET_ACCESS_KEY is" });
  });

export type S3Settings = {
  bucket: string;
  /** "" or a folder ending in "/" */
  prefix: string;
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
};

/** The S3_* variables, validated; an Error naming each missing or malformed one. */
export function s3Settings(source: Record<string, string | undefined> = process.env): S3Settings {
  // An empty variable counts as unset, as a blank line in a .env file means.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`Invalid evidence storage settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const s = parsed.data;
  return {
    bucket: s.S3_BUCKET,
    prefix: s.S3_PREFIX,
    endpoint: s.S3_ENDPOINT ?? null,
    region: s.S3_REGION,
    forcePathStyle: s.S3_FORCE_PATH_STYLE,
    credentials: s.S3_ACCESS_KEY_ID !== undefined && s.S3_SECRET_ACCESS_KEY !== undefined ? { accessKeyId: s.S3_ACCESS_KEY_ID, secretAccessKey: s.S3_SECRET_ACCESS_KEY } : null,
  };
}

// One client (and so one pool of keep-alive connections) per distinct connection setting, for
// the life of the process; settings are read per call, so a changed setting gets its own.
const clients = new Map<string, S3Client>();

export function s3Client(settings: S3Settings): S3Client {
  const { endpoint, region, forcePathStyle, credentials } = settings;
  const cacheKey = JSON.stringify([endpoint, region, forcePathStyle, credentials?.accessKeyId, credentials?.secretAccessKey]);
  let client = clients.get(cacheKey);
  if (!client) {
    client = new S3Client({
      region,
      forcePathStyle,
      ...(endpoint ? { endpoint } : {}),
      ...(credentials ? { credentials } : {}),
      // Since January 2025 the SDK adds a CRC checksum to every upload (as aws-chunked trailers
      // for streamed bodies) and asks for one on every download. Several S3-compatible stores
      // reject those headers or that encoding (Backblaze B2, Dell ECS, the S3 APIs of GCS, COS,
      // OSS, OBS; s3rver stores the chunk framing as if it were the file). Only operations that
      // require a checksum get one here; the bytes are still checked on every download against
      // the SHA-256 kept in the database.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // Without these a store that stops answering holds an upload or download open forever.
      requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
    });
    clients.set(cacheKey, client);
  }
  return client;
}

// A missing object, as opposed to a missing bucket: a misconfigured bucket must fail loudly,
// not look like one lost file. Some stores answer a bare 404 without an error code.
const isMissingObject = (error: unknown) =>
  error instanceof S3ServiceException && error.name !== "NoSuchBucket" && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);

/** Evidence bytes as objects in one private bucket of AWS S3 or an S3-compatible store. */
export class S3Storage implements EvidenceStorage {
  private readonly client: S3Client;

  constructor(readonly settings: S3Settings) {
    this.client = s3Client(settings);
  }

  objectKey(key: string): string {
    return `${this.settings.prefix}${checkedStorageKey(key)}`;
  }

  // No IfNoneMatch "*": AWS honours it only since August 2024 and s3rver ignores it and
  // overwrites, so it would promise what only some stores keep; a fresh 256-bit key never meets
  // an existing one anyway.
  // No ServerSideEncryption either: encryption at rest is the bucket's default (AWS encrypts
  // every object since 2023; MinIO and Ceph configure it per bucket), not a per-request header.
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const Key = this.objectKey(key);
    // A PutObject is all or nothing: the object appears only once every byte has arrived.
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key, Body: bytes, ContentLength: bytes.byteLength, ContentType: "application/octet-stream" }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const Key = this.objectKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key }));
      if (!object.Body) throw new Error("S3 returned an object without a body");
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      // S3 answers 204 for a key that is not there; some compatible stores answer 404.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key }));
    } catch (error) {
      if (!isMissingObject(error)) throw error;
    }
  }
}
