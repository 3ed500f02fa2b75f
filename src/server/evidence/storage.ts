import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { S3Storage, s3Settings } from "./s3-storage";
import { checkedStorageKey } from "./storage-key";

export { newStorageKey } from "./storage-key";

/**
 * Where evidence bytes live. The database holds the metadata and a random key; this holds the
 * bytes under that key. Local disk is the default; with EVIDENCE_STORE=s3 they go to one
 * private bucket of an S3-compatible store (s3-storage.ts), which several app servers can
 * share. Both are held to the same contract in tests/integration/evidence-s3-storage.test.ts;
 * see docs/decisions/006-evidence-storage.md.
 */
export interface EvidenceStorage {
  /** Stores the bytes under a key that is not in use; resolves once they are durable. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes; no error when they are already gone. */
  delete(key: string): Promise<void>;
}

export function storageDir(source: Record<string, string | undefined> = process.env): string {
  return path.resolve(source.STORAGE_DIR || path.join(process.cwd(), ".data", "storage"));
}

export class LocalDiskStorage implements EvidenceStorage {
  constructor(readonly root: string) {}

  pathFor(key: string): string {
    checkedStorageKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written under a temporary name and renamed, so a crash never leaves half a file under
    // the real key; "wx" refuses to reuse a name.
    const temporary = `${file}.part-${randomBytes(6).toString("hex")}`;
    try {
      await writeFile(temporary, bytes, { flag: "wx", mode: 0o600, flush: true });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathFor(key));
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}

const store = z.enum(["local", "s3"], { error: "EVIDENCE_STORE must be local or s3" }).default("local");

/**
 * The configured store. Read per call, so a test can point STORAGE_DIR or the S3_* variables
 * at its own folder or server; the S3 client behind it is cached per setting.
 */
export function evidenceStorage(source: Record<string, string | undefined> = process.env): EvidenceStorage {
  const chosen = store.safeParse(source.EVIDENCE_STORE || undefined);
  if (!chosen.success) throw new Error(`Invalid evidence storage settings:\n  EVIDENCE_STORE: ${chosen.error.issues[0]?.message}`);
  return chosen.data === "s3" ? new S3Storage(s3Settings(source)) : new LocalDiskStorage(storageDir(source));
}
