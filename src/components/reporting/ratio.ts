// Shared by the live form (client) and the read-only views (server): a ratio is computed from
// its numerator and denominator, never typed, so both sides must compute it the same way.

/** A typed figure as a number, or null when it is empty or not a number. */
export function parseFigure(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim().replace(/,/g, "");
  if (text === "" || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** numerator ÷ denominator, or null when either is missing or the denominator is 0. */
export function ratioOf(numerator: string | null | undefined, denominator: string | null | undefined): number | null {
  const n = parseFigure(numerator);
  const d = parseFigure(denominator);
  if (n === null || d === null || d === 0) return null;
  return n / d;
}

/** "87.5%" in the reader's language, "—" when there is nothing to compute. */
export function formatRatio(ratio: number | null, locale: string): string {
  if (ratio === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(ratio);
}

/** The key of one figure: an indicator about one subject unit (the unit or a township). */
export const figureKey = (indicatorId: number, subjectUnitId: number) => `${indicatorId}:${subjectUnitId}`;
