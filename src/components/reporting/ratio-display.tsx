"use client";

import { useLocale } from "next-intl";
import { formatRatio, ratioOf } from "./ratio";

/** A ratio recomputed as the numerator and denominator are typed; announced politely. */
export function RatioDisplay({ id, numerator, denominator }: { id: string; numerator: string; denominator: string }) {
  const locale = useLocale();
  return (
    <output id={id} aria-live="polite" className="font-mono text-lg font-semibold tabular-nums">
      {formatRatio(ratioOf(numerator, denominator), locale)}
    </output>
  );
}
