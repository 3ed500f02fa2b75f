import { z } from "zod";

// Validated once, at first use and at server boot (instrumentation.ts), so a misconfigured
// server fails loudly at start instead of on the first request that needs a value. Not at
// import time: `next build` must work without a database.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: run `npm start`, which provides an embedded PostgreSQL, or set it to your server" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Signs the session cookie (which carries only the server-side session id). npm start
  // generates one and keeps it beside the embedded database when it is not set.
  NEXTAUTH_SECRET: z.string({ error: "NEXTAUTH_SECRET is not set (npm start generates one; set it yourself elsewhere)" }).min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  // The public URL; https:// turns on Secure and __Host- cookies.
  NEXTAUTH_URL: z.url().optional(),
  // 1 only behind a reverse proxy of ours that sets X-Forwarded-For.
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // Log every query slower than this many milliseconds (0 turns the log off).
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
