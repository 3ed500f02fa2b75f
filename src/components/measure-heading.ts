type Measure = { kind: "MEASURE" | "SAFEGUARD"; number: number; label: string; titleZh: string | null; titleEn: string | null };
type Translator = (key: "safeguardLabel" | "measureLabel", values: Record<string, string | number>) => string;

/** "第20条" + "完善教师交流制度" / "Measure 20" + its English title; title null when the text is missing. */
export function measureName(m: Measure, locale: string, t: Translator): { label: string; title: string | null } {
  const label = m.kind === "SAFEGUARD" ? t("safeguardLabel", { label: m.label }) : t("measureLabel", { number: m.number });
  const title = locale === "en" ? (m.titleEn ?? m.titleZh) : m.titleZh;
  return { label, title };
}

export function measureHref(m: { kind: "MEASURE" | "SAFEGUARD"; number: number }): string {
  return `/measures/${m.kind === "SAFEGUARD" ? `s${m.number}` : m.number}`;
}
