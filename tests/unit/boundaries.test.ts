import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layers of src/, checked on the sources (ARCHITECTURE.md, "Where code lives"):
// - src/shared: pure code that both the browser and the server import;
// - client components ("use client") reach the server only through src/actions;
// - src/server never reaches up into pages or components;
// - "use server" entry points live in src/actions and nowhere else.

const root = path.resolve(import.meta.dirname, "../..");
const src = path.join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const files = sourceFiles(src).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, "utf8") }));
const directive = (name: string) => new RegExp(`^(?:\\s|//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)*(["'])use ${name}\\1`);

/** Value imports (not `import type`) of each file: the module specifiers. */
function valueImports(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm)) specifiers.push(match[1]!);
  for (const match of text.matchAll(/^import\s+["']([^"']+)["']/gm)) specifiers.push(match[1]!);
  return specifiers;
}

const offenders = (selected: typeof files, forbidden: (specifier: string) => boolean) =>
  selected.flatMap(({ file, text }) => valueImports(text).filter(forbidden).map((specifier) => `${file} imports ${specifier}`));

describe("layer boundaries", () => {
  it("keeps src/shared pure: no server code, no database client, no Next", () => {
    const shared = files.filter(({ file }) => file.startsWith("src/shared/"));
    expect(shared.length).toBeGreaterThan(0);
    expect(offenders(shared, (s) => s.startsWith("@/server") || s === "server-only" || s.startsWith("next") || s === "@/generated/prisma/client" || s.startsWith("node:"))).toEqual([]);
  });

  it("lets client components reach the server only through src/actions", () => {
    const client = files.filter(({ text }) => directive("client").test(text));
    expect(client.length).toBeGreaterThan(10);
    expect(offenders(client, (s) => s.startsWith("@/server") || s === "server-only" || s === "@/generated/prisma/client")).toEqual([]);
  });

  it("never imports pages or components from src/server", () => {
    const server = files.filter(({ file }) => file.startsWith("src/server/"));
    expect(offenders(server, (s) => s.startsWith("@/app") || s.startsWith("@/components"))).toEqual([]);
  });

  it("leaves what a viewer may do to the reads: pages and components ask neither can() nor the workflow", () => {
    // Reads return view models that say what this viewer may do (ARCHITECTURE.md, "The read
    // pipeline"); a page that asked the permission table or the state machine itself would
    // re-derive a rule the server already decided.
    const asksItself = (text: string) => [
      ...[...text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+["']@\/server\/auth\/authorize["']/gm)].flatMap((m) => m[1]!.split(",").map((name) => name.trim()).filter((name) => name === "can" || name === "decide")),
      ...valueImports(text).filter((s) => s === "@/server/auth/permissions" || s === "@/server/reporting/state-machine"),
    ];
    const ui = files.filter(({ file }) => file.startsWith("src/app/") || file.startsWith("src/components/"));
    const asking = ui.filter(({ text }) => asksItself(text).length > 0).map(({ file, text }) => `${file}: ${asksItself(text).join(", ")}`);
    expect(asking).toEqual([]);
  });

  it("declares 'use server' entry points only in src/actions", () => {
    const outside = files.filter(({ file, text }) => directive("server").test(text) && !file.startsWith("src/actions/")).map(({ file }) => file);
    expect(outside).toEqual([]);
  });
});
