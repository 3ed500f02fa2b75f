import { readFileSync } from "node:fs";
import path from "node:path";

// Seed data lives in the repository (prisma/seed-data): the project never reads ../shared at run time.
export const seedDataDir = path.resolve(import.meta.dirname, "..", "seed-data");

export function readSeedText(name: string): string {
  return readFileSync(path.join(seedDataDir, name), "utf8");
}

export function readSeedJson(name: string): unknown {
  return JSON.parse(readSeedText(name));
}
