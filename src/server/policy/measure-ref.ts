// Measures are addressed in URLs as "20" (numbered measure 20) or "s1" (safeguard (一)).
export type MeasureRef = { kind: "MEASURE" | "SAFEGUARD"; number: number };

export function parseMeasureRef(ref: string): MeasureRef | null {
  const match = /^(s?)(\d{1,3})$/i.exec(ref);
  if (!match?.[2]) return null;
  const number = Number(match[2]);
  if (number < 1) return null;
  return { kind: match[1] ? "SAFEGUARD" : "MEASURE", number };
}

export function measureRef(m: MeasureRef): string {
  return m.kind === "SAFEGUARD" ? `s${m.number}` : String(m.number);
}
