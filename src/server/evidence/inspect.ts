import { crc32, inflateSync } from "node:zlib";
import { inflateEntry, readZipDirectory, ZipError, type ZipProblem } from "./zip";

// Decides whether an uploaded file may be kept as evidence. Pure: bytes and a name in, a kind
// or a reason out. The name's extension and the content must both name the same allowed kind,
// and the content must be that kind through and through (no bytes after the end of an image,
// no script in a PDF, no macros in an Office file), because a file that is two things at once
// is what turns a download into an attack.

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_NAME_LENGTH = 200;

export const EVIDENCE_KINDS = {
  pdf: { mimeType: "application/pdf", extensions: ["pdf"] },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  jpeg: { mimeType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  png: { mimeType: "image/png", extensions: ["png"] },
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

export const ACCEPT_ATTRIBUTE = Object.values(EVIDENCE_KINDS)
  .flatMap((k) => k.extensions.map((e) => `.${e}`))
  .join(",");

/** Each is a message key "evidence.reason.<reason>". */
export const REJECT_REASONS = [
  "empty",
  "tooLarge",
  "badName",
  "doubleExtension",
  "extensionNotAllowed",
  "executable",
  "markup",
  "unknownContent",
  "typeMismatch",
  "trailingData",
  "embeddedMarkup",
  "imageMalformed",
  "pdfMalformed",
  "pdfActiveContent",
  "pdfEncrypted",
  "zipMalformed",
  "zipEncrypted",
  "zipBomb",
  "zipTooManyEntries",
  "officeMalformed",
  "officeMacros",
  "officeActiveContent",
  "officeEncrypted",
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

export type Inspection = { ok: true; kind: EvidenceKind; mimeType: string; extension: string; name: string } | { ok: false; reason: RejectReason };

class Rejected extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason);
  }
}

const reject = (reason: RejectReason): never => {
  throw new Rejected(reason);
};

const EXTENSION_KIND = new Map<string, EvidenceKind>(
  (Object.entries(EVIDENCE_KINDS) as [EvidenceKind, (typeof EVIDENCE_KINDS)[EvidenceKind]][]).flatMap(([kind, k]) => k.extensions.map((e) => [e, kind] as const)),
);

// Inner extensions that make "x.jpg.php" or "x.php.jpg" a double extension. Ordinary dotted
// names ("2023.05 报告.pdf", "v1.2.pdf") do not match: their inner parts are not extensions.
const KNOWN_EXTENSIONS = new Set([
  ...EXTENSION_KIND.keys(),
  ...["php", "php3", "php4", "php5", "php7", "phtml", "phar", "pht", "asp", "aspx", "ashx", "asmx", "cer", "jsp", "jspx", "cgi", "pl", "py", "rb", "sh", "bash"],
  ...["exe", "dll", "com", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "mjs", "jse", "wsf", "wsh", "hta", "scr", "msi", "jar", "lnk", "reg", "cpl"],
  ...["html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "swf"],
  ...["doc", "docm", "dotm", "xls", "xlsm", "xlsb", "xltm", "ppt", "pptx", "pptm", "rtf", "gif", "bmp", "tif", "tiff", "webp", "zip", "rar", "7z", "gz", "tar", "txt", "csv"],
]);

/** The checks on the name alone: returns the lower-case extension. */
export function checkFileName(name: string): { extension: string; kind: EvidenceKind; name: string } {
  const normal = name.normalize("NFC");
  if (!normal.trim() || normal.length > MAX_NAME_LENGTH) reject("badName");
  // path separators, control characters (NUL, newlines), bidirectional overrides that make
  // "gpj.exe" look like "exe.jpg", and characters Windows gives a meaning to
  if (/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(normal)) reject("badName");
  if (normal.startsWith(".") || normal !== normal.trim() || normal.endsWith(".")) reject("badName");
  const parts = normal.split(".");
  if (parts.length < 2) reject("extensionNotAllowed");
  const extension = parts.at(-1)!.toLowerCase();
  if (parts.slice(1, -1).some((p) => KNOWN_EXTENSIONS.has(p.trim().toLowerCase()))) reject("doubleExtension");
  const kind = EXTENSION_KIND.get(extension);
  if (!kind) reject("extensionNotAllowed");
  return { extension, kind: kind!, name: normal };
}

type Family = EvidenceKind | "zip" | "cfb" | "executable" | "markup" | "unknown";

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

export function sniffFamily(buf: Buffer): Family {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "cfb";
  if (
    startsWith(buf, [0x4d, 0x5a]) || // MZ: Windows PE
    startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(buf, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(buf, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(buf, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(buf, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(buf, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O universal / Java class
    startsWith(buf, [0x00, 0x61, 0x73, 0x6d]) || // WebAssembly
    startsWith(buf, [0x64, 0x65, 0x78, 0x0a]) || // Android dex
    startsWith(buf, [0x23, 0x21]) // #! script
  ) {
    return "executable";
  }
  // HTML, SVG, XML, XHTML, in UTF-8 or UTF-16 (NULs dropped), after any byte-order mark
  const head = buf
    .subarray(0, 1024)
    .toString("latin1")
    .replace(/\u0000/g, "")
    .replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "")
    .trimStart();
  if (head.startsWith("<")) return "markup";
  return "unknown";
}

// Markup a browser or an interpreter would act on, anywhere in an image or a PDF. Long enough
// that compressed data does not match by chance.
const EMBEDDED_MARKUP = /<\?php|<script[\s>/]|<html[\s>]|<!doctype\s+html|<svg[\s>]|<iframe[\s>]|<body[\s>]|<object[\s>]|<embed[\s>]/i;

function checkNoMarkup(text: string) {
  if (EMBEDDED_MARKUP.test(text)) reject("embeddedMarkup");
}

// ── images ──

function pngEnd(buf: Buffer): number {
  let p = 8;
  let first = true;
  for (;;) {
    if (p + 12 > buf.length) reject("imageMalformed");
    const length = buf.readUInt32BE(p);
    const type = buf.toString("latin1", p + 4, p + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff || p + 12 + length > buf.length) reject("imageMalformed");
    if (first && type !== "IHDR") reject("imageMalformed");
    first = false;
    const crc = crc32(buf.subarray(p + 4, p + 8 + length));
    if (crc !== buf.readUInt32BE(p + 8 + length)) reject("imageMalformed");
    p += 12 + length;
    if (type === "IEND") return p;
  }
}

/** Where this JPEG stream ends (just after its EOI marker). */
function jpegEnd(buf: Buffer, start: number): number {
  if (!startsWith(buf, [0xff, 0xd8, 0xff], start)) reject("imageMalformed");
  let p = start + 2;
  let sawFrame = false;
  for (;;) {
    if (p >= buf.length || buf[p] !== 0xff) reject("imageMalformed");
    while (buf[p] === 0xff) p++; // fill bytes
    const marker = buf[p++];
    if (marker === undefined) return reject("imageMalformed");
    if (marker === 0xd9) return sawFrame ? p : reject("imageMalformed");
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (marker === 0xd8 || marker === 0x00) reject("imageMalformed");
    if (p + 2 > buf.length) reject("imageMalformed");
    const length = buf.readUInt16BE(p);
    if (length < 2 || p + length > buf.length) reject("imageMalformed");
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true;
    p += length;
    if (marker === 0xda) {
      // entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart
      for (;;) {
        const ff = buf.indexOf(0xff, p);
        if (ff < 0 || ff + 1 >= buf.length) reject("imageMalformed");
        const next = buf[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          p = ff + (next === 0xff ? 1 : 2);
          continue;
        }
        p = ff;
        break;
      }
    }
  }
}

function checkJpeg(buf: Buffer) {
  let end = jpegEnd(buf, 0);
  // Phones store extra images (MPF) after the first; anything else after the end is refused.
  for (let extra = 0; end < buf.length; extra++) {
    const rest = buf.subarray(end);
    if (rest.every((b) => b === 0x00 || b === 0xff)) return;
    if (extra >= 8 || !startsWith(buf, [0xff, 0xd8, 0xff], end)) reject("trailingData");
    end = jpegEnd(buf, end);
  }
}

// ── PDF ──

// Name objects that make a PDF act rather than display: scripts, launching programs, embedded
// or remote files, forms that submit, rich media. Matched after decoding #xx escapes.
const PDF_ACTIVE_NAMES = new Set(["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToR", "GoToE", "Sound", "Movie"]);
const MAX_PDF_INFLATED = 100 * 1024 * 1024;

function pdfNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\/([^\s/<>[\](){}%]+)/g)) {
    names.push(match[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  return names;
}

function checkPdfText(text: string) {
  for (const name of pdfNames(text)) {
    if (name === "Encrypt") reject("pdfEncrypted");
    if (PDF_ACTIVE_NAMES.has(name)) reject("pdfActiveContent");
  }
}

function checkPdf(buf: Buffer) {
  const text = buf.toString("latin1");
  if (!/^%PDF-[12]\.\d/.test(text)) reject("pdfMalformed");
  const eof = text.lastIndexOf("%%EOF");
  if (eof < 0) reject("pdfMalformed");
  // After the last end-of-file marker only line ends may follow: a PDF with a ZIP or an HTML
  // page appended is two files at once.
  if (!/^[\r\n\t \u0000]*$/.test(text.slice(eof + 5))) reject("trailingData");
  checkNoMarkup(text);
  checkPdfText(text);
  // Objects can hide inside compressed object streams: inflate every Flate stream (bounded)
  // and look again.
  let inflatedTotal = 0;
  const streamStart = /(?<!end)stream\r?\n/g;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const from = match.index + match[0].length;
    const to = text.indexOf("endstream", from);
    if (to < 0) break;
    const dictionary = text.slice(Math.max(0, match.index - 512), match.index);
    if (/FlateDecode|\/Fl\b/.test(dictionary)) {
      let inflated: Buffer | null = null;
      try {
        inflated = inflateSync(buf.subarray(from, to), { maxOutputLength: MAX_PDF_INFLATED - inflatedTotal + 1, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a missing end */ });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") reject("zipBomb");
      }
      if (inflated) {
        inflatedTotal += inflated.length;
        if (inflatedTotal > MAX_PDF_INFLATED) reject("zipBomb");
        checkPdfText(inflated.toString("latin1"));
      }
    }
    streamStart.lastIndex = to + "endstream".length;
  }
}

// ── Office Open XML ──

const ZIP_REASON: Record<ZipProblem, RejectReason> = {
  zipMalformed: "zipMalformed",
  zipEncrypted: "zipEncrypted",
  zipBomb: "zipBomb",
  zipTooManyEntries: "zipTooManyEntries",
};

function checkOffice(buf: Buffer): "docx" | "xlsx" {
  try {
    const entries = readZipDirectory(buf);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has("[Content_Types].xml")) reject("officeMalformed");
    const isDocx = names.has("word/document.xml");
    const isXlsx = names.has("xl/workbook.xml");
    if (isDocx === isXlsx) reject("officeMalformed");
    for (const name of names) {
      if (/(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$|(^|\/)vbaProjectSignature/i.test(name)) reject("officeMacros");
      if (/(^|\/)activeX\/|oleObject[^/]*\.bin$|\.(exe|dll|js|jse|vbs|vbe|bat|cmd|ps1|scr|hta|wsf|jar|msi|com|lnk)$/i.test(name)) reject("officeActiveContent");
    }
    // Inflating each part with its declared size as the cap proves the sizes are honest;
    // the parts' XML is then read for macro types, remote templates and DDE.
    for (const entry of entries) {
      const data = inflateEntry(buf, entry);
      if (!/\.(xml|rels)$/i.test(entry.name)) continue;
      const xml = data.toString("utf8");
      if (entry.name === "[Content_Types].xml" && /macroEnabled|vbaProject|vbaData/i.test(xml)) reject("officeMacros");
      if (/ddeLink|DDEAUTO|\bDDE\b/.test(xml)) reject("officeActiveContent");
      if (entry.name.endsWith(".rels")) {
        for (const rel of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
          if (/TargetMode\s*=\s*["']External["']/i.test(rel) && !/Type\s*=\s*["'][^"']*\/hyperlink["']/i.test(rel)) reject("officeActiveContent");
        }
      }
    }
    return isDocx ? "docx" : "xlsx";
  } catch (error) {
    if (error instanceof ZipError) reject(ZIP_REASON[error.problem]);
    throw error;
  }
}

function checkContent(buf: Buffer, expected: EvidenceKind): EvidenceKind {
  const family = sniffFamily(buf);
  if (family === "executable") reject("executable");
  if (family === "markup") reject("markup");
  if (family === "unknown") reject("unknownContent");
  if (family === "cfb") {
    // A password-protected .docx/.xlsx is an OLE container holding "EncryptedPackage".
    const encrypted = buf.includes(Buffer.from("EncryptedPackage", "utf16le"));
    reject(encrypted && (expected === "docx" || expected === "xlsx") ? "officeEncrypted" : "typeMismatch");
  }
  const expectedFamily = expected === "docx" || expected === "xlsx" ? "zip" : expected;
  if (family !== expectedFamily) reject("typeMismatch");
  switch (expected) {
    case "png":
      if (pngEnd(buf) !== buf.length) reject("trailingData");
      checkNoMarkup(buf.toString("latin1"));
      return "png";
    case "jpeg":
      checkJpeg(buf);
      checkNoMarkup(buf.toString("latin1"));
      return "jpeg";
    case "pdf":
      checkPdf(buf);
      return "pdf";
    default: {
      const kind = checkOffice(buf);
      if (kind !== expected) reject("typeMismatch");
      return kind;
    }
  }
}

/** Name and bytes → the verified kind, or the reason the file is refused. */
export function inspectEvidence(name: string, bytes: Uint8Array): Inspection {
  try {
    const checked = checkFileName(name);
    if (bytes.length === 0) reject("empty");
    if (bytes.length > MAX_EVIDENCE_BYTES) reject("tooLarge");
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const kind = checkContent(buf, checked.kind);
    return { ok: true, kind, mimeType: EVIDENCE_KINDS[kind].mimeType, extension: checked.extension, name: checked.name };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.reason };
    throw error;
  }
}
