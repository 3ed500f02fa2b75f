import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The rule in README.md, "Dependencies": every direct dependency is pinned to the exact version the
// lock file holds, and the Prisma packages move together.
const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));
const manifest = read("package.json") as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = read("package-lock.json") as { packages: Record<string, { version?: string }> };
const direct = { ...manifest.dependencies, ...manifest.devDependencies };

describe("dependency versions", () => {
  it("pins every direct dependency to one exact version, the one in package-lock.json", () => {
    const loose = Object.entries(direct).filter(([, version]) => !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version));
    expect(loose).toEqual([]);
    const drifted = Object.entries(direct).filter(([name, version]) => lock.packages[`node_modules/${name}`]?.version !== version);
    expect(drifted).toEqual([]);
  });

  it("keeps the Prisma CLI, client and driver adapters on one version", () => {
    const prisma = ["prisma", "@prisma/client", "@prisma/adapter-pg", "@prisma/driver-adapter-utils"].map((name) => [name, direct[name]]);
    expect(new Set(prisma.map(([, version]) => version)).size, JSON.stringify(prisma)).toBe(1);
  });
});
