import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where evidence bytes live. The database holds the metadata and a random key; this holds the
 * bytes under that key. Local disk is the default. For several app servers, an S3-compatible
 * store implements the same three calls (put = PutObject, get = GetObject, delete =
 * DeleteObject on one private bucket) and `evidenceStorage()` returns it when configured. That
 * adapter is not written yet: nothing here can be tested against an S3 endpoint, and an
 * untested adapter would only look like multi-server support.
 */
export interface EvidenceStorage {
  /** Stores the bytes under a key that is not in use; resolves once they are durable. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes; no error when they are already gone. */
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

/** 256 random bits: nothing the user sent ever becomes part of a stored path. */
export const newStorageKey = () => randomBytes(32).toString("hex");

export function storageDir(): string {
  return path.resolve(process.env.STORAGE_DIR || path.join(process.cwd(), ".data", "storage"));
}

export class LocalDiskStorage implements EvidenceStorage {
  constructor(readonly root: string) {}

  pathFor(key: string): string {
    if (!KEY.test(key)) throw new Error("invalid storage key");
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

/** The configured store (read per call, so a test can point STORAGE_DIR at its own folder). */
export function evidenceStorage(): EvidenceStorage {
  return new LocalDiskStorage(storageDir());
}
