import { defineRouting } from "next-intl/routing";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

// Chinese lives at the unprefixed URLs and English under /en. Browser language never
// redirects: the portal is Chinese unless the reader chooses English.
export const routing = defineRouting({
  locales,
  defaultLocale: "zh-CN",
  localePrefix: "as-needed",
  localeDetection: false,
});
