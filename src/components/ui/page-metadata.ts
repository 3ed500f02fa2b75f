import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * A page's generateMetadata whose title is one message, by its full path:
 * `export const generateMetadata = titleMetadata("adminOrg.units.title");`
 */
export function titleMetadata(messagePath: string, extra: Omit<Metadata, "title"> = {}) {
  const split = messagePath.lastIndexOf(".");
  const namespace = messagePath.slice(0, split);
  const key = messagePath.slice(split + 1);
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    return { ...extra, title: (await getTranslations({ locale, namespace }))(key) };
  };
}
