import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every function the browser can call as a server action must go through serverAction(spec),
// which runs session → validation → authorization → audit (src/server/actions). This test
// reads the sources: a "use server" export in any other form fails the build.

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const files = sourceFiles(path.join(root, "src")).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, "utf8") }));
const directive = /^\s*(["'])use server\1;?\s*$/m;
const isServerFile = (text: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/.test(text);

describe("server actions", () => {
  it("declares 'use server' only at the top of a file, never inside a function", () => {
    const inline = files.filter(({ text }) => directive.test(text) && !isServerFile(text)).map(({ file }) => file);
    expect(inline).toEqual([]);
  });

  it("exports nothing from a 'use server' file but serverAction(spec) wrappers", () => {
    const offenders: string[] = [];
    for (const { file, text } of files.filter(({ text }) => isServerFile(text))) {
      for (const line of text.split("\n")) {
        if (!/^\s*export\b/.test(line)) continue;
        if (/^export const [A-Za-z0-9_]+ = serverAction\(/.test(line)) continue;
        offenders.push(`${file}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("finds the checker's own subject: the rule would notice a bad export", () => {
    const bad = '"use server";\nexport async function sneaky() {}\n';
    expect(isServerFile(bad)).toBe(true);
    expect(bad.split("\n").some((l) => /^\s*export\b/.test(l) && !/^export const [A-Za-z0-9_]+ = serverAction\(/.test(l))).toBe(true);
  });
});
