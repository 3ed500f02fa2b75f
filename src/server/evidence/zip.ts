import { inflateRawSync } from "node:zlib";

// A small ZIP reader for the two Office Open XML formats we accept. It reads the central
// directory, cross-checks every local header against it and refuses anything a zip bomb or a
// polyglot needs: prepended or hidden bytes, overlapping entries, ZIP64, encryption, methods
// other than stored/deflate, sizes over the caps. Entries are inflated one at a time with an
// output cap equal to the size the directory declares, so a lying header cannot expand further.

export const ZIP_LIMITS = {
  maxEntries: 1000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxRatio: 100,
  // below this, a high ratio is harmless (an empty XML part compresses a lot)
  ratioFloorBytes: 64 * 1024,
} as const;

export type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; uncompressedSize: number; localOffset: number; dataOffset: number };

export type ZipProblem = "zipMalformed" | "zipEncrypted" | "zipBomb" | "zipTooManyEntries";

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes.
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  throw new ZipError("zipMalformed");
}

/** Reads and checks the directory; inflates nothing. */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw new ZipError("zipMalformed");
  const eocd = findEndOfCentralDirectory(buf);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const countHere = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError("zipMalformed"); // ZIP64
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) throw new ZipError("zipMalformed");
  if (count > ZIP_LIMITS.maxEntries) throw new ZipError("zipTooManyEntries");
  // The directory must sit right before its end record: no bytes hidden in between.
  if (cdOffset + cdSize !== eocd) throw new ZipError("zipMalformed");

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError("zipMalformed");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) throw new ZipError("zipMalformed");
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    // bit 0: traditional encryption; bit 6: strong encryption; bit 13: encrypted directory
    if (flags & 0x0001 || flags & 0x0040 || flags & 0x2000) throw new ZipError("zipEncrypted");
    if (method === 99) throw new ZipError("zipEncrypted"); // AES (WinZip)
    if (method !== 0 && method !== 8) throw new ZipError("zipMalformed");
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipError("zipMalformed");
    if (!name || name.includes("\\") || name.startsWith("/") || name.split("/").includes("..") || names.has(name)) throw new ZipError("zipMalformed");
    if (method === 0 && compressedSize !== uncompressedSize) throw new ZipError("zipMalformed");
    names.add(name);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset, dataOffset: 0 });
    p = end;
  }
  if (p !== eocd) throw new ZipError("zipMalformed");

  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.maxRatio) throw new ZipError("zipBomb");
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) throw new ZipError("zipBomb");

  // Local records must tile the bytes before the directory exactly: this refuses overlapping
  // entries (the "non-recursive" zip bomb) and data hidden between entries.
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of sorted) {
    const q = entry.localOffset;
    if (q !== expected || q + 30 > cdOffset || buf.readUInt32LE(q) !== LOCAL) throw new ZipError("zipMalformed");
    const localFlags = buf.readUInt16LE(q + 6);
    const localMethod = buf.readUInt16LE(q + 8);
    const nameLength = buf.readUInt16LE(q + 26);
    const extraLength = buf.readUInt16LE(q + 28);
    const localName = buf.toString("utf8", q + 30, q + 30 + nameLength);
    if (localName !== entry.name || localMethod !== entry.method || (localFlags & 0x0001) !== 0) throw new ZipError("zipMalformed");
    entry.dataOffset = q + 30 + nameLength + extraLength;
    let next = entry.dataOffset + entry.compressedSize;
    if (entry.flags & 0x0008) {
      // data descriptor: optional signature, then CRC and the two sizes
      next += next + 4 <= cdOffset && buf.readUInt32LE(next) === DESCRIPTOR ? 16 : 12;
    }
    if (next > cdOffset) throw new ZipError("zipMalformed");
    expected = next;
  }
  if (expected !== cdOffset) throw new ZipError("zipMalformed");
  return entries;
}

/** The entry's bytes, never more than the directory declared. */
export function inflateEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const raw = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return raw;
  let out: Buffer;
  try {
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    // over the declared size (a lying header), or not deflate at all
    throw new ZipError((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "zipBomb" : "zipMalformed");
  }
  if (out.length !== entry.uncompressedSize) throw new ZipError("zipMalformed");
  return out;
}
