/**
 * Parser for Chinese municipal "implementation opinion" (实施意见) texts such as
 * the 2017 Anshan urban-rural compulsory-education integration opinion.
 *
 * Pure module: no Node built-ins, no database, safe to import from tests and
 * from both server and client code.
 *
 * Output contract (kept stable for seeding / rendering):
 * - Every `text`, `content`, `body`, `closingText` and `preamble` value is an
 *   exact slice of the input string, so it keeps the source's original
 *   characters (punctuation width, line endings) and can be located in it.
 * - `title`s and `label`s are normalised: trimmed, no trailing 。, half-width
 *   punctuation converted to full-width, labels in canonical form
 *   ("15", "（一）", "三").
 * - Structural anomalies (numbering gaps, duplicates, stray text) are reported
 *   in `warnings`; only input with no recognisable measure at all throws.
 */

export type MeasureKind = "MEASURE" | "SAFEGUARD";

export interface ParsedMeasure {
  /** "MEASURE" for Arabic-numbered items (15、…), "SAFEGUARD" for bracketed items under a chapter heading ((一)…). */
  kind: MeasureKind;
  number: number;
  /** "15" for measures, "（一）" (full-width brackets) for safeguards. */
  label: string;
  /** First sentence of the paragraph (up to the first 。), normalised. */
  title: string;
  /** The whole paragraph exactly as in the source, label included (e.g. "15、扩大…"). */
  text: string;
  /** Same paragraph without its label and separator (starts at the title sentence). */
  content: string;
  /** Number of the enclosing bracketed section heading, or null when unknown. */
  sectionNumber: number | null;
  /** True when sectionNumber was deduced rather than read from a heading above the measure. */
  sectionInferred: boolean;
  /** Number of the enclosing chapter heading (一、二、三…); null when that heading is not in the text. */
  chapterNumber: number | null;
}

export interface ParsedChapter {
  number: number;
  /** Canonical Chinese numeral, e.g. "三". */
  label: string;
  title: string;
}

export interface ParsedSection {
  number: number;
  /** Canonical full-width label, e.g. "（五）". */
  label: string;
  title: string;
  /** Null when the section appears before any chapter heading in the text (we do not invent missing headings). */
  chapterNumber: number | null;
}

export interface ParsedOpinion {
  /** Issuing body from the signature block, e.g. "鞍山市人民政府". */
  issuer: string | null;
  /** ISO date (YYYY-MM-DD) from the signature block. */
  issuedOn: string | null;
  /** Publication note without brackets, e.g. "此件公开发布". */
  publicationNote: string | null;
  /** Document text as kept: original characters, trailing boilerplate removed, trimmed (BOM dropped). */
  body: string;
  /** Unnumbered text before the first heading or item (e.g. a document title), if any. */
  preamble: string | null;
  chapters: ParsedChapter[];
  sections: ParsedSection[];
  /** Arabic-numbered measures, in source order. */
  measures: ParsedMeasure[];
  /** Bracketed items that follow a chapter heading (e.g. under "三、保障措施"), in source order. */
  safeguards: ParsedMeasure[];
  /** Unnumbered paragraph(s) after the last item and before the signature. */
  closingText: string | null;
  /** Website boilerplate cut from the end of the input (trimmed), or "" if none. */
  droppedTrailingText: string;
  /** Human-readable structural anomalies (numbering gaps, duplicates, unattached text…). */
  warnings: string[];
}

export class OpinionParseError extends Error {
  override name = "OpinionParseError";
}

// ---------------------------------------------------------------------------
// Chinese numerals

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  "○": 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const CANONICAL_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/**
 * Parses a Chinese numeral in the range 1–99 (一, 十, 十五, 二十, 二十三…).
 * Returns null for anything else, so callers can use it to validate labels.
 */
export function parseChineseNumeral(input: string): number | null {
  const s = input.trim();
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return null;
  const [, tensDigit, ten, units] = m;
  if (!ten) {
    // Without 十 only a single digit is valid ("二三" is not a number).
    if (tensDigit && !units) return DIGIT_VALUES[tensDigit] ?? null;
    return null;
  }
  const tens = tensDigit ? (DIGIT_VALUES[tensDigit] ?? 0) : 1;
  const unit = units ? (DIGIT_VALUES[units] ?? 0) : 0;
  return tens * 10 + unit;
}

/** Inverse of parseChineseNumeral for 1–99; used to produce canonical labels. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`toChineseNumeral: ${n} is outside 1–99`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return CANONICAL_DIGITS[units] ?? "";
  return `${tens === 1 ? "" : (CANONICAL_DIGITS[tens] ?? "")}十${CANONICAL_DIGITS[units] ?? ""}`;
}

// ---------------------------------------------------------------------------
// Character folding

/**
 * Full-width → half-width map. Every entry maps one UTF-16 unit to one, so a
 * folded string has the same offsets as the original; that is what lets us
 * match on folded text and still slice the untouched source.
 */
const FOLD: Readonly<Record<string, string>> = {
  "（": "(",
  "）": ")",
  "．": ".",
  "，": ",",
  "：": ":",
  "；": ";",
  "！": "!",
  "？": "?",
  "｡": "。",
  "／": "/",
};

function fold(s: string): string {
  return s.replace(/[（）．，：；！？｡／０-９Ａ-Ｚａ-ｚ]/g, (c) => {
    const mapped = FOLD[c];
    if (mapped !== undefined) return mapped;
    // Full-width digits/letters sit at a fixed offset from ASCII.
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

const TO_FULL_WIDTH: Readonly<Record<string, string>> = {
  "(": "（",
  ")": "）",
  ",": "，",
  ":": "：",
  ";": "；",
  "!": "！",
  "?": "？",
};

/** Normalises a heading/title for display and comparison across punctuation styles. */
function normaliseTitle(raw: string): string {
  let s = raw
    // A line break inside a Chinese title is a hard wrap, not a word boundary.
    .replace(/[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g, "")
    .replace(/\s+/g, " ")
    .trim();
  s = fold(s);
  // Keep "1,000" and "8:30" intact; everything else goes full-width as in official texts.
  s = s.replace(/[(),:;!?]/g, (c, offset: number, whole: string) => {
    if ((c === "," || c === ":") && /\d/.test(whole.charAt(offset - 1)) && /\d/.test(whole.charAt(offset + 1))) {
      return c;
    }
    return TO_FULL_WIDTH[c] ?? c;
  });
  return s.replace(/[\s。.,，;；:：、]+$/u, "").trim();
}

// ---------------------------------------------------------------------------
// Lines

interface Line {
  /** Offsets into the original input of the trimmed line. */
  start: number;
  end: number;
  /** Trimmed original text. */
  raw: string;
  /** Folded copy of raw (same length), used for matching only. */
  folded: string;
}

function isSpace(ch: string): boolean {
  // \s covers U+3000 (ideographic space) and U+FEFF (BOM) as well.
  return ch !== "" && /\s/.test(ch);
}

function makeLine(src: string, rawStart: number, rawEnd: number): Line {
  let start = rawStart;
  let end = rawEnd;
  while (start < end && isSpace(src.charAt(start))) start++;
  while (end > start && isSpace(src.charAt(end - 1))) end--;
  const raw = src.slice(start, end);
  return { start, end, raw, folded: fold(raw) };
}

function splitLines(src: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let pos = 0;
  for (;;) {
    const m = re.exec(src);
    const end = m ? m.index : src.length;
    lines.push(makeLine(src, pos, end));
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Line classification

type Classified =
  | { type: "blank" }
  | { type: "plain" }
  | { type: "measure"; number: number; contentStart: number }
  | { type: "chapter"; number: number; contentStart: number }
  | { type: "bracket"; candidates: number[]; contentStart: number };

const MEASURE_LABEL = /^(\d{1,3})\s*[、.]\s*/;
const CHAPTER_LABEL = /^([一二两三四五六七八九十]{1,3})\s*[、.]\s*/;
// Either bracket may be missing (damaged copies), but not both: a bare numeral
// at line start is ordinary prose ("一是…").
const BRACKET_LABEL = /^(\()?\s*([一二两三四五六七八九十]{1,3})\s*(\))?\s*(?:[、.]\s*)?/;

function classify(line: Line): Classified {
  const f = line.folded;
  if (f === "") return { type: "blank" };

  const measure = MEASURE_LABEL.exec(f);
  if (measure) {
    const digits = measure[1] ?? "";
    const rest = f.slice(measure[0].length);
    const number = Number.parseInt(digits, 10);
    // "2.5亿元…" or "10.…" are numbers in prose, not labels.
    if (number > 0 && rest !== "" && !/^\d/.test(rest)) {
      return { type: "measure", number, contentStart: line.start + measure[0].length };
    }
  }

  const chapter = CHAPTER_LABEL.exec(f);
  if (chapter) {
    const number = parseChineseNumeral(chapter[1] ?? "");
    if (number !== null) return { type: "chapter", number, contentStart: line.start + chapter[0].length };
  }

  const bracket = BRACKET_LABEL.exec(f);
  if (bracket && (bracket[1] || bracket[3])) {
    const run = bracket[2] ?? "";
    const candidates: number[] = [];
    if (bracket[3]) {
      const n = parseChineseNumeral(run);
      if (n !== null) candidates.push(n);
    } else {
      // Without the closing bracket the title may start with a numeral
      // character ("(十一体化…"), so every valid prefix is a candidate and the
      // walker picks using the expected sequence.
      for (let len = run.length; len >= 1; len--) {
        const n = parseChineseNumeral(run.slice(0, len));
        if (n !== null) candidates.push(n);
      }
    }
    if (candidates.length > 0) {
      return { type: "bracket", candidates, contentStart: line.start + bracket[0].length };
    }
  }

  return { type: "plain" };
}

/**
 * Offset where the title starts once the walker has chosen a numeral reading.
 * Only needed when the closing bracket is missing: then the regex cannot tell
 * where the numeral ends and the title begins.
 */
function bracketContentStart(line: Line, number: number, hadClose: boolean, defaultStart: number): number {
  if (hadClose) return defaultStart;
  const open = /^\(?\s*/.exec(line.folded);
  let rel = (open ? open[0].length : 0) + toChineseNumeral(number).length;
  const src = line.folded;
  while (rel < src.length && isSpace(src.charAt(rel))) rel++;
  if (/[、.]/.test(src.charAt(rel))) {
    rel++;
    while (rel < src.length && isSpace(src.charAt(rel))) rel++;
  }
  return line.start + rel;
}

// ---------------------------------------------------------------------------
// Trailing boilerplate

/** Markers that never start a paragraph of an official document. */
const BOILERPLATE_AT_LINE_START =
  /^(?:文章来源|本文来源|网站内容来源|内容来源|信息来源|稿件来源|来源于|来源\s*:|责任编辑|https?:\/\/|www\.)/i;
/** Strong markers may follow a closing bracket, sentence end or space inside a line. */
const BOILERPLATE_STRONG_MIDLINE =
  /(?<=[)\]】」』。!?\s])(?:文章来源|本文来源|网站内容来源|信息来源|稿件来源|https?:\/\/|www\.)/i;
/** "来源于" alone is common prose, so mid-line it only counts right after a closing bracket (as in "此件公开发布)来源于…"). */
const BOILERPLATE_WEAK_MIDLINE = /(?<=[)\]】」』])(?:来源于|来源\s*:)/;

function isItemMarker(c: Classified): boolean {
  return c.type === "measure" || c.type === "chapter" || c.type === "bracket";
}

/**
 * Returns the input offset where trailing boilerplate starts, or null.
 * Mid-line markers are only trusted from the last labelled line on, because
 * earlier lines are document prose where a URL or "来源于" may legitimately occur.
 */
function findBoilerplateCut(lines: Line[], classes: Classified[]): number | null {
  let lineStartCut: number | null = null;
  let lineStartIdx = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line && BOILERPLATE_AT_LINE_START.test(line.folded)) {
      lineStartCut = line.start;
      lineStartIdx = i;
      break;
    }
  }

  let lastMarker = -1;
  for (let i = 0; i < lineStartIdx; i++) {
    const c = classes[i];
    if (c && isItemMarker(c)) lastMarker = i;
  }

  for (let i = Math.max(lastMarker, 0); i < lineStartIdx; i++) {
    const line = lines[i];
    if (!line) continue;
    const strong = BOILERPLATE_STRONG_MIDLINE.exec(line.folded);
    const weak = BOILERPLATE_WEAK_MIDLINE.exec(line.folded);
    const hits = [strong?.index, weak?.index].filter((x): x is number => x !== undefined && x > 0);
    if (hits.length > 0) return line.start + Math.min(...hits);
  }
  return lineStartCut;
}

// ---------------------------------------------------------------------------
// Signature block

const DATE_AT_END =
  /^(.*?)\s*(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
const PUBLICATION_NOTE = /^\(?\s*(此件[^()]{1,15}?)\s*\)?$/;
const ORG_SUFFIX = /(?:人民政府|政府|委员会|办公厅|办公室|局|厅|委|部|院|会)$/;
const SENTENCE_PUNCTUATION = /[。,;:!?、]/;

function parseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number.parseInt(s, 10);
  let year = 0;
  for (const ch of s) {
    const d = DIGIT_VALUES[ch];
    if (d === undefined) return null;
    year = year * 10 + d;
  }
  return year;
}

function parseSmallNumber(s: string): number | null {
  return /^\d+$/.test(s) ? Number.parseInt(s, 10) : parseChineseNumeral(s);
}

interface DateMatch {
  prefix: string;
  iso: string | null;
  raw: string;
}

function matchDateLine(line: Line): DateMatch | null {
  const m = DATE_AT_END.exec(line.folded);
  if (!m) return null;
  const prefix = (m[1] ?? "").trim();
  // A sentence that merely ends with a date is prose, not a signature line.
  if (prefix.length > 30 || SENTENCE_PUNCTUATION.test(prefix)) return null;
  const year = parseYear(m[2] ?? "");
  const month = parseSmallNumber(m[3] ?? "");
  const day = parseSmallNumber(m[4] ?? "");
  let iso: string | null = null;
  if (year !== null && month !== null && day !== null) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    }
  }
  // Folded and raw text share offsets, so the group length locates the prefix in the original.
  return { prefix: line.raw.slice(0, (m[1] ?? "").length).trim(), iso, raw: line.raw };
}

function looksLikeIssuer(line: Line): boolean {
  const f = line.folded;
  return f.length > 0 && f.length <= 30 && !SENTENCE_PUNCTUATION.test(f) && !/[()]/.test(f);
}

function matchPublicationNote(line: Line): string | null {
  const m = PUBLICATION_NOTE.exec(line.folded);
  return m ? (m[1] ?? "").trim() : null;
}

// ---------------------------------------------------------------------------
// Main parser

interface ItemDraft {
  kind: MeasureKind;
  number: number;
  label: string;
  start: number;
  contentStart: number;
  end: number;
  lastLine: Line;
  sectionNumber: number | null;
  sectionInferred: boolean;
  chapterNumber: number | null;
  /** Measure seen before any heading; its section is settled after the walk. */
  awaitingInference: boolean;
}

/** True when a line ends a paragraph, so a following unlabelled line is a new paragraph rather than a hard wrap. */
function endsParagraph(line: Line): boolean {
  const f = line.folded.replace(/[”’」』"')\]]+$/u, "");
  return /[。!?;:…]$/.test(f);
}

function firstSentence(content: string): { title: string; hasSentenceEnd: boolean } {
  const folded = fold(content);
  const idx = folded.indexOf("。");
  if (idx >= 0) return { title: normaliseTitle(content.slice(0, idx)), hasSentenceEnd: true };
  return { title: normaliseTitle(content), hasSentenceEnd: false };
}

/** True for "title。more text", i.e. a paragraph rather than a bare heading. */
function continuesAfterFirstSentence(content: string): boolean {
  const f = fold(content).trim();
  const idx = f.indexOf("。");
  return idx >= 0 && idx < f.length - 1;
}

function checkSequence(what: string, numbers: number[], warnings: string[], mustStartAtOne: boolean): void {
  const first = numbers[0];
  if (first === undefined) return;
  if (mustStartAtOne && first !== 1) warnings.push(`${what} numbering starts at ${first} instead of 1`);
  for (let i = 1; i < numbers.length; i++) {
    const prev = numbers[i - 1];
    const cur = numbers[i];
    if (prev === undefined || cur === undefined) continue;
    if (cur === prev) warnings.push(`duplicate ${what} number ${cur}`);
    else if (cur < prev) warnings.push(`${what} ${cur} appears after ${what} ${prev} (out of order)`);
    else if (cur > prev + 1) {
      const missing = cur - prev === 2 ? `${prev + 1} is` : `${prev + 1}–${cur - 1} are`;
      warnings.push(`${what} numbering gap: ${prev} is followed by ${cur} (${missing} missing)`);
    }
  }
}

export function parseOpinion(text: string): ParsedOpinion {
  if (typeof text !== "string") {
    throw new TypeError(`parseOpinion expects a string, got ${text === null ? "null" : typeof text}`);
  }

  const allLines = splitLines(text);
  const allClasses = allLines.map(classify);
  const cut = findBoilerplateCut(allLines, allClasses);

  const keptEnd = cut ?? text.length;
  const droppedTrailingText = cut === null ? "" : text.slice(cut).trim();
  const body = text.slice(0, keptEnd).replace(/^\uFEFF/, "").trim();

  // Re-split the kept part so a boilerplate marker glued to a line ("此件公开发布)文章来源于…") leaves a clean line behind.
  const lines = splitLines(text.slice(0, keptEnd)).filter((l) => l.raw !== "");
  const classes = lines.map(classify);

  const warnings: string[] = [];
  const chapters: ParsedChapter[] = [];
  const sections: ParsedSection[] = [];
  const items: ItemDraft[] = [];

  let lastMarkerIdx = -1;
  classes.forEach((c, i) => {
    if (isItemMarker(c)) lastMarkerIdx = i;
  });

  let currentChapter: ParsedChapter | null = null;
  let currentSection: ParsedSection | null = null;
  let current: ItemDraft | null = null;
  let lastBracketInRegion: number | null = null;
  let firstPreChapterSection: number | null = null;
  let seenAnyHeadingOrItem = false;
  const preambleLines: Line[] = [];
  let idx = 0;

  for (; idx <= lastMarkerIdx; idx++) {
    const line = lines[idx];
    const c = classes[idx];
    if (!line || !c) continue;

    if (c.type === "plain" || c.type === "blank") {
      if (current) {
        current.end = line.end;
        current.lastLine = line;
      } else if (!seenAnyHeadingOrItem) {
        preambleLines.push(line);
      } else {
        warnings.push(`text not attached to any measure: "${truncate(line.raw)}"`);
      }
      continue;
    }

    seenAnyHeadingOrItem = true;

    if (c.type === "chapter") {
      current = null;
      const rest = text.slice(c.contentStart, line.end);
      const { title } = firstSentence(rest);
      if (continuesAfterFirstSentence(rest)) {
        warnings.push(`chapter ${toChineseNumeral(c.number)} heading carries body text that is not attached to any measure`);
      }
      currentChapter = { number: c.number, label: toChineseNumeral(c.number), title };
      chapters.push(currentChapter);
      currentSection = null;
      lastBracketInRegion = null;
      continue;
    }

    if (c.type === "measure") {
      const awaitingInference = currentSection === null && currentChapter === null;
      current = {
        kind: "MEASURE",
        number: c.number,
        label: String(c.number),
        start: line.start,
        contentStart: c.contentStart,
        end: line.end,
        lastLine: line,
        sectionNumber: currentSection?.number ?? null,
        sectionInferred: false,
        chapterNumber: currentChapter?.number ?? null,
        awaitingInference,
      };
      items.push(current);
      continue;
    }

    // Bracketed label: pick the numeral reading that continues the sequence when ambiguous.
    const expected: number | null = lastBracketInRegion === null ? null : lastBracketInRegion + 1;
    const number: number =
      (expected !== null ? c.candidates.find((n) => n === expected) : undefined) ?? c.candidates[0] ?? 0;
    const hadClose = /^\(?\s*[一二两三四五六七八九十]{1,3}\s*\)/.test(line.folded);
    const contentStart = bracketContentStart(line, number, hadClose, c.contentStart);
    const rest = text.slice(contentStart, line.end);
    const foldedRest = fold(rest).trim();
    // A bare heading has no sentence at all; anything with 。 after a chapter heading is an item ("(一)本意见自发布之日起施行。").
    const isShortHeading = !foldedRest.includes("。") && foldedRest.length <= 20;
    const carriesBodyText = continuesAfterFirstSentence(rest) || foldedRest.replace(/。$/, "").length > 20;
    lastBracketInRegion = number;
    const label = `（${toChineseNumeral(number)}）`;
    const chapterNumber: number | null = currentChapter === null ? null : currentChapter.number;

    if (chapterNumber !== null && !isShortHeading) {
      current = {
        kind: "SAFEGUARD",
        number,
        label,
        start: line.start,
        contentStart,
        end: line.end,
        lastLine: line,
        sectionNumber: currentSection?.number ?? null,
        sectionInferred: false,
        chapterNumber,
        awaitingInference: false,
      };
      items.push(current);
      continue;
    }

    current = null;
    const { title } = firstSentence(rest);
    if (carriesBodyText) {
      warnings.push(`section ${label} heading carries body text that is not attached to any measure`);
    }
    currentSection = { number, label, title, chapterNumber };
    sections.push(currentSection);
    if (chapterNumber === null && firstPreChapterSection === null) firstPreChapterSection = number;
  }

  // Hard-wrapped continuation lines of the last item (the previous line has no sentence end).
  while (current && idx < lines.length) {
    const line = lines[idx];
    if (!line || endsParagraph(current.lastLine) || matchDateLine(line) || matchPublicationNote(line)) break;
    current.end = line.end;
    current.lastLine = line;
    idx++;
  }

  const tail = lines.slice(idx);
  const signature = parseSignature(text, tail, warnings);

  // Measures above the first section heading belong to the section before it,
  // whose heading was cut off together with the preceding measures.
  if (firstPreChapterSection !== null && firstPreChapterSection > 1) {
    for (const item of items) {
      if (item.awaitingInference) {
        item.sectionNumber = firstPreChapterSection - 1;
        item.sectionInferred = true;
      }
    }
  }

  const toParsed = (d: ItemDraft): ParsedMeasure => {
    const content = text.slice(d.contentStart, d.end);
    const { title, hasSentenceEnd } = firstSentence(content);
    if (!hasSentenceEnd) warnings.push(`${d.kind === "MEASURE" ? "measure" : "safeguard"} ${d.label} has no sentence ending in 。; whole paragraph used as title`);
    if (title === "") warnings.push(`${d.kind === "MEASURE" ? "measure" : "safeguard"} ${d.label} has an empty title`);
    return {
      kind: d.kind,
      number: d.number,
      label: d.label,
      title,
      text: text.slice(d.start, d.end),
      content,
      sectionNumber: d.sectionNumber,
      sectionInferred: d.sectionInferred,
      chapterNumber: d.chapterNumber,
    };
  };

  const measures = items.filter((d) => d.kind === "MEASURE").map(toParsed);
  const safeguards = items.filter((d) => d.kind === "SAFEGUARD").map(toParsed);

  if (measures.length === 0 && safeguards.length === 0) {
    throw new OpinionParseError(
      text.trim() === ""
        ? "parseOpinion: input is empty; expected an opinion text with numbered measures such as \"15、扩大教育对外开放。…\""
        : "parseOpinion: no recognisable measures found; expected paragraphs starting with \"15、\"/\"15.\" or \"(一)…。\" after a chapter heading",
    );
  }

  checkSequence("measure", measures.map((m) => m.number), warnings, false);
  checkSequence("chapter", chapters.map((c) => c.number), warnings, false);
  // Safeguards and sections restart in each chapter; before the first chapter heading the text may start mid-way.
  const byChapter = new Map<number | null, { sections: number[]; safeguards: number[] }>();
  const bucket = (ch: number | null) => {
    let b = byChapter.get(ch);
    if (!b) {
      b = { sections: [], safeguards: [] };
      byChapter.set(ch, b);
    }
    return b;
  };
  for (const s of sections) bucket(s.chapterNumber).sections.push(s.number);
  for (const s of safeguards) bucket(s.chapterNumber).safeguards.push(s.number);
  for (const [ch, b] of byChapter) {
    const where = ch === null ? "" : ` in chapter ${toChineseNumeral(ch)}`;
    checkSequence(`section${where}`, b.sections, warnings, ch !== null);
    checkSequence(`safeguard${where}`, b.safeguards, warnings, ch !== null);
  }

  const preambleFirst = preambleLines[0];
  const preambleLast = preambleLines[preambleLines.length - 1];
  const preamble =
    preambleFirst && preambleLast ? text.slice(preambleFirst.start, preambleLast.end).replace(/^\uFEFF/, "").trim() || null : null;

  return {
    issuer: signature.issuer,
    issuedOn: signature.issuedOn,
    publicationNote: signature.publicationNote,
    body,
    preamble,
    chapters,
    sections,
    measures,
    safeguards,
    closingText: signature.closingText,
    droppedTrailingText,
    warnings,
  };
}

interface SignatureBlock {
  issuer: string | null;
  issuedOn: string | null;
  publicationNote: string | null;
  closingText: string | null;
}

/** Splits the text after the last item into closing paragraph(s), issuer, date and publication note. */
function parseSignature(
  text: string,
  tailLines: Line[],
  warn: string[],
): SignatureBlock {
  let issuer: string | null = null;
  let issuedOn: string | null = null;
  let publicationNote: string | null = null;
  const used = new Set<number>();

  tailLines.forEach((line, i) => {
    const note = matchPublicationNote(line);
    if (note !== null && publicationNote === null) {
      publicationNote = note;
      used.add(i);
    }
  });

  let dateIdx = -1;
  let date: DateMatch | null = null;
  for (let i = tailLines.length - 1; i >= 0; i--) {
    const line = tailLines[i];
    const m = line && !used.has(i) ? matchDateLine(line) : null;
    if (m) {
      dateIdx = i;
      date = m;
      break;
    }
  }

  let issuerIdx = -1;
  if (date) {
    used.add(dateIdx);
    issuedOn = date.iso;
    if (date.iso === null) warn.push(`signature date "${date.raw}" is not a valid calendar date`);
    if (date.prefix !== "") {
      issuer = date.prefix;
      issuerIdx = dateIdx;
    } else {
      for (let i = dateIdx - 1; i >= 0; i--) {
        const line = tailLines[i];
        if (!line || used.has(i)) continue;
        if (looksLikeIssuer(line)) {
          issuer = line.raw;
          issuerIdx = i;
          used.add(i);
        }
        break;
      }
    }
  } else {
    for (let i = tailLines.length - 1; i >= 0; i--) {
      const line = tailLines[i];
      if (line && !used.has(i) && looksLikeIssuer(line) && ORG_SUFFIX.test(line.folded)) {
        issuer = line.raw;
        issuerIdx = i;
        used.add(i);
        break;
      }
    }
  }

  // Closing paragraphs sit between the last item and the signature.
  const signatureStart = issuerIdx >= 0 ? issuerIdx : dateIdx >= 0 ? dateIdx : tailLines.length;
  const closing: Line[] = [];
  tailLines.forEach((line, i) => {
    if (used.has(i)) return;
    if (i < signatureStart) closing.push(line);
    else warn.push(`unrecognised text after the signature: "${truncate(line.raw)}"`);
  });
  const first = closing[0];
  const last = closing[closing.length - 1];
  const closingText = first && last ? text.slice(first.start, last.end) : null;
  return { issuer, issuedOn, publicationNote, closingText };
}

function truncate(s: string, max = 30): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
