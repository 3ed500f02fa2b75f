import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { MESSAGE_FILES } from "../../src/i18n/message-files";
import { ROLES } from "../../src/shared/roles";

const dir = new URL("../../src/i18n/messages/", import.meta.url);
const load = (locale: string) =>
  Object.assign({}, ...MESSAGE_FILES.map((file) => JSON.parse(readFileSync(new URL(`${locale}/${file}.json`, dir), "utf8")))) as Tree;
const zh = load("zh-CN");
const en = load("en");

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Top-level ICU arguments such as {count} or {name}; plural branches are not arguments. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0) {
        const match = /^\{\s*([A-Za-z0-9_]+)/.exec(message.slice(i));
        if (match?.[1]) names.add(match[1]);
      }
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

describe("translations", () => {
  it("loads every message file there is, in both languages", () => {
    for (const locale of ["zh-CN", "en"]) {
      const files = readdirSync(new URL(`${locale}/`, dir)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files).toEqual([...MESSAGE_FILES].sort());
    }
  });

  it("never defines one namespace in two files", () => {
    const seen = new Map<string, string>();
    for (const file of MESSAGE_FILES) {
      for (const ns of Object.keys(JSON.parse(readFileSync(new URL(`zh-CN/${file}.json`, dir), "utf8")))) {
        expect(seen.get(ns), `namespace ${ns} in ${file} and ${seen.get(ns)}`).toBeUndefined();
        seen.set(ns, file);
      }
    }
  });

  const zhKeys = flatten(zh);
  const enKeys = flatten(en);

  it("has every key in both zh-CN and en", () => {
    const missingInEn = [...zhKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInZh = [...enKeys.keys()].filter((k) => !zhKeys.has(k));
    expect({ missingInEn, missingInZh }).toEqual({ missingInEn: [], missingInZh: [] });
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...zhKeys.keys()]
      .filter((k) => enKeys.has(k))
      .filter((k) => argumentsOf(zhKeys.get(k)!).join() !== argumentsOf(enKeys.get(k)!).join());
    expect(mismatched).toEqual([]);
  });

  it("names each role once, in the roles namespace, with a label of its own", () => {
    for (const [locale, keys] of [["zh-CN", zhKeys], ["en", enKeys]] as const) {
      const labels = ROLES.map((role) => keys.get(`roles.${role}`));
      expect(labels.every(Boolean), locale).toBe(true);
      expect(new Set(labels).size, locale).toBe(ROLES.length);
      // a second set of role labels elsewhere is how the same role came to have two names
      const elsewhere = [...keys.keys()].filter((key) => !key.startsWith("roles.") && (ROLES as readonly string[]).includes(key.split(".").at(-1)!));
      expect(elsewhere, locale).toEqual([]);
    }
  });

  it("has no empty message", () => {
    const empty = [...zhKeys, ...enKeys].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });
});
