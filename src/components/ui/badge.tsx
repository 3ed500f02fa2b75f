import type { ReactNode } from "react";

const tones = {
  neutral: "bg-stone-200 text-stone-800",
  missing: "bg-amber-100 text-amber-900 border border-amber-300",
  lead: "bg-brand-700 text-white",
  info: "bg-sky-100 text-sky-900",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}
