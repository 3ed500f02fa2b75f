import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { MessageKey } from "@/i18n/message-files";

/**
 * A page's generateMetadata whose title is one message, by its full (type-checked) key:
 * `export const generateMetadata = titleMetadata("adminOrg.units.title");`
 */
export function titleMetadata(messageKey: MessageKey, extra: Omit<Metadata, "title"> = {}) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    return { ...extra, title: (await getTranslations({ locale }))(messageKey) };
  };
}
