import type { PrismaClient } from "../../src/generated/prisma/client";
import { loadCuratedPolicy, type CuratedPolicy } from "./curated-schema";
import { parseOpinion, toChineseNumeral, type ParsedMeasure } from "./parse-opinion";
import { readSeedJson, readSeedText } from "./files";

export const DOCUMENT_CODE = "anshan-2017-urban-rural-compulsory-education";
const SOURCE_FILE = "anshan-opinion-2017.txt";
// Measures 1–14 exist in the opinion but not in our copy: numbered slots, never invented text.
const FIRST_MEASURE_IN_SOURCE = 15;

/** Finds `quote` verbatim in `text`, preferring an occurrence inside [from, to). */
export function locateQuote(text: string, quote: string, from = 0, to = text.length): { start: number; end: number } {
  const inside = text.indexOf(quote, from);
  const start = inside >= 0 && inside + quote.length <= to ? inside : text.indexOf(quote);
  if (start < 0) throw new Error(`source sentence not found verbatim in the opinion: «${quote.slice(0, 40)}…»`);
  return { start, end: start + quote.length };
}

export async function seedPolicy(prisma: PrismaClient) {
  const parsed = parseOpinion(readSeedText(SOURCE_FILE));
  const curated = loadCuratedPolicy(readSeedJson("curated-policy.json"));
  const text = parsed.body;

  const document = await prisma.policyDocument.upsert({
    where: { code: DOCUMENT_CODE },
    update: {},
    create: {
      code: DOCUMENT_CODE,
      // Our copy has no heading; this title is assembled from the body's own words
      // ("统筹推进县域内城乡义务教育一体化改革发展", "本实施意见") and the signature, and says so.
      titleZh: "鞍山市人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见",
      titleEn: "Implementation Opinion of the Anshan Municipal People's Government on Integrating Urban and Rural Compulsory Education within Counties",
      titleNoteZh: "本站所存文本缺少标题及第1—14条,标题据正文用语整理。",
      titleNoteEn: "Our copy lacks the heading and measures 1–14; the title is assembled from the body's own wording.",
      issuer: parsed.issuer,
      issuedOn: parsed.issuedOn ? new Date(`${parsed.issuedOn}T00:00:00Z`) : null,
      publicationNote: parsed.publicationNote,
      sourceText: text,
      sourceName: SOURCE_FILE,
    },
  });
  if (document.sourceText !== text) {
    throw new Error("the stored opinion text differs from prisma/seed-data: source offsets would not match; migrate the data deliberately");
  }

  const sectionIds = await seedSections(prisma, document.id, parsed);
  const measureIds = await seedMeasures(prisma, document.id, text, parsed, sectionIds);
  const counts = await seedCurated(prisma, text, curated, measureIds);
  return { measures: measureIds.size, ...counts };
}

type Parsed = ReturnType<typeof parseOpinion>;

async function seedSections(prisma: PrismaClient, documentId: number, parsed: Parsed) {
  // Chapter 三 is in the text; chapters before it, and the sections (一)… before the first
  // heading we hold, are known to exist from the numbering alone: slots without titles.
  const lastChapter = Math.max(0, ...parsed.chapters.map((c) => c.number));
  // Sections seen before the first chapter heading belong to the chapter just before it.
  const sectionChapter = Math.max(1, (parsed.chapters[0]?.number ?? 2) - 1);
  const firstSection = Math.min(...parsed.sections.map((s) => s.number));
  const rows: { key: string; level: number; number: number; title: string | null; parentKey: string | null }[] = [];
  for (let n = 1; n <= lastChapter; n++) {
    const chapter = parsed.chapters.find((c) => c.number === n);
    rows.push({ key: String(n), level: 1, number: n, title: chapter?.title ?? null, parentKey: null });
    if (n !== sectionChapter) continue;
    const lastSection = Math.max(...parsed.sections.map((s) => s.number));
    for (let s = 1; s <= lastSection; s++) {
      const section = s >= firstSection ? parsed.sections.find((x) => x.number === s) : undefined;
      rows.push({ key: `${n}.${s}`, level: 2, number: s, title: section?.title ?? null, parentKey: String(n) });
    }
  }
  const ids = new Map<string, number>();
  for (const [sortOrder, row] of rows.entries()) {
    const label = row.level === 1 ? `${toChineseNumeral(row.number)}、` : `（${toChineseNumeral(row.number)}）`;
    const saved = await prisma.section.upsert({
      where: { documentId_key: { documentId, key: row.key } },
      update: {},
      create: {
        documentId,
        key: row.key,
        level: row.level,
        number: row.number,
        label,
        title: row.title,
        textStatus: row.title ? "FROM_SOURCE" : "NOT_ENTERED",
        parentId: row.parentKey ? (ids.get(row.parentKey) ?? null) : null,
        sortOrder,
      },
    });
    ids.set(row.key, saved.id);
  }
  return { ids, sectionChapter };
}

async function seedMeasures(
  prisma: PrismaClient,
  documentId: number,
  text: string,
  parsed: Parsed,
  sections: { ids: Map<string, number>; sectionChapter: number },
) {
  const measureIds = new Map<string, number>();
  const safeguardChapter = parsed.chapters[0]?.number ?? 3;
  const entries: { key: string; kind: "MEASURE" | "SAFEGUARD"; number: number; label: string; parsed?: ParsedMeasure; sectionKey: string | null; sortOrder: number }[] = [];
  for (let n = 1; n < FIRST_MEASURE_IN_SOURCE; n++) {
    entries.push({ key: `M${n}`, kind: "MEASURE", number: n, label: String(n), sectionKey: null, sortOrder: n });
  }
  for (const m of parsed.measures) {
    const sectionKey = m.sectionNumber ? `${sections.sectionChapter}.${m.sectionNumber}` : null;
    entries.push({ key: `M${m.number}`, kind: "MEASURE", number: m.number, label: m.label, parsed: m, sectionKey, sortOrder: m.number });
  }
  for (const s of parsed.safeguards) {
    entries.push({ key: `S${s.number}`, kind: "SAFEGUARD", number: s.number, label: s.label, parsed: s, sectionKey: String(s.chapterNumber ?? safeguardChapter), sortOrder: 100 + s.number });
  }
  for (const entry of entries) {
    const span = entry.parsed ? locateQuote(text, entry.parsed.text) : null;
    const sourceFields = entry.parsed
      ? { titleZh: entry.parsed.title, text: entry.parsed.content, textStatus: "FROM_SOURCE" as const, sourceStart: span!.start, sourceEnd: span!.end }
      : { titleZh: null, text: null, textStatus: "NOT_ENTERED" as const, sourceStart: null, sourceEnd: null };
    const saved = await prisma.measure.upsert({
      where: { documentId_kind_number: { documentId, kind: entry.kind, number: entry.number } },
      // Text that staff entered or revised (measures 1–14, corrections) is never overwritten.
      update: {},
      create: {
        documentId,
        kind: entry.kind,
        number: entry.number,
        label: entry.label,
        sectionId: entry.sectionKey ? (sections.ids.get(entry.sectionKey) ?? null) : null,
        sectionInferred: entry.parsed?.sectionInferred ?? false,
        sortOrder: entry.sortOrder,
        ...sourceFields,
      },
    });
    measureIds.set(entry.key, saved.id);
  }
  return measureIds;
}

async function seedCurated(prisma: PrismaClient, text: string, curated: CuratedPolicy, measureIds: Map<string, number>) {
  const measureId = (key: string) => {
    const id = measureIds.get(key);
    if (!id) throw new Error(`curated data names measure ${key}, which the opinion does not have`);
    return id;
  };
  const spans = new Map<number, { sourceStart: number | null; sourceEnd: number | null }>();
  for (const m of await prisma.measure.findMany({ select: { id: true, sourceStart: true, sourceEnd: true } })) spans.set(m.id, m);
  const locate = (measureKey: string, quote: string) => {
    const span = spans.get(measureId(measureKey));
    return locateQuote(text, quote, span?.sourceStart ?? 0, span?.sourceEnd ?? text.length);
  };

  const departmentIds = new Map<string, number>();
  for (const d of curated.departments) {
    const saved = await prisma.department.upsert({
      where: { code: d.code },
      update: {},
      create: { code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind, aliasesZh: d.aliasesZh },
    });
    departmentIds.set(d.code, saved.id);
  }

  for (const duty of curated.duties) {
    const { start, end } = locate(duty.measure, duty.sourceQuote);
    const unitCodes = duty.assignee.type === "UNITS" ? duty.assignee.unitCodes : [];
    const units = unitCodes.length ? await prisma.unit.findMany({ where: { code: { in: unitCodes } }, select: { id: true } }) : [];
    if (units.length !== unitCodes.length) throw new Error(`duty ${duty.code} names units that are not seeded: ${unitCodes.join(", ")}`);
    const data = {
      measureId: measureId(duty.measure),
      assignee: duty.assignee.type === "UNITS" ? ("SELECTED_UNITS" as const) : duty.assignee.type,
      departmentId: duty.assignee.type === "DEPARTMENT" ? (departmentIds.get(duty.assignee.department) ?? null) : null,
      role: duty.role,
      summaryZh: duty.summaryZh,
      summaryEn: duty.summaryEn,
      note: duty.note ?? null,
      sourceQuote: duty.sourceQuote,
      sourceStart: start,
      sourceEnd: end,
    };
    // Curated data is the reviewed source of truth for duties: a re-seed brings corrections in.
    const saved = await prisma.duty.upsert({ where: { code: duty.code }, update: data, create: { code: duty.code, ...data } });
    await prisma.dutyUnit.deleteMany({ where: { dutyId: saved.id } });
    if (units.length) await prisma.dutyUnit.createMany({ data: units.map((u) => ({ dutyId: saved.id, unitId: u.id })) });
  }

  const indicatorIds = new Map<string, number>();
  // Ratios point at their numerator and denominator: plain indicators first.
  const ordered = [...curated.indicators].sort((a, b) => Number(a.valueType === "RATIO") - Number(b.valueType === "RATIO"));
  for (const indicator of ordered) {
    const data = {
      measureId: measureId(indicator.measure),
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      valueType: indicator.valueType,
      unitOfMeasureZh: indicator.unitOfMeasureZh ?? null,
      unitOfMeasureEn: indicator.unitOfMeasureEn ?? null,
      scope: indicator.scope,
      descriptionZh: indicator.descriptionZh ?? null,
      descriptionEn: indicator.descriptionEn ?? null,
      numeratorId: indicator.numerator ? (indicatorIds.get(indicator.numerator) ?? null) : null,
      denominatorId: indicator.denominator ? (indicatorIds.get(indicator.denominator) ?? null) : null,
      sortOrder: curated.indicators.indexOf(indicator),
    };
    const saved = await prisma.indicator.upsert({ where: { code: indicator.code }, update: data, create: { code: indicator.code, ...data } });
    indicatorIds.set(indicator.code, saved.id);
  }

  for (const [sortOrder, target] of curated.targets.entries()) {
    const { start, end } = locate(target.measure, target.sourceQuote);
    const data = {
      measureId: measureId(target.measure),
      titleZh: target.titleZh,
      titleEn: target.titleEn,
      kind: target.kind,
      indicatorId: target.indicator ? (indicatorIds.get(target.indicator) ?? null) : null,
      conditionIndicatorId: target.conditionIndicator ? (indicatorIds.get(target.conditionIndicator) ?? null) : null,
      comparator: target.comparator ?? null,
      threshold: target.threshold ?? null,
      period: target.period,
      dueDate: target.dueDate ? new Date(`${target.dueDate}T00:00:00Z`) : null,
      scope: target.scope,
      evaluationNoteZh: target.evaluationNoteZh ?? null,
      evaluationNoteEn: target.evaluationNoteEn ?? null,
      sourceQuote: target.sourceQuote,
      sourceStart: start,
      sourceEnd: end,
      sortOrder,
    };
    const saved = await prisma.target.upsert({ where: { code: target.code }, update: data, create: { code: target.code, ...data } });
    const unitCodes = target.unitCodes ?? [];
    const units = unitCodes.length ? await prisma.unit.findMany({ where: { code: { in: unitCodes } }, select: { id: true } }) : [];
    if (units.length !== unitCodes.length) throw new Error(`target ${target.code} names units that are not seeded: ${unitCodes.join(", ")}`);
    await prisma.targetUnit.deleteMany({ where: { targetId: saved.id } });
    if (units.length) await prisma.targetUnit.createMany({ data: units.map((u) => ({ targetId: saved.id, unitId: u.id })) });
  }
  return { departments: curated.departments.length, duties: curated.duties.length, indicators: curated.indicators.length, targets: curated.targets.length };
}
