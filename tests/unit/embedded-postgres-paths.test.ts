import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, chmodSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { traversableByOthers } from "../../src/cli/embedded-postgres";

// PostgreSQL runs as the `postgres` user: a data folder below a mode-700 folder (a root home,
// say) is unreachable for it, and the portal must then choose another place.
describe("where the embedded database may live", () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "portal-paths-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("accepts a folder every ancestor of which others may pass through", () => {
    chmodSync(base, 0o755);
    const open = path.join(base, "open", "checkout");
    mkdirSync(open, { recursive: true, mode: 0o755 });
    expect(traversableByOthers(open)).toBe(true);
  });

  it("refuses a folder below a private (700) folder", () => {
    const privateHome = path.join(base, "home");
    mkdirSync(path.join(privateHome, "checkout"), { recursive: true });
    chmodSync(privateHome, 0o700);
    expect(traversableByOthers(path.join(privateHome, "checkout"))).toBe(false);
  });
});

// embedded-postgres's exit hook used to end every process that loaded it with exit code 0, so a
// failed test run (vitest sets process.exitCode = 1) passed CI.
describe("a process that loads the embedded database", () => {
  it("keeps its own exit code", () => {
    const script = `import("./src/cli/embedded-postgres.ts").then(() => { process.exitCode = 3; });`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
  });
});
