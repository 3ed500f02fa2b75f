import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only locale routing happens here. Authorization never does: it lives in the server code
// that reads or writes (src/server/*).
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
