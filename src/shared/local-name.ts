// Records carry their names in Chinese (always) and English (where one exists); a page in English
// falls back to the Chinese name rather than showing nothing.

export type LocalNamed = { nameZh: string; nameEn?: string | null };

/** The text in the page's language: English on /en when there is one, Chinese otherwise. */
export const localText = (zh: string, en: string | null | undefined, locale: string): string => (locale === "en" && en ? en : zh);

/** `unit.nameZh` / `unit.nameEn` in the page's language; "" for a missing record. */
export const localName = (record: LocalNamed | null | undefined, locale: string): string => (record ? localText(record.nameZh, record.nameEn, locale) : "");
