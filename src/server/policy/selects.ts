import "server-only";

// The shapes the policy reads select again and again, one place each.

/** What a measure's label, title and link need (measureName, measureLabel, measureHref). */
export const measureNameFields = { kind: true, number: true, label: true, titleZh: true, titleEn: true } as const;

/** The revisions staff made: the imported original, kept as a FROM_SOURCE revision, is not one. */
export const staffRevisions = { textStatus: { not: "FROM_SOURCE" } } as const;

/** A duty as the public unit and department pages list it, with the measure it belongs to. */
export const dutyWithMeasure = { code: true, role: true, summaryZh: true, summaryEn: true, measure: { select: measureNameFields } } as const;
