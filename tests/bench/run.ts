// `npm run bench` (after `npm run build`): serves the production build on a fresh seeded
// database (the e2e server) and measures the public pages under a bounded load on loopback.
// Prints figures; asserts nothing (speed is measured here, never in tests).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3190);
const base = `http://127.0.0.1:${port}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PAGES = ["/", "/measures/20", "/en/measures/19", "/departments", "/units/210381", "/login"];

const server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/serve.ts"], {
  cwd: root,
  env: { ...process.env, E2E_PORT: String(port), SLOW_QUERY_MS: "0" },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function measure(url: string) {
  for (let i = 0; i < 5; i++) await (await fetch(base + url)).arrayBuffer(); // warm up
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const response = await fetch(base + url);
        await response.arrayBuffer();
        if (!response.ok) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  return { url, requests: latencies.length, failures, rps: (latencies.length / seconds).toFixed(1), p50: pct(50), p95: pct(95), p99: pct(99) };
}

try {
  await waitForServer();
  console.log(`public pages, ${REQUESTS} requests each, ${CONCURRENCY} concurrent, production build on this machine`);
  console.log("url                      req/s    p50 ms   p95 ms   p99 ms   failures");
  for (const url of PAGES) {
    const r = await measure(url);
    console.log(`${r.url.padEnd(24)} ${r.rps.padStart(6)} ${r.p50.padStart(9)} ${r.p95.padStart(8)} ${r.p99.padStart(8)} ${String(r.failures).padStart(9)}`);
  }
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
