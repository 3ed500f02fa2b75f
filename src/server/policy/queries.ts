import "server-only";
import { db } from "@/server/db/client";
import { departmentFields, unitFields } from "@/server/organisation/shared";
import { parseMeasureRef } from "./measure-ref";
import { dutyWithMeasure, measureNameFields, staffRevisions } from "./selects";

// Public reads of the policy: the opinion's text, duties and targets are published material,
// so no role check is needed here; every query still selects only what the pages show.

const measureSummary = {
  id: true,
  ...measureNameFields,
  textStatus: true,
  sectionId: true,
  sectionInferred: true,
  _count: { select: { duties: true, targets: true } },
} as const;

export async function getOpinionOverview() {
  const document = await db().policyDocument.findFirst({
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      titleNoteZh: true,
      titleNoteEn: true,
      issuer: true,
      issuedOn: true,
      publicationNote: true,
      sections: { orderBy: { sortOrder: "asc" }, select: { id: true, key: true, level: true, number: true, label: true, title: true, textStatus: true, parentId: true } },
      measures: { orderBy: { sortOrder: "asc" }, select: measureSummary },
    },
  });
  if (!document) return null;
  const [departments, targets] = await Promise.all([
    db().department.count({ where: { active: true } }),
    db().target.count({ where: { measure: { documentId: document.id } } }),
  ]);
  return { ...document, counts: { departments, targets } };
}

export type OpinionOverview = NonNullable<Awaited<ReturnType<typeof getOpinionOverview>>>;

export async function getMeasure(ref: string) {
  const parsed = parseMeasureRef(ref);
  if (!parsed) return null;
  const measure = await db().measure.findFirst({
    where: { kind: parsed.kind, number: parsed.number },
    orderBy: { documentId: "asc" },
    select: {
      id: true,
      ...measureNameFields,
      text: true,
      textStatus: true,
      sourceStart: true,
      sourceEnd: true,
      sectionInferred: true,
      document: { select: { titleZh: true, titleEn: true, sourceText: true } },
      section: { select: { label: true, title: true, parent: { select: { label: true, title: true } } } },
      revisions: { where: staffRevisions, orderBy: { revisedAt: "desc" }, select: { id: true, revisedAt: true, reason: true, textStatus: true } },
      duties: {
        orderBy: [{ role: "asc" }, { code: "asc" }],
        select: {
          id: true,
          code: true,
          assignee: true,
          role: true,
          summaryZh: true,
          summaryEn: true,
          sourceQuote: true,
          sourceStart: true,
          sourceEnd: true,
          department: { select: { code: true, nameZh: true, nameEn: true } },
          units: { select: { unit: { select: { code: true, nameZh: true, nameEn: true } } } },
        },
      },
      targets: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          kind: true,
          comparator: true,
          threshold: true,
          period: true,
          dueDate: true,
          scope: true,
          evaluationNoteZh: true,
          evaluationNoteEn: true,
          sourceQuote: true,
          sourceStart: true,
          sourceEnd: true,
          indicator: {
            select: {
              code: true,
              nameZh: true,
              nameEn: true,
              valueType: true,
              numerator: { select: { code: true, nameZh: true, nameEn: true, unitOfMeasureZh: true, unitOfMeasureEn: true } },
              denominator: { select: { code: true, nameZh: true, nameEn: true, unitOfMeasureZh: true, unitOfMeasureEn: true } },
            },
          },
        },
      },
    },
  });
  if (!measure) return null;
  const { document, ...rest } = measure;
  // Only the measure's own slice of the source is sent to the page, with spans made relative.
  // Once staff have revised the text, the page shows their text, not the imported paragraph.
  const { sourceStart, sourceEnd } = measure;
  const paragraph = measure.textStatus === "FROM_SOURCE" && sourceStart !== null && sourceEnd !== null ? document.sourceText.slice(sourceStart, sourceEnd) : null;
  return { ...rest, paragraph, documentTitleZh: document.titleZh, documentTitleEn: document.titleEn };
}

export type MeasureDetail = NonNullable<Awaited<ReturnType<typeof getMeasure>>>;

export async function getAdjacentMeasures(sortOrder: { kind: "MEASURE" | "SAFEGUARD"; number: number }) {
  const all = await db().measure.findMany({ orderBy: { sortOrder: "asc" }, select: measureNameFields });
  const index = all.findIndex((m) => m.kind === sortOrder.kind && m.number === sortOrder.number);
  return { previous: index > 0 ? all[index - 1] : undefined, next: index >= 0 ? all[index + 1] : undefined };
}

export async function listDepartments() {
  return db().department.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: {
      code: true,
      nameZh: true,
      nameEn: true,
      kind: true,
      duties: { select: { role: true, measureId: true } },
    },
  });
}

export async function getDepartment(code: string) {
  return db().department.findUnique({
    where: { code },
    select: {
      ...departmentFields,
      duties: {
        orderBy: [{ measure: { sortOrder: "asc" } }, { code: "asc" }],
        select: { ...dutyWithMeasure, sourceQuote: true },
      },
    },
  });
}


export async function listUnits() {
  return db().unit.findMany({
    // deactivated units keep their pages (history) but leave the list of current units
    where: { kind: { not: "TOWNSHIP" }, active: true },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    select: { ...unitFields, parent: { select: { code: true } }, _count: { select: { children: true } } },
  });
}

export async function getUnit(code: string) {
  const unit = await db().unit.findUnique({
    where: { code },
    select: {
      ...unitFields,
      parent: { select: { code: true, nameZh: true, nameEn: true, kind: true } },
      children: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: unitFields },
    },
  });
  if (!unit) return null;
  // Duties that bind this unit: those given to every reporting unit, and those naming it.
  const duties = unit.isReporting
    ? await db().duty.findMany({
        where: { OR: [{ assignee: "ALL_REPORTING_UNITS" }, { units: { some: { unit: { code } } } }] },
        orderBy: [{ measure: { sortOrder: "asc" } }, { code: "asc" }],
        select: { ...dutyWithMeasure, assignee: true },
      })
    : [];
  return { ...unit, duties };
}
