import { localText } from "./local-name";

// How a measure is named everywhere (public pages, report form, review, cycles, admin): measures
// by number ("第20条", "Measure 20"), safeguard measures by their own label ("保障措施（一）").
// The format is part of the measure's identity, like a code, so it lives here rather than in
// each area's messages.

export type MeasureRefFields = { kind?: "MEASURE" | "SAFEGUARD" | string; number?: number | null; label: string };
export type MeasureTitled = MeasureRefFields & { titleZh: string | null; titleEn: string | null };

const isSafeguard = (m: MeasureRefFields) => (m.kind ? m.kind === "SAFEGUARD" : !/^\d+$/.test(m.label));

/** "第20条" / "Measure 20"; "保障措施（一）" / "Safeguard measure （一）". */
export function measureLabel(m: MeasureRefFields, locale: string): string {
  if (isSafeguard(m)) return locale === "en" ? `Safeguard measure ${m.label}` : `保障措施${m.label}`;
  const number = m.number ?? m.label;
  return locale === "en" ? `Measure ${number}` : `第${number}条`;
}

/** The measure's title in the page's language, or null when its text is not entered yet. */
export function measureTitle(m: MeasureTitled, locale: string): string | null {
  return m.titleZh === null ? (locale === "en" ? m.titleEn : null) : localText(m.titleZh, m.titleEn, locale);
}

/** "第20条 完善教师交流制度": label and title, or the label alone. */
export function measureHeading(m: MeasureTitled, locale: string): string {
  const title = measureTitle(m, locale);
  return title ? `${measureLabel(m, locale)} ${title}` : measureLabel(m, locale);
}

/** The public page of a measure: /measures/20, /measures/s3. */
export function measureHref(m: { kind: "MEASURE" | "SAFEGUARD"; number: number }): string {
  return `/measures/${m.kind === "SAFEGUARD" ? `s${m.number}` : m.number}`;
}

/** Label and title apart, for pages that style them differently. */
export const measureName = (m: MeasureTitled, locale: string): { label: string; title: string | null } => ({ label: measureLabel(m, locale), title: measureTitle(m, locale) });
