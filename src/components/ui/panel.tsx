import type { ReactNode } from "react";

/**
 * A titled part of a page: the heading names the section for screen readers (and a DataTable
 * in it, through `labelledBy={id}`). `level` fits it into the page's outline.
 */
export function Section({ id, title, level = 2, children }: { id: string; title: ReactNode; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="space-y-2">
      <Heading id={id} className="text-lg font-semibold">{title}</Heading>
      {children}
    </section>
  );
}

/** A titled panel for one action on the account page. */
export function ActionPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-stone-300 bg-white p-4">
      <h3 id={`${id}-title`} className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}
