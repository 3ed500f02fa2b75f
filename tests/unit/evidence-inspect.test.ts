import { describe, expect, it } from "vitest";
import { checkFileName, inspectEvidence, MAX_EVIDENCE_BYTES, REJECT_REASONS } from "@/server/evidence/inspect";
import { contentDisposition } from "@/server/evidence/download";
import { badSamples, docx, docxEntries, jpeg, pdf, validSamples, zip } from "../fixtures/evidence/samples";

describe("evidence inspection", () => {
  it.each(validSamples().map((s) => [s.label, s] as const))("accepts a %s", (_label, sample) => {
    const result = inspectEvidence(sample.name, sample.bytes);
    expect(result).toMatchObject({ ok: true, mimeType: sample.mimeType });
  });

  const bad = badSamples();
  it("has at least 30 malicious or malformed samples", () => {
    expect(bad.length).toBeGreaterThanOrEqual(30);
  });

  it.each(bad.map((s) => [s.label, s] as const))("refuses %s", (_label, sample) => {
    expect(inspectEvidence(sample.name, sample.bytes)).toEqual({ ok: false, reason: sample.reason });
  });

  it("uses every refusal reason in some sample, except the size cap tested below", () => {
    const used = new Set(bad.map((s) => s.reason));
    expect(REJECT_REASONS.filter((r) => !used.has(r))).toEqual(["tooLarge"]);
  });

  it("refuses a file one byte over 20 MB and accepts one at the limit", () => {
    const small = pdf();
    const atLimit = Buffer.concat([small, Buffer.alloc(MAX_EVIDENCE_BYTES - small.length, 0x0a)]);
    expect(inspectEvidence("big.pdf", atLimit).ok).toBe(true);
    expect(inspectEvidence("big.pdf", Buffer.concat([atLimit, Buffer.from("\n")]))).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("accepts a phone photo with a second JPEG after the first (MPF) but nothing else", () => {
    expect(inspectEvidence("p.jpg", Buffer.concat([jpeg(), jpeg()])).ok).toBe(true);
    expect(inspectEvidence("p.jpg", Buffer.concat([jpeg(), Buffer.alloc(16)])).ok).toBe(true);
    expect(inspectEvidence("p.jpg", Buffer.concat([jpeg(), jpeg(), Buffer.from("<?php")]))).toEqual({ ok: false, reason: "trailingData" });
  });

  it("accepts a DOCX with an external hyperlink and an embedded spreadsheet", () => {
    const bytes = zip(
      docxEntries({
        extra: [
          {
            name: "word/_rels/document.xml.rels",
            data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.anshan.gov.cn/" TargetMode="External"/></Relationships>`,
          },
          { name: "word/embeddings/Microsoft_Excel_Worksheet.xlsx", data: Buffer.from("x") },
        ],
      }),
    );
    expect(inspectEvidence("plan.docx", bytes).ok).toBe(true);
    expect(inspectEvidence("plan.docx", docx()).ok).toBe(true);
  });

  it("tells names apart: dotted dates are fine, inner extensions are not", () => {
    expect(checkFileName("2023.05.12 会议纪要.docx").kind).toBe("docx");
    expect(checkFileName("Photo.JPEG").extension).toBe("jpeg");
    expect(() => checkFileName("a.html.pdf")).toThrow("doubleExtension");
    expect(() => checkFileName("a.pdf ")).toThrow("badName");
  });
});

describe("download header", () => {
  it("gives an ASCII fallback and the UTF-8 name (RFC 5987)", () => {
    expect(contentDisposition("佐证 材料(1).pdf")).toBe(`attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E4%BD%90%E8%AF%81%20%E6%9D%90%E6%96%99%281%29.pdf`);
    expect(contentDisposition('a"b;c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%3Bc.pdf`);
  });
});
