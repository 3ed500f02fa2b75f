import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";

/**
 * The top of a page: a link back up (to the list it came from), the h1, an introduction, and
 * whatever else belongs above the page's content (a count, the offered actions).
 */
export function PageHeader({ title, back, intro, children }: { title: ReactNode; back?: { href: string; label: ReactNode }; intro?: ReactNode; children?: ReactNode }) {
  return (
    <header className="space-y-2">
      {back && (
        <p className="text-sm">
          <Link href={back.href} className="text-brand-800 underline">{back.label}</Link>
        </p>
      )}
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro !== undefined && <p className="max-w-3xl text-stone-700">{intro}</p>}
      {children}
    </header>
  );
}
