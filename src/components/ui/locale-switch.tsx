"use client";

import { Link, usePathname } from "@/i18n/navigation";

/** Same page, other language: the only client component the public pages need. */
export function LocaleSwitch({ otherLocale, label, ariaLabel }: { otherLocale: "zh-CN" | "en"; label: string; ariaLabel: string }) {
  const pathname = usePathname();
  return (
    <Link
      href={pathname}
      locale={otherLocale}
      lang={otherLocale}
      aria-label={ariaLabel}
      className="rounded border border-white/70 px-3 py-1 text-sm hover:bg-white hover:text-brand-800"
    >
      {label}
    </Link>
  );
}
