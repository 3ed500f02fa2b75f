import { z } from "zod";

// Validated once, at first use and at server boot (instrumentation.ts), so a misconfigured
// server fails loudly at start instead of on the first request that needs a value. Not at
// import time: `next build` must work without a database.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: run `npm start`, which provides an embedded PostgreSQL, or set it to your server" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
