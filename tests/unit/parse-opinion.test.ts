import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  OpinionParseError,
  parseChineseNumeral,
  parseOpinion,
  toChineseNumeral,
  type ParsedOpinion,
} from "../../prisma/seed/parse-opinion";

const original = readFileSync(new URL("../../prisma/seed-data/anshan-opinion-2017.txt", import.meta.url), "utf8");

const MEASURE_TITLES: Record<number, string> = {
  15: "扩大教育对外开放",
  16: "全面提升教师师德水平",
  17: "统筹城乡师资配置",
  18: "加大人才引进力度",
  19: "完善乡村教师待遇保障机制",
  20: "完善教师交流制度",
  21: "建立随迁子女就学机制",
  22: "加强留守儿童关爱保护",
};
const SAFEGUARD_TITLES = ["加强党的领导", "落实政府责任", "要明确部门职责", "要加强督导检查"];

/** Folds punctuation width and whitespace so texts from differently formatted copies compare equal. */
function normalisePunctuation(s: string): string {
  return s
    .replace(/[（(]/g, "(")
    .replace(/[）)]/g, ")")
    .replace(/[，,]/g, ",")
    .replace(/[：:]/g, ":")
    .replace(/^(\d+)[、.．]/, "$1、")
    .replace(/\s+/g, "");
}

/** Swaps full-width and half-width punctuation both ways, as a differently sourced copy might. */
function swapWidths(s: string): string {
  const swap: Record<string, string> = { "(": "（", "（": "(", ")": "）", "）": ")", ",": "，", "，": ",", ":": "：", "：": ":" };
  return s.replace(/[()（）,，:：]/g, (c) => swap[c] ?? c);
}

/** A messy copy of the original: BOM, CRLF, swapped widths, other label separators, blank lines, indentation, a damaged label. */
function reformat(src: string): string {
  let s = swapWidths(src);
  s = s.replace(/^(\d+)、/gm, (_m, n: string) => `${n}${Number(n) % 2 === 0 ? "." : "．"}`);
  expect(s).toContain("（六）实施关爱行动");
  s = s.replace("（六）实施关爱行动", "六）实施关爱行动");
  s = s
    .split("\n")
    .map((line, i) => (i % 2 === 0 ? `\u3000\u3000${line}` : `  ${line}\t`))
    .join("\n\n");
  return `\uFEFF\n${s.replace(/\n/g, "\r\n")}\r\n\r\n`;
}

function structure(p: ParsedOpinion) {
  const item = (m: ParsedOpinion["measures"][number]) => ({
    kind: m.kind,
    number: m.number,
    label: m.label,
    title: m.title,
    sectionNumber: m.sectionNumber,
    sectionInferred: m.sectionInferred,
    chapterNumber: m.chapterNumber,
    text: normalisePunctuation(m.text),
  });
  return {
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    publicationNote: p.publicationNote,
    chapters: p.chapters,
    sections: p.sections,
    measures: p.measures.map(item),
    safeguards: p.safeguards.map(item),
    closingText: p.closingText === null ? null : normalisePunctuation(p.closingText),
    droppedTrailingText: normalisePunctuation(p.droppedTrailingText),
    warnings: p.warnings,
  };
}

describe("parseOpinion on the Anshan 2017 opinion excerpt", () => {
  const parsed = parseOpinion(original);

  it("finds exactly measures 15–22 with their titles", () => {
    expect(parsed.measures.map((m) => m.number)).toEqual([15, 16, 17, 18, 19, 20, 21, 22]);
    for (const m of parsed.measures) {
      expect(m.kind).toBe("MEASURE");
      expect(m.label).toBe(String(m.number));
      expect(m.title).toBe(MEASURE_TITLES[m.number]);
    }
    const m20 = parsed.measures.find((m) => m.number === 20);
    expect(m20?.title).toBe("完善教师交流制度");
    expect(m20?.text.startsWith("20、完善教师交流制度。教育部门")).toBe(true);
    expect(m20?.content.startsWith("完善教师交流制度。")).toBe(true);
    expect(m20?.text.endsWith("提高教师思想政治素质和师德水平。")).toBe(true);
  });

  it("finds safeguards (一)–(四) under chapter 三", () => {
    expect(parsed.safeguards.map((s) => s.number)).toEqual([1, 2, 3, 4]);
    expect(parsed.safeguards.map((s) => s.title)).toEqual(SAFEGUARD_TITLES);
    expect(parsed.safeguards.map((s) => s.label)).toEqual(["（一）", "（二）", "（三）", "（四）"]);
    for (const s of parsed.safeguards) {
      expect(s.kind).toBe("SAFEGUARD");
      expect(s.chapterNumber).toBe(3);
      expect(s.sectionNumber).toBeNull();
      expect(s.sectionInferred).toBe(false);
    }
    expect(parsed.safeguards[3]?.text.endsWith("要严肃问责。")).toBe(true);
  });

  it("finds sections 五 and 六 without inventing their chapter", () => {
    expect(parsed.sections).toEqual([
      { number: 5, label: "（五）", title: "加强队伍建设", chapterNumber: null },
      { number: 6, label: "（六）", title: "实施关爱行动", chapterNumber: null },
    ]);
    expect(parsed.chapters).toEqual([{ number: 3, label: "三", title: "保障措施" }]);
  });

  it("assigns measures to sections, inferring section 4 for measure 15", () => {
    const bySection = parsed.measures.map((m) => [m.number, m.sectionNumber, m.sectionInferred, m.chapterNumber]);
    expect(bySection).toEqual([
      [15, 4, true, null],
      [16, 5, false, null],
      [17, 5, false, null],
      [18, 5, false, null],
      [19, 5, false, null],
      [20, 5, false, null],
      [21, 6, false, null],
      [22, 6, false, null],
    ]);
  });

  it("reads the signature block and closing paragraph", () => {
    expect(parsed.issuer).toBe("鞍山市人民政府");
    expect(parsed.issuedOn).toBe("2017-06-21");
    expect(parsed.publicationNote).toBe("此件公开发布");
    expect(parsed.closingText).toBe("各地区要结合本地实际,制定具体实施方案。对本实施意见的执行情况,市政府将适时组织专项督察。");
    expect(parsed.preamble).toBeNull();
    expect(parsed.warnings).toEqual([]);
  });

  it("drops the website boilerplate and reports it", () => {
    expect(parsed.body).not.toContain("初中网");
    expect(parsed.body).not.toContain("http");
    expect(parsed.body).not.toContain("网站内容来源");
    expect(parsed.body.startsWith("15、扩大教育对外开放。")).toBe(true);
    expect(parsed.body.endsWith("2017年6月21日\n此件公开发布)")).toBe(true);
    expect(parsed.droppedTrailingText.startsWith("文章来源于:http://chuzhong.ljyz.com.cn 初中网")).toBe(true);
    expect(parsed.droppedTrailingText.endsWith("网站内容来源于网络,其真实性与本站无关,请网友慎重判断")).toBe(true);
  });

  it("keeps every text as an exact substring of the original file", () => {
    for (const m of [...parsed.measures, ...parsed.safeguards]) {
      expect(original.includes(m.text)).toBe(true);
      expect(original.includes(m.content)).toBe(true);
      expect(m.text.endsWith(m.content)).toBe(true);
    }
    expect(original.includes(parsed.body)).toBe(true);
    expect(original.includes(parsed.closingText ?? "\u0000")).toBe(true);
    expect(original.includes(parsed.droppedTrailingText)).toBe(true);
  });
});

describe("parseOpinion on a reformatted copy", () => {
  const variant = reformat(original);
  const parsedOriginal = parseOpinion(original);
  const parsedVariant = parseOpinion(variant);

  it("exercises the formatting differences it claims to", () => {
    expect(variant.startsWith("\uFEFF")).toBe(true);
    expect(variant).toContain("\r\n\r\n");
    expect(variant).toContain("15．扩大");
    expect(variant).toContain("16.全面提升");
    expect(variant).toContain("（五）加强队伍建设");
    expect(variant).toContain("六）实施关爱行动");
    expect(variant).not.toContain("（六）");
    expect(variant).toContain("各县（市）区");
    expect(variant).toContain("此件公开发布）文章来源于：http");
  });

  it("yields the same structure", () => {
    expect(structure(parsedVariant)).toEqual(structure(parsedOriginal));
  });

  it("keeps texts as substrings of the reformatted input", () => {
    for (const m of [...parsedVariant.measures, ...parsedVariant.safeguards]) {
      expect(variant.includes(m.text)).toBe(true);
    }
    expect(variant.includes(parsedVariant.body)).toBe(true);
    expect(parsedVariant.body.startsWith("15．扩大教育对外开放。")).toBe(true);
    expect(parsedVariant.body).not.toContain("http");
    expect(parsedVariant.body).not.toContain("初中网");
  });

  it("tolerates a missing closing bracket on a section label", () => {
    const p = parseOpinion(original.replace("(五)加强队伍建设", "(五加强队伍建设"));
    expect(p.sections[0]).toEqual({ number: 5, label: "（五）", title: "加强队伍建设", chapterNumber: null });
    expect(p.measures.find((m) => m.number === 16)?.sectionNumber).toBe(5);
    expect(p.warnings).toEqual([]);
  });

  it("uses the expected sequence to resolve a label whose closing bracket is missing before a numeral-like title", () => {
    const p = parseOpinion(original.replace("(六)实施关爱行动", "(六一体化关爱行动"));
    expect(p.sections.map((s) => [s.number, s.title])).toEqual([
      [5, "加强队伍建设"],
      [6, "一体化关爱行动"],
    ]);
  });

  it("joins hard-wrapped lines into one paragraph without breaking substring fidelity", () => {
    const wrapped = original.replace("提高教师思想政治素质和师德水平。", "提高教师思想政治素质\n和师德水平。");
    const p = parseOpinion(wrapped);
    const m20 = p.measures.find((m) => m.number === 20);
    expect(m20?.text.endsWith("素质\n和师德水平。")).toBe(true);
    expect(wrapped.includes(m20?.text ?? "\u0000")).toBe(true);
    expect(p.measures.map((m) => m.number)).toEqual([15, 16, 17, 18, 19, 20, 21, 22]);
    expect(p.warnings).toEqual([]);
  });

  it("reads a date written in Chinese numerals and a note with full brackets", () => {
    const p = parseOpinion(
      original.replace("2017年6月21日", "二〇一七年六月二十一日").replace("此件公开发布)文章来源于", "（此件公开发布）\n文章来源于"),
    );
    expect(p.issuedOn).toBe("2017-06-21");
    expect(p.issuer).toBe("鞍山市人民政府");
    expect(p.publicationNote).toBe("此件公开发布");
  });

  it("works without any trailing boilerplate", () => {
    const end = original.indexOf("文章来源于");
    const p = parseOpinion(original.slice(0, end));
    expect(p.droppedTrailingText).toBe("");
    expect(p.publicationNote).toBe("此件公开发布");
    expect(p.issuedOn).toBe("2017-06-21");
  });
});

describe("parseOpinion on other layouts", () => {
  const doc = [
    "鞍山市人民政府关于推进义务教育一体化的实施意见",
    "",
    "二、主要措施",
    "(一)优化布局",
    "1、科学规划。详见 http://example.com 的说明。",
    "2、加强建设。内容",
    "继续内容。",
    "三、保障措施",
    "(一)加强领导。内容。",
    "(二)落实责任。",
    "各地要落实。",
    "鞍山市人民政府 2017年6月21日",
    "(此件公开发布)",
  ].join("\n");
  const p = parseOpinion(doc);

  it("keeps a leading title as preamble and attaches sections to visible chapters", () => {
    expect(p.preamble).toBe("鞍山市人民政府关于推进义务教育一体化的实施意见");
    expect(p.chapters.map((c) => [c.number, c.title])).toEqual([
      [2, "主要措施"],
      [3, "保障措施"],
    ]);
    expect(p.sections).toEqual([{ number: 1, label: "（一）", title: "优化布局", chapterNumber: 2 }]);
    expect(p.measures.map((m) => [m.number, m.sectionNumber, m.sectionInferred, m.chapterNumber])).toEqual([
      [1, 1, false, 2],
      [2, 1, false, 2],
    ]);
  });

  it("does not treat a URL inside a measure as trailing boilerplate", () => {
    expect(p.droppedTrailingText).toBe("");
    expect(p.measures[0]?.text).toBe("1、科学规划。详见 http://example.com 的说明。");
    expect(p.measures[1]?.text).toBe("2、加强建设。内容\n继续内容。");
  });

  it("treats a short bracketed sentence after a chapter heading as an item, not a heading", () => {
    expect(p.safeguards.map((s) => [s.label, s.title, s.text])).toEqual([
      ["（一）", "加强领导", "(一)加强领导。内容。"],
      ["（二）", "落实责任", "(二)落实责任。"],
    ]);
    expect(p.closingText).toBe("各地要落实。");
  });

  it("reads issuer and date written on one line", () => {
    expect(p.issuer).toBe("鞍山市人民政府");
    expect(p.issuedOn).toBe("2017-06-21");
    expect(p.publicationNote).toBe("此件公开发布");
    expect(p.warnings).toEqual([]);
  });
});

describe("parseOpinion on malformed input", () => {
  it("throws on an empty or blank string", () => {
    expect(() => parseOpinion("")).toThrow(OpinionParseError);
    expect(() => parseOpinion("")).toThrow(/empty/);
    expect(() => parseOpinion(" \r\n\uFEFF\n ")).toThrow(/empty/);
  });

  it("throws a descriptive error when no measure is recognisable", () => {
    expect(() => parseOpinion("鞍山市人民政府\n2017年6月21日")).toThrow(/no recognisable measures/);
    expect(() => parseOpinion("(五)加强队伍建设\n一些说明文字。")).toThrow(/no recognisable measures/);
  });

  it("warns about a gap in measure numbering instead of throwing", () => {
    const lines = original.split("\n").filter((l) => !l.startsWith("18、"));
    const p = parseOpinion(lines.join("\n"));
    expect(p.measures.map((m) => m.number)).toEqual([15, 16, 17, 19, 20, 21, 22]);
    expect(p.warnings).toContain("measure numbering gap: 17 is followed by 19 (18 is missing)");
  });

  it("warns about duplicate and out-of-order numbers", () => {
    const dup = parseOpinion(original.replace("17、统筹城乡师资配置", "16、统筹城乡师资配置"));
    expect(dup.warnings).toContain("duplicate measure number 16");
    const safeguardGap = parseOpinion(original.replace("(三)要明确部门职责", "(五)要明确部门职责"));
    expect(safeguardGap.safeguards.map((s) => s.number)).toEqual([1, 2, 5, 4]);
    expect(safeguardGap.warnings.some((w) => w.includes("safeguard in chapter 三 numbering gap: 2 is followed by 5"))).toBe(true);
    expect(safeguardGap.warnings.some((w) => w.includes("out of order"))).toBe(true);
  });

  it("does not infer a section when the first heading is (一)", () => {
    const p = parseOpinion("1、甲措施。内容。\n(一)某某工作\n2、乙措施。内容。");
    expect(p.measures.map((m) => [m.number, m.sectionNumber, m.sectionInferred])).toEqual([
      [1, null, false],
      [2, 1, false],
    ]);
  });
});

describe("Chinese numerals", () => {
  it("parses 1–99 and rejects malformed numerals", () => {
    const cases: [string, number][] = [
      ["一", 1],
      ["九", 9],
      ["十", 10],
      ["十一", 11],
      ["十九", 19],
      ["二十", 20],
      ["二十一", 21],
      ["九十九", 99],
    ];
    for (const [s, n] of cases) {
      expect(parseChineseNumeral(s)).toBe(n);
      expect(toChineseNumeral(n)).toBe(s);
    }
    for (const bad of ["", "十十", "二三", "一十一十", "甲"]) expect(parseChineseNumeral(bad)).toBeNull();
  });
});
