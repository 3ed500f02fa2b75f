import type { Messages } from "./message-files";

// next-intl's types for this portal: t("…") accepts only keys that exist (in the zh-CN files,
// which have the same keys as the en ones), so a wrong key fails the type check
// (tests/unit/i18n-types.test.ts keeps it so). The locale is left a string: Next hands every page
// its [locale] segment as a string, which the layout has already checked (hasLocale, else 404);
// typing it would only move a cast into every page.
declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
