import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { MESSAGE_FILES } from "./message-files";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const parts = await Promise.all(MESSAGE_FILES.map(async (file) => (await import(`./messages/${locale}/${file}.json`)).default));
  return {
    locale,
    messages: Object.assign({}, ...parts),
    timeZone: "Asia/Shanghai",
  };
});
