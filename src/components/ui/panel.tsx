import type { ReactNode } from "react";

/** A titled panel for one action on the account page. */
export function ActionPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-stone-300 bg-white p-4">
      <h3 id={`${id}-title`} className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}
