import type { ReactNode } from "react";

// Titled parts of a page. Plain components without hooks: server and client components both use them.

type Titled = { id: string; title: ReactNode; level?: 2 | 3; children: ReactNode };

function Heading({ id, level = 2, className, children }: { id: string; level?: 2 | 3; className: string; children: ReactNode }) {
  const Tag = level === 2 ? "h2" : "h3";
  return <Tag id={id} className={className}>{children}</Tag>;
}

/**
 * A titled part of a page: the heading (id `id`) names the section for screen readers, and a
 * DataTable in it through `labelledBy={id}`. `level` fits it into the page's outline.
 */
export function Section({ id, title, level, children }: Titled) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <Heading id={id} level={level} className="text-lg font-semibold">{title}</Heading>
      {children}
    </section>
  );
}

const PANEL_TONES = { plain: "border border-stone-300", emphasis: "border-2 border-brand-700" } as const;

/** A Section in a white box: a form, a filter, one thing to read or do. */
export function Panel({ id, title, level, tone = "plain", sectionId, children }: Titled & { tone?: keyof typeof PANEL_TONES; sectionId?: string }) {
  return (
    <section id={sectionId} aria-labelledby={id} className={`rounded bg-white p-4 ${PANEL_TONES[tone]}`}>
      <Heading id={id} level={level} className="text-lg font-semibold">{title}</Heading>
      {children}
    </section>
  );
}

const NOTICE_TONES = {
  success: "border-green-700 bg-green-50",
  warning: "border-amber-600 bg-amber-50",
  error: "border-red-700 bg-red-50 text-red-900",
} as const;

/**
 * A message set off by a coloured bar: a success ("status", announced), a warning, or an error
 * ("alert"). With a title the title is its heading (h2).
 */
export function Notice({ tone, title, role, className, children }: { tone: keyof typeof NOTICE_TONES; title?: ReactNode; role?: "status" | "alert"; className?: string; children: ReactNode }) {
  return (
    <div role={role} className={["border-l-4 p-3", NOTICE_TONES[tone], className].filter(Boolean).join(" ")}>
      {title !== undefined && <h2 className="font-semibold">{title}</h2>}
      {children}
    </div>
  );
}
